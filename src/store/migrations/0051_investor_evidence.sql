-- Issue 18: the broker's records of its investors that the suitability rules read
-- (docs/investors.md, docs/formats.md "Investor evidence"), one table per source file. Rows are
-- statements of a date: a second import of the same row is unchanged, other values under the
-- same key are refused (a correction is filed, not re-imported). Flags are 0 or 1.
CREATE TABLE investor_asset_snapshot (
  account_id     TEXT NOT NULL REFERENCES account (account_id),
  as_of          TEXT NOT NULL,
  securities_rmb {{DECIMAL}} NOT NULL,
  cash_rmb       {{DECIMAL}} NOT NULL,
  margin_net_rmb {{DECIMAL}} NOT NULL,
  PRIMARY KEY (account_id, as_of)
);
CREATE TABLE investor_questionnaire (
  account_id             TEXT NOT NULL REFERENCES account (account_id),
  completed_on           TEXT NOT NULL,
  risk_level             TEXT NOT NULL,
  low_level_acknowledged BIGINT NOT NULL,
  PRIMARY KEY (account_id, completed_on)
);
CREATE TABLE investor_knowledge_test (
  account_id   TEXT NOT NULL REFERENCES account (account_id),
  channel      TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  taken_on     TEXT NOT NULL,
  bank_version TEXT NOT NULL,
  questions    BIGINT NOT NULL,
  correct      BIGINT NOT NULL,
  PRIMARY KEY (account_id, channel, taken_on, bank_version)
);
CREATE TABLE investor_trading_warning (
  account_id TEXT NOT NULL REFERENCES account (account_id),
  exchange   TEXT NOT NULL CHECK (exchange IN ('sse', 'szse')),
  warned_on  TEXT NOT NULL,
  PRIMARY KEY (account_id, exchange, warned_on)
);
CREATE TABLE investor_profile (
  account_id                TEXT NOT NULL REFERENCES account (account_id),
  channel                   TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  as_of                     TEXT NOT NULL,
  a_share_account           TEXT NOT NULL,
  serious_integrity_problem BIGINT NOT NULL,
  legally_barred            BIGINT NOT NULL,
  PRIMARY KEY (account_id, channel, as_of)
);
CREATE TABLE investor_document (
  account_id TEXT NOT NULL REFERENCES account (account_id),
  channel    TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  document   TEXT NOT NULL CHECK (document IN ('risk_disclosure_study', 'agreement')),
  signed_on  TEXT NOT NULL,
  sha256     TEXT NOT NULL,
  PRIMARY KEY (account_id, channel, document, signed_on)
);
