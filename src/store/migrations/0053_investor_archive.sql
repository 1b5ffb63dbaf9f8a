-- Issue 18 item 6: the investor's archive (SPEC SUIT-7, investors/archive.h). One chain per
-- account: records are appended, never updated; a record past its retention date may be purged
-- only from the front, the last purged record's seq and hash kept as the chain's anchor.
CREATE TABLE investor_archive (
  account_id   TEXT NOT NULL REFERENCES account (account_id),
  seq          BIGINT NOT NULL,
  at_utc       TEXT NOT NULL,
  actor        TEXT NOT NULL,
  kind         TEXT NOT NULL,
  channel      TEXT NOT NULL,
  retain_until TEXT NOT NULL,
  content      TEXT NOT NULL,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL,
  PRIMARY KEY (account_id, seq)
);
CREATE TABLE investor_archive_anchor (
  account_id TEXT PRIMARY KEY REFERENCES account (account_id),
  seq        BIGINT NOT NULL,
  hash       TEXT NOT NULL
);
