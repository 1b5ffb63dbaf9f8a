-- Wrong second-factor codes count on the user, not the login attempt: a fresh attempt (a right
-- password again) must not reset them, or codes could be guessed without ever locking. Reset
-- only by a successful sign-in.
ALTER TABLE user_security ADD COLUMN factor_failures BIGINT NOT NULL DEFAULT 0;
