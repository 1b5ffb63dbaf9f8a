-- Settlement delays (SPEC CLR-18; seed 002 附件4 第40条): when a holiday, a typhoon or a half day
-- moves a settlement after the trade date's run, the investors' clearing dates move with CSDC's.
-- The trade date's run keeps the date it planned; a later run moves the current one and lists
-- the investors concerned, to be told.
ALTER TABLE eod_investor_obligation ADD COLUMN planned_settlement_date TEXT;
UPDATE eod_investor_obligation SET planned_settlement_date = settlement_date;
ALTER TABLE eod_csdc_obligation ADD COLUMN planned_flow_date TEXT;
UPDATE eod_csdc_obligation SET planned_flow_date = flow_date;

CREATE TABLE eod_settlement_delay (
  business_date   TEXT NOT NULL,  -- the run that found it
  trade_date      TEXT NOT NULL,
  channel         TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  account_id      TEXT NOT NULL,
  net_rmb         {{DECIMAL}} NOT NULL,  -- the investor's trade money (positive: it pays)
  planned_date    TEXT NOT NULL,
  settlement_date TEXT NOT NULL,
  reason          TEXT NOT NULL,
  PRIMARY KEY (business_date, trade_date, channel, account_id)
);
