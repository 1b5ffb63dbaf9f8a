-- Issue 18 (SPEC SUIT-4): the online opening of the Southbound permission, one application per
-- account and channel (docs/investors.md "The online opening"). `state` follows
-- investors/opening.h; at most one application per account and channel is open (the partial
-- unique index), so a second concurrent application is refused by the database too. The
-- one-time code is kept as a hash only; `disclosure_opened` is the SHA-256 of the disclosure
-- version served to the investor (the step is confirmed only after it); `outcome` is the
-- decision's JSON: the qualification's rules on a refusal, the assessment on a grant.
CREATE TABLE investor_application (
  application_id    {{ID}},
  firm_id           TEXT NOT NULL,
  user_id           TEXT NOT NULL,
  account_id        TEXT NOT NULL REFERENCES account (account_id),
  channel           TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  state             TEXT NOT NULL,
  started_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  code_hash         TEXT NOT NULL DEFAULT '',
  code_expires_at   TEXT NOT NULL DEFAULT '',
  code_sent_at      TEXT NOT NULL DEFAULT '',
  code_failures     BIGINT NOT NULL DEFAULT 0,
  disclosure_opened TEXT NOT NULL DEFAULT '',
  outcome           TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX investor_application_open ON investor_application (account_id, channel)
  WHERE state NOT IN ('signed', 'refused', 'abandoned');
CREATE INDEX investor_application_user ON investor_application (firm_id, user_id);

-- The knowledge test's attempts (SUIT-4): the questions drawn for each (never the answers sent
-- to the page), then the answers given and how many were right once marked. Attempts are
-- counted per account, channel and HKT day across applications (suit.knowledge_attempts_per_day),
-- so abandoning an application does not reset them.
CREATE TABLE investor_knowledge_attempt (
  application_id BIGINT NOT NULL REFERENCES investor_application (application_id),
  attempt        BIGINT NOT NULL,
  account_id     TEXT NOT NULL,
  channel        TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  drawn_on       TEXT NOT NULL,
  bank_version   TEXT NOT NULL,
  questions      TEXT NOT NULL,
  answers        TEXT NOT NULL DEFAULT '',
  correct        BIGINT,
  PRIMARY KEY (application_id, attempt)
);
CREATE INDEX investor_knowledge_attempt_day
  ON investor_knowledge_attempt (account_id, channel, drawn_on);
