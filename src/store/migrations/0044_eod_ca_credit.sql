-- SPEC CLR-2, CLR-7, CLR-11 (issue 17): the corporate-action cash an EOD run cleared to each
-- investor on the day CSDC cleared it (eod/ca_cash_stage.h): the net RMB credited, payable by
-- CSDC and usable by the investor on payable_date, which the CLR-11 transfer of that settlement
-- day counts as dividends receivable.
CREATE TABLE eod_ca_credit (
  business_date      TEXT NOT NULL,
  event_id           TEXT NOT NULL,
  channel            TEXT NOT NULL,
  account_id         TEXT NOT NULL,
  reserve            TEXT NOT NULL CHECK (reserve IN ('client', 'own')),
  holding            BIGINT NOT NULL,
  gross_ccy          {{DECIMAL}} NOT NULL,
  gross_rmb          {{DECIMAL}} NOT NULL,
  enterprise_tax_rmb {{DECIMAL}} NOT NULL,
  tax_rmb            {{DECIMAL}} NOT NULL,
  tax_withheld_by    TEXT NOT NULL,
  net_rmb            {{DECIMAL}} NOT NULL,
  payable_date       TEXT NOT NULL,
  PRIMARY KEY (business_date, event_id, channel, account_id)
);
CREATE INDEX eod_ca_credit_by_payable_date ON eod_ca_credit (channel, payable_date);
