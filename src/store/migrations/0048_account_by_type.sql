-- Issue 17: an event's holders take their account types from the ids of each type other than
-- individual, read in id order from this index (store/ca_store.h security_holders_in_statement),
-- not by a lookup per holder: at 2 million holders the join with `account` took 1.3 s in SQLite
-- (docs/performance.md).
CREATE INDEX account_by_type ON account (account_type, account_id);
