-- Issue 16: clearing participants' CNS positions at HKSCC, per valuation date (the grammar of
-- cns_positions.csv in risk/cns_positions.h). A file restates each (as_of, participant) it
-- names: importing it replaces those statements whole. Closing prices for margin go to
-- closing_price (0005) like the EOD's.
CREATE TABLE cns_position (
  as_of              TEXT NOT NULL,
  participant        TEXT NOT NULL,
  security_code      TEXT NOT NULL,
  settlement_date    TEXT NOT NULL,
  quantity           BIGINT NOT NULL CHECK (quantity <> 0),
  contract_value_hkd {{DECIMAL}} NOT NULL,
  ssc_quantity       BIGINT NOT NULL CHECK (ssc_quantity >= 0),
  scc_amount_hkd     {{DECIMAL}} NOT NULL,
  PRIMARY KEY (as_of, participant, security_code, settlement_date)
);
