-- Issue 15 §3: a run's per-investor rows as column-packed segments (store/investor_segments.h),
-- like its executions' results since migration 0032: a day of ten million executions has about
-- 2.3 million investor obligations and 1.3 million pre-clearing rows, which cost the run more to
-- insert row by row (B-tree, index and text per row) than everything else it writes.
-- A segment holds up to 16,384 rows of one business date in account order, with its first and
-- last account beside it, so one investor's rows are read without decoding the day.
CREATE TABLE eod_investor_segment (
  business_date TEXT NOT NULL,
  segment_no    BIGINT NOT NULL,
  row_count     BIGINT NOT NULL,
  first_account TEXT NOT NULL,
  last_account  TEXT NOT NULL,
  payload       {{BLOB}} NOT NULL,
  PRIMARY KEY (business_date, segment_no)
);

CREATE TABLE eod_pre_clearing_segment (
  business_date TEXT NOT NULL,
  segment_no    BIGINT NOT NULL,
  row_count     BIGINT NOT NULL,
  first_account TEXT NOT NULL,
  last_account  TEXT NOT NULL,
  payload       {{BLOB}} NOT NULL,
  PRIMARY KEY (business_date, segment_no)
);

-- The investors' clearing dates (STL-2), one per trade date and channel: every investor of a
-- channel settles its trade date's money on the same day, and a delay (CLR-18, migration 0031)
-- moves them all together. Was a pair of columns on each investor's row.
CREATE TABLE eod_investor_settlement (
  business_date           TEXT NOT NULL,
  channel                 TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  planned_settlement_date TEXT NOT NULL,
  settlement_date         TEXT NOT NULL,
  PRIMARY KEY (business_date, channel)
);
INSERT INTO eod_investor_settlement (business_date, channel, planned_settlement_date,
                                     settlement_date)
  SELECT business_date, channel, MIN(COALESCE(planned_settlement_date, settlement_date)),
         MIN(settlement_date)
  FROM eod_investor_obligation GROUP BY business_date, channel;
-- The program packs the rows of eod_investor_obligation and eod_pre_clearing right after this
-- script (store/investor_segments.h, pack_investor_tables) and drops them.
