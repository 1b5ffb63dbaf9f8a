-- A transfer recomputed and reissued after an intraday default (SPEC CLR-19; seed 002 附件4
-- 第42条): the reserve account short after the 10:30 batch of the run's date, the amount still
-- due, the morning's instruction if a run made one, and the day's transfer recomputed.
CREATE TABLE eod_transfer_reissue (
  business_date   TEXT NOT NULL,
  channel         TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  reserve         TEXT NOT NULL CHECK (reserve IN ('client', 'own')),
  still_due_rmb   {{DECIMAL}} NOT NULL,
  instructed_rmb  {{DECIMAL}},  -- NULL: no run instructed the day
  recomputed_rmb  {{DECIMAL}} NOT NULL,
  instruction     TEXT NOT NULL,
  PRIMARY KEY (business_date, channel, reserve)
);
