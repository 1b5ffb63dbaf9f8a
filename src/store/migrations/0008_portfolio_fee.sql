-- The portfolio fee charged to each investor by the EOD of a trade date (SPEC CLR-6).
CREATE TABLE eod_portfolio_fee (
  business_date   TEXT NOT NULL,
  account_id      TEXT NOT NULL,
  channel         TEXT NOT NULL,
  reserve         TEXT NOT NULL,
  value_hkd       {{DECIMAL}} NOT NULL,
  days            BIGINT NOT NULL,
  fee_hkd         {{DECIMAL}} NOT NULL,
  fee_rmb         {{DECIMAL}} NOT NULL,
  collection_date TEXT NOT NULL,
  PRIMARY KEY (business_date, account_id, channel)
);
