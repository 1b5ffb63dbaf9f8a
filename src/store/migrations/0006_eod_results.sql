-- Results of `connectpost eod run` for a business date; a rerun replaces them in one transaction.
CREATE TABLE eod_execution_result (
  business_date     TEXT NOT NULL,
  trade_id          TEXT NOT NULL,
  account_id        TEXT NOT NULL,
  channel           TEXT NOT NULL,
  side              TEXT NOT NULL,
  reserve           TEXT NOT NULL,
  consideration_hkd {{DECIMAL}} NOT NULL,
  stamp_duty        {{DECIMAL}} NOT NULL,
  trading_fee       {{DECIMAL}} NOT NULL,
  sfc_levy          {{DECIMAL}} NOT NULL,
  afrc_levy         {{DECIMAL}} NOT NULL,
  trading_tariff    {{DECIMAL}} NOT NULL,
  settlement_fee    {{DECIMAL}} NOT NULL,
  fees_hkd          {{DECIMAL}} NOT NULL,
  commission_hkd    {{DECIMAL}} NOT NULL,
  investor_hkd      {{DECIMAL}} NOT NULL,
  rate              {{DECIMAL}} NOT NULL,
  investor_rmb      {{DECIMAL}} NOT NULL,
  csdc_rmb          {{DECIMAL}} NOT NULL,
  commission_rmb    {{DECIMAL}} NOT NULL,
  PRIMARY KEY (business_date, trade_id)
);

CREATE TABLE eod_investor_obligation (
  business_date   TEXT NOT NULL,
  account_id      TEXT NOT NULL,
  channel         TEXT NOT NULL,
  reserve         TEXT NOT NULL,
  executions      BIGINT NOT NULL,
  buy_rmb         {{DECIMAL}} NOT NULL,
  sell_rmb        {{DECIMAL}} NOT NULL,
  net_rmb         {{DECIMAL}} NOT NULL,
  settlement_date TEXT NOT NULL,
  PRIMARY KEY (business_date, account_id, channel)
);

CREATE TABLE eod_csdc_obligation (
  business_date  TEXT NOT NULL,
  channel        TEXT NOT NULL,
  reserve        TEXT NOT NULL,
  executions     BIGINT NOT NULL,
  buy_rmb        {{DECIMAL}} NOT NULL,
  sell_rmb       {{DECIMAL}} NOT NULL,
  net_rmb        {{DECIMAL}} NOT NULL,
  commission_rmb {{DECIMAL}} NOT NULL,
  flow           TEXT NOT NULL,
  flow_date      TEXT NOT NULL,
  cutoff_hkt     TEXT NOT NULL,
  PRIMARY KEY (business_date, channel, reserve)
);

CREATE TABLE ledger_posting (
  business_date TEXT NOT NULL,
  entry         TEXT NOT NULL,
  seq           BIGINT NOT NULL,
  account       TEXT NOT NULL,
  asset         TEXT NOT NULL,
  amount        {{DECIMAL}} NOT NULL,
  PRIMARY KEY (business_date, entry, seq)
);
CREATE INDEX ledger_posting_by_account ON ledger_posting (account, asset);
