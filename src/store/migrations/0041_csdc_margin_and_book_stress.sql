-- SPEC CLR-9 from 2022-06-13: CSDC's margin follows HKSCC's risk parameters (risk.margin_method
-- hkscc_rpf, eod/csdc_margin.h). Each reserve's risk funds keep the method they were worked out
-- by and, for hkscc_rpf, every figure of the VaR margin (JSON, risk/margin_json.h) for the
-- report. Rows from before: the rate method, no figures.
ALTER TABLE eod_risk_funds ADD COLUMN margin_method TEXT NOT NULL DEFAULT 'rate'
  CHECK (margin_method IN ('rate', 'hkscc_rpf'));
ALTER TABLE eod_risk_funds ADD COLUMN margin_figures TEXT;

-- SPEC ORG-4 (seed 002 附件1 第26条): the broker's Southbound book under stress, per channel,
-- reserve account and scenario, from the day's run (eod/book_stress_stage.h). HKD.
CREATE TABLE eod_book_stress (
  business_date   TEXT NOT NULL,
  channel         TEXT NOT NULL,
  reserve         TEXT NOT NULL,
  scenario        TEXT NOT NULL,
  description     TEXT NOT NULL,
  long_value_hkd  {{DECIMAL}} NOT NULL,
  short_value_hkd {{DECIMAL}} NOT NULL,
  pnl_hkd         {{DECIMAL}} NOT NULL,
  loss_hkd        {{DECIMAL}} NOT NULL,
  collateral_hkd  {{DECIMAL}} NOT NULL,
  shortfall_hkd   {{DECIMAL}} NOT NULL,
  PRIMARY KEY (business_date, channel, reserve, scenario)
);
