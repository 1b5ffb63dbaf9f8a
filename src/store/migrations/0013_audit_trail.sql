-- The audit trail (SPEC PORTAL-12, ORG-3; src/audit/audit_chain.h): append-only entries chained
-- by SHA-256, and the head (the last entry's seq and hash). Appending reads the head FOR UPDATE
-- (PostgreSQL) or under SQLite's write lock, so concurrent writers queue and never fork the
-- chain; `connectpost audit verify` walks it.
CREATE TABLE audit_entry (
  seq       BIGINT PRIMARY KEY,
  at_utc    TEXT NOT NULL,
  actor     TEXT NOT NULL,
  firm      TEXT NOT NULL,
  action    TEXT NOT NULL,
  object    TEXT NOT NULL,
  detail    TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE INDEX audit_entry_by_object ON audit_entry (object, seq);
CREATE INDEX audit_entry_by_actor ON audit_entry (actor, seq);

CREATE TABLE audit_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
