-- Issue 15 §3: a run's per-execution results no longer repeat their executions. A result
-- segment written by a run holds only the figures that take a rounding (the fee lines, the
-- commission, the rate, the RMB amounts) and lines up row for row with the day's execution
-- segment of the same channel and number, whose bytes' XXH3-64 (16 hex digits) it records
-- here: a reader joins the two and derives the sums (store/execution_segments.h), and refuses
-- when the executions were replaced after the run. NULL: a segment that holds its executions
-- itself (those written before, and by migrations and tests).
ALTER TABLE execution_result_segment ADD COLUMN execution_xxh3 TEXT;
