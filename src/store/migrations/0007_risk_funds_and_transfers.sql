-- Risk funds (SPEC CLR-9) and the daily funds-transfer instruction (CLR-11) per channel and
-- reserve account, written by `connectpost eod run` with the rest of the date's results.
CREATE TABLE eod_risk_funds (
  business_date       TEXT NOT NULL,
  channel             TEXT NOT NULL,
  reserve             TEXT NOT NULL,
  marks_hkd           {{DECIMAL}} NOT NULL,
  marks_payable_hkd   {{DECIMAL}} NOT NULL,
  long_value_hkd      {{DECIMAL}} NOT NULL,
  short_value_hkd     {{DECIMAL}} NOT NULL,
  collateral_hkd      {{DECIMAL}} NOT NULL,
  margin_position_hkd {{DECIMAL}} NOT NULL,
  margin_hkd          {{DECIMAL}} NOT NULL,
  risk_funds_hkd      {{DECIMAL}} NOT NULL,
  rate                {{DECIMAL}} NOT NULL,
  risk_funds_rmb      {{DECIMAL}} NOT NULL,
  flow_date           TEXT NOT NULL,
  PRIMARY KEY (business_date, channel, reserve)
);

CREATE TABLE eod_funds_transfer (
  business_date            TEXT NOT NULL,
  channel                  TEXT NOT NULL,
  reserve                  TEXT NOT NULL,
  reserve_balance_prev_rmb {{DECIMAL}} NOT NULL,
  trading_money_net_rmb    {{DECIMAL}} NOT NULL,
  risk_funds_rmb           {{DECIMAL}} NOT NULL,
  risk_funds_prev_rmb      {{DECIMAL}} NOT NULL,
  portfolio_fee_rmb        {{DECIMAL}} NOT NULL,
  dividends_rmb            {{DECIMAL}} NOT NULL,
  transfer_rmb             {{DECIMAL}} NOT NULL,
  direction                TEXT NOT NULL,
  instruction              TEXT NOT NULL,
  PRIMARY KEY (business_date, channel, reserve)
);
