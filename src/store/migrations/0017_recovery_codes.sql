-- Recovery codes (issue 5): ten one-time codes per user for when the second factor is lost;
-- only their hashes are stored, and a used code is kept with its use time, never reused.
CREATE TABLE recovery_code (
  user_id   TEXT NOT NULL REFERENCES app_user (user_id),
  code_hash TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  used_at   TEXT NOT NULL,  -- '' until used
  PRIMARY KEY (user_id, code_hash)
);
