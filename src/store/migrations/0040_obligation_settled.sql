-- Issue 16 (Fast): whether the payments toward an obligation reach its amount, kept with it so that
-- a home page reads the open ones without summing a year of paid ones (p99 < 20 ms at 64
-- connections). The store sets it in the transaction that records a payment; amounts are summed
-- in C++ (SQLite would sum decimal text in binary floating point). NULL: not yet worked out (a
-- row from before this migration), read and summed like an open one.
ALTER TABLE money_obligation ADD COLUMN settled INTEGER CHECK (settled IN (0, 1));
CREATE INDEX money_obligation_open ON money_obligation (participant, deadline_at, settled);
