-- Second factors, failure counters, login attempts and sessions (issue 5; docs/identity.md).
-- Tokens are never stored: a login attempt and a session are found by the SHA-256 of their
-- cookie's random token, so a copy of the database opens no session.
CREATE TABLE user_security (
  user_id           TEXT PRIMARY KEY REFERENCES app_user (user_id),
  totp_secret_hex   TEXT NOT NULL,    -- '' = no authenticator app enrolled
  totp_confirmed    BIGINT NOT NULL,  -- 1 once a first code proved the enrolment
  totp_last_step    BIGINT NOT NULL,  -- the last time step accepted: no code is used twice
  password_failures BIGINT NOT NULL   -- wrong passwords since the last right one
);

CREATE TABLE login_attempt (
  attempt_hash    TEXT PRIMARY KEY,
  user_id         TEXT NOT NULL REFERENCES app_user (user_id),
  created_at      TEXT NOT NULL,
  expires_at      TEXT NOT NULL,
  factor_failures BIGINT NOT NULL   -- wrong second-factor codes in this attempt
);

CREATE TABLE user_session (
  session_hash    TEXT PRIMARY KEY,
  user_id         TEXT NOT NULL REFERENCES app_user (user_id),
  csrf_token      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  last_seen_at    TEXT NOT NULL,
  absolute_expiry TEXT NOT NULL,
  ended_at        TEXT NOT NULL,    -- '' while live
  ended_reason    TEXT NOT NULL
);
CREATE INDEX user_session_by_user ON user_session (user_id, ended_at);
