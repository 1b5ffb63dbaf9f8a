-- The emailed one-time code of a login attempt (issue 5; SPEC PORTAL-2, AUTH-1): only its hash,
-- when it stops being valid, and when it was sent (the resend cooldown).
ALTER TABLE login_attempt ADD COLUMN email_code_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE login_attempt ADD COLUMN email_code_expires_at TEXT NOT NULL DEFAULT '';
ALTER TABLE login_attempt ADD COLUMN email_code_sent_at TEXT NOT NULL DEFAULT '';
