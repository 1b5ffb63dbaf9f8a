-- Firms, users and their roles per firm (SPEC PORTAL-3, PORTAL-4, ORG-1, AUTH-1;
-- src/identity). A user holds roles in one or more firms; a (user, firm) pair with a role is a
-- membership. Secrets: only the Argon2id hash of a password is stored.
CREATE TABLE firm (
  firm_id    TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('broker', 'clearing_participant', 'designated_bank', 'operator')),
  created_at TEXT NOT NULL
);

CREATE TABLE app_user (
  user_id       TEXT PRIMARY KEY,  -- the login name
  display_name  TEXT NOT NULL,
  email         TEXT NOT NULL,     -- the designated 2FA address (AUTH-1); '' until registered
  password_hash TEXT NOT NULL,     -- Argon2id PHC string; '' until set
  status        TEXT NOT NULL CHECK (status IN ('active', 'locked', 'disabled')),
  locked_until  TEXT NOT NULL,     -- UTC; '' while locked means until an administrator unlocks
  created_at    TEXT NOT NULL
);

CREATE TABLE user_role (
  user_id    TEXT NOT NULL REFERENCES app_user (user_id),
  firm_id    TEXT NOT NULL REFERENCES firm (firm_id),
  role       TEXT NOT NULL,
  granted_by TEXT NOT NULL,
  granted_at TEXT NOT NULL,
  PRIMARY KEY (user_id, firm_id, role)
);
CREATE INDEX user_role_by_firm ON user_role (firm_id, user_id);
