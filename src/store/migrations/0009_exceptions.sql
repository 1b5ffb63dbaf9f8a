-- The reserve account's balance after each CSDC batch (input, SPEC CLR-16), and the money
-- exceptions of an EOD run: investor overdrafts (CLR-12) and settlement defaults (CLR-16).
CREATE TABLE reserve_check (
  check_date  TEXT NOT NULL,
  channel     TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  reserve     TEXT NOT NULL CHECK (reserve IN ('client', 'own')),
  batch       TEXT NOT NULL CHECK (batch IN ('10:30', '18:00')),
  balance_rmb {{DECIMAL}} NOT NULL,
  PRIMARY KEY (check_date, channel, reserve, batch)
);

CREATE TABLE eod_exception (
  business_date TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('overdraft', 'default')),
  subject       TEXT NOT NULL,  -- the account (overdraft) or channel:reserve (default)
  amount_rmb    {{DECIMAL}} NOT NULL,  -- the overdraft, or max(intraday, end-of-day) default
  detail_rmb    {{DECIMAL}} NOT NULL,  -- the projected balance, or the end-of-day default
  penalty_rmb   {{DECIMAL}} NOT NULL,
  interest_rmb  {{DECIMAL}} NOT NULL,
  action        TEXT NOT NULL,
  PRIMARY KEY (business_date, kind, subject)
);
