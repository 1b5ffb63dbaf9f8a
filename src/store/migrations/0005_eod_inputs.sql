-- Inputs of the end-of-day run (issue 4; grammars in docs/formats.md). Every import is all or
-- nothing; importing the same rows again changes nothing.
ALTER TABLE account ADD COLUMN a_share_online_rate {{DECIMAL}};

-- Closing prices per security and date, HKD (SPEC CLR-9 marks, CLR-6 portfolio fee).
CREATE TABLE closing_price (
  price_date    TEXT NOT NULL,
  security_code TEXT NOT NULL,
  close_hkd     {{DECIMAL}} NOT NULL,
  PRIMARY KEY (price_date, security_code)
);

-- FX per channel and date, RMB per HKD (SPEC CLR-15): reference rates freeze intraday, settlement
-- rates clear; Shanghai and Shenzhen convert independently.
CREATE TABLE fx_rate (
  rate_date       TEXT NOT NULL,
  channel         TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  reference_buy   {{DECIMAL}} NOT NULL,
  reference_sell  {{DECIMAL}} NOT NULL,
  settlement_buy  {{DECIMAL}} NOT NULL,
  settlement_sell {{DECIMAL}} NOT NULL,
  PRIMARY KEY (rate_date, channel)
);

-- Opening securities positions and cash, as of a date.
CREATE TABLE opening_position (
  as_of         TEXT NOT NULL,
  account_id    TEXT NOT NULL REFERENCES account (account_id),
  channel       TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  security_code TEXT NOT NULL,
  quantity      BIGINT NOT NULL CHECK (quantity >= 0),
  PRIMARY KEY (as_of, account_id, channel, security_code)
);

CREATE TABLE opening_cash (
  as_of      TEXT NOT NULL,
  account_id TEXT NOT NULL REFERENCES account (account_id),
  currency   TEXT NOT NULL,
  amount     {{DECIMAL}} NOT NULL,
  PRIMARY KEY (as_of, account_id, currency)
);

-- The broker's CSDC reserve accounts (结算备付金), client and own money apart (SPEC CLR-17).
CREATE TABLE reserve_balance (
  balance_date TEXT NOT NULL,
  channel      TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  reserve      TEXT NOT NULL CHECK (reserve IN ('client', 'own')),
  balance_rmb  {{DECIMAL}} NOT NULL,
  PRIMARY KEY (balance_date, channel, reserve)
);
