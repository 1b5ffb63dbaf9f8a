-- The journal's postings are read by business date (the primary key: `ledger check`, reports).
-- Nothing reads them by account yet, and keeping an (account, asset) index costs the EOD run a
-- random B-tree insert per posting: about 1.7 s of a 9.3 s run at 500,000 executions (see
-- docs/performance.md). Account statements (issue 4, CLR-17) will read per-day balances, and add
-- the index they need with the query that uses it.
DROP INDEX ledger_posting_by_account;
