-- Pre-clearing on T and each client investor's available funds (SPEC CLR-13, CLR-14; seed 002
-- 附件4 第34、37条; clearing/pre_clearing.h): one row per client account with money or fees at
-- stake at T's close, with every term, and whether the investor must be told to top up.
CREATE TABLE eod_pre_clearing (
  business_date            TEXT NOT NULL,
  account_id               TEXT NOT NULL,
  cash_statement_date      TEXT NOT NULL,
  cash_statement_rmb       {{DECIMAL}} NOT NULL,
  settled_since_rmb        {{DECIMAL}} NOT NULL,
  fees_collected_since_rmb {{DECIMAL}} NOT NULL,
  cash_rmb                 {{DECIMAL}} NOT NULL,
  unsettled_buys_rmb       {{DECIMAL}} NOT NULL,
  unsettled_sells_rmb      {{DECIMAL}} NOT NULL,
  portfolio_fee_rmb        {{DECIMAL}} NOT NULL,
  todays_buys_rmb          {{DECIMAL}} NOT NULL,
  frozen_at_reference_rmb  {{DECIMAL}} NOT NULL,
  frozen_adjustment_rmb    {{DECIMAL}} NOT NULL,
  available_southbound_rmb {{DECIMAL}} NOT NULL,
  available_a_share_rmb    {{DECIMAL}} NOT NULL,
  notify                   INTEGER NOT NULL CHECK (notify IN (0, 1)),
  PRIMARY KEY (business_date, account_id)
);
