-- Issue 18: the Southbound permissions the broker has granted (SPEC SUIT-1..6,
-- docs/investors.md "The permission registry"). One row per grant of a channel to an account,
-- with the assessment it was granted on; closing fills closed_on and the check that allowed it.
-- At most one open permission per account and channel (the partial unique index), so a second
-- concurrent grant is refused by the database as well as by the command.
CREATE TABLE investor_permission (
  account_id TEXT NOT NULL REFERENCES account (account_id),
  channel    TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  granted_on TEXT NOT NULL,
  granted_by TEXT NOT NULL,
  assessment TEXT NOT NULL,
  closed_on  TEXT,
  closed_by  TEXT,
  closing    TEXT,
  PRIMARY KEY (account_id, channel, granted_on),
  CHECK (closed_on IS NULL OR closed_on >= granted_on)
);
CREATE UNIQUE INDEX investor_permission_open ON investor_permission (account_id, channel)
  WHERE closed_on IS NULL;

-- The re-assessment job's notices (SUIT-6): a permission listed as due soon, then as expired,
-- for the questionnaire valid until `valid_until`; each once, so the daily job tells the
-- investor once per stage and the list of what was told stays.
CREATE TABLE investor_reassessment_notice (
  account_id  TEXT NOT NULL REFERENCES account (account_id),
  channel     TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  valid_until TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('due_soon', 'expired')),
  listed_on   TEXT NOT NULL,
  notified    BIGINT NOT NULL,
  PRIMARY KEY (account_id, channel, valid_until, status)
);
