-- Investor accounts and the day's executions (grammars in docs/formats.md), and the results
-- of end-of-day jobs. Amounts and prices are exact decimals: TEXT on SQLite (whose NUMERIC
-- affinity would turn them into binary floating point) and NUMERIC on PostgreSQL.
CREATE TABLE account (
  account_id         TEXT PRIMARY KEY,
  account_type       TEXT NOT NULL CHECK (account_type IN ('individual', 'institution', 'proprietary')),
  money_kind         TEXT NOT NULL CHECK (money_kind IN ('client', 'own')),
  commission_rate    {{DECIMAL}} NOT NULL,
  commission_min_hkd {{DECIMAL}} NOT NULL
);

CREATE TABLE execution (
  trade_id      TEXT PRIMARY KEY,
  trade_date    TEXT NOT NULL,
  channel       TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  account_id    TEXT NOT NULL REFERENCES account (account_id),
  security_code TEXT NOT NULL,
  side          TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
  quantity      BIGINT NOT NULL CHECK (quantity > 0),
  price_hkd     {{DECIMAL}} NOT NULL
);
CREATE INDEX execution_by_date ON execution (trade_date, channel);

-- One row per (business date, job): a rerun replaces its row and its results.
CREATE TABLE eod_run (
  business_date TEXT NOT NULL,
  job           TEXT NOT NULL,
  finished_at   TEXT NOT NULL,
  input_rows    BIGINT NOT NULL,
  result_digest TEXT NOT NULL,
  PRIMARY KEY (business_date, job)
);

CREATE TABLE eod_trade_summary (
  business_date     TEXT NOT NULL,
  channel           TEXT NOT NULL,
  side              TEXT NOT NULL,
  executions        BIGINT NOT NULL,
  quantity          BIGINT NOT NULL,
  consideration_hkd {{DECIMAL}} NOT NULL,
  accounts          BIGINT NOT NULL,
  PRIMARY KEY (business_date, channel, side)
);
