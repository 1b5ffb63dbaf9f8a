-- Issue 15 §3: a day's executions, their EOD results and its journal as column-packed segments
-- (docs/decisions/0012-column-segments.md, store/column_codec.h): one row per 16,384 executions
-- of a date and channel, ordered by account and trade id, instead of one row per execution.
-- The program packs the rows of the three tables these replace right after this script
-- (store/execution_segments.h, pack_row_tables) and drops them.
CREATE TABLE execution_segment (
  trade_date    TEXT NOT NULL,
  channel       TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  segment_no    BIGINT NOT NULL,
  row_count     BIGINT NOT NULL,
  first_account TEXT NOT NULL,
  last_account  TEXT NOT NULL,
  payload       {{BLOB}} NOT NULL,
  PRIMARY KEY (trade_date, channel, segment_no)
);

CREATE TABLE execution_result_segment (
  business_date TEXT NOT NULL,
  channel       TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  segment_no    BIGINT NOT NULL,
  row_count     BIGINT NOT NULL,
  first_account TEXT NOT NULL,
  last_account  TEXT NOT NULL,
  payload       {{BLOB}} NOT NULL,
  PRIMARY KEY (business_date, channel, segment_no)
);

-- The journal of a business date, posting by posting in the order written (an entry's postings
-- adjacent, numbered from 1): ledger_posting's rows become these, a segment per 16,384 postings.
CREATE TABLE ledger_posting_segment (
  business_date TEXT NOT NULL,
  segment_no    BIGINT NOT NULL,
  row_count     BIGINT NOT NULL,
  payload       {{BLOB}} NOT NULL,
  PRIMARY KEY (business_date, segment_no)
);
