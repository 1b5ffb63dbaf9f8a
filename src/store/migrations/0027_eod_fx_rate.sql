-- The rates an EOD run used, per channel (SPEC CLR-15), stored with its results so that a report
-- shows what the run used even after `import fx --replace` corrects the input (issue 21).
CREATE TABLE eod_fx_rate (
  business_date   TEXT NOT NULL,
  channel         TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  reference_buy   {{DECIMAL}} NOT NULL,
  reference_sell  {{DECIMAL}} NOT NULL,
  settlement_buy  {{DECIMAL}} NOT NULL,
  settlement_sell {{DECIMAL}} NOT NULL,
  PRIMARY KEY (business_date, channel)
);
