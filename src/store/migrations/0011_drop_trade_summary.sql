-- The foundation's demo job wrote per-channel trade counts here; `eod run` (issue 4) superseded
-- it and nothing writes or reads the table any more.
DROP TABLE eod_trade_summary;
