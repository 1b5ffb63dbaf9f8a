-- Self-service credentials (issue 5; docs/identity.md): an authenticator app enrolled from the
-- browser waits as "pending" until a first code from it proves the scan (the app already in use
-- keeps working until then), and password resets by emailed one-time link. As with sessions,
-- only the SHA-256 of a reset link's token is stored.
ALTER TABLE user_security ADD COLUMN totp_pending_hex TEXT NOT NULL DEFAULT '';
ALTER TABLE user_security ADD COLUMN totp_pending_expires_at TEXT NOT NULL DEFAULT '';

CREATE TABLE password_reset (
  reset_hash TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES app_user (user_id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT NOT NULL   -- '' until used; a link works once
);
CREATE INDEX password_reset_by_user ON password_reset (user_id, created_at);
