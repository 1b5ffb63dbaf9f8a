-- The CLR-11 funds transfer, second design (issue 15): one instruction per settlement day S,
-- channel and reserve account, made by the run of the last trading day before S from what it
-- knew at its close, with every term of seed 002 附件4 第27条 and the trade dates whose trading
-- money moves on S. The first design's table computed the transfer from the run date's own
-- trades; its rows are kept, under a name that says so, for the record.
ALTER TABLE eod_funds_transfer RENAME TO eod_funds_transfer_first_design;

CREATE TABLE eod_transfer (
  business_date                TEXT NOT NULL,  -- the run that instructed it
  settlement_date              TEXT NOT NULL,  -- S, the morning the transfer is made
  channel                      TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  reserve                      TEXT NOT NULL CHECK (reserve IN ('client', 'own')),
  reserve_balance_date         TEXT NOT NULL,
  reserve_balance_basis        TEXT NOT NULL CHECK (reserve_balance_basis IN ('imported', 'projected')),
  reserve_balance_previous_rmb {{DECIMAL}} NOT NULL,
  trading_money_payable_rmb    {{DECIMAL}} NOT NULL,
  trading_money_receivable_rmb {{DECIMAL}} NOT NULL,
  risk_funds_due_rmb           {{DECIMAL}} NOT NULL,
  risk_funds_previous_rmb      {{DECIMAL}} NOT NULL,
  portfolio_fee_rmb            {{DECIMAL}} NOT NULL,
  dividends_receivable_rmb     {{DECIMAL}} NOT NULL,
  transfer_rmb                 {{DECIMAL}} NOT NULL,
  direction                    TEXT NOT NULL CHECK (direction IN ('reserve_to_bank', 'bank_to_reserve', 'none')),
  instruction                  TEXT NOT NULL,
  closing_balance_rmb          {{DECIMAL}} NOT NULL,
  PRIMARY KEY (business_date, settlement_date, channel, reserve)
);
CREATE INDEX eod_transfer_by_settlement_date ON eod_transfer (settlement_date);

-- The trade dates whose CSDC net moves on S, each with its net (positive: the broker pays) and
-- whether it is paid at S's 10:30 batch or received at its 18:00 batch.
CREATE TABLE eod_transfer_trade_date (
  business_date    TEXT NOT NULL,
  settlement_date  TEXT NOT NULL,
  channel          TEXT NOT NULL,
  reserve          TEXT NOT NULL,
  trade_date       TEXT NOT NULL,
  net_rmb          {{DECIMAL}} NOT NULL,
  batch            TEXT NOT NULL CHECK (batch IN ('10:30', '18:00', 'none')),
  PRIMARY KEY (business_date, settlement_date, channel, reserve, trade_date)
);
