-- The migration ledger itself is created by the runner (migrations.cpp); this first migration
-- records the schema's identity so `connectpost db status` can tell a connectpost database
-- from a foreign one.
CREATE TABLE schema_info (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO schema_info (name, value) VALUES ('application', 'connectpost');
