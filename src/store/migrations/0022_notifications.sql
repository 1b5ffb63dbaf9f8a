-- Notifications (issue 6; SPEC PORTAL-8): an in-app inbox per user, and mail when the user has
-- something to do or something they submitted changed state, as each happens, in a daily digest
-- (connectpost notifications digest), or not at all, per user.
CREATE TABLE notification (
  notification_id {{ID}},
  user_id    TEXT NOT NULL REFERENCES app_user (user_id),
  firm_id    TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('task', 'update')),
  reference  TEXT NOT NULL,  -- the request (or event) it is about
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,
  link       TEXT NOT NULL,  -- a path of the portal: /request.html#firm=…&ref=…
  created_at TEXT NOT NULL,
  read_at    TEXT NOT NULL,  -- '' until read
  mail_state TEXT NOT NULL CHECK (mail_state IN ('none', 'sent', 'failed', 'digest', 'digested'))
);
CREATE INDEX notification_by_user ON notification (user_id, created_at);
CREATE INDEX notification_digest ON notification (mail_state, user_id);

CREATE TABLE notification_preference (
  user_id    TEXT PRIMARY KEY REFERENCES app_user (user_id),
  email_mode TEXT NOT NULL CHECK (email_mode IN ('each', 'digest', 'none')),
  updated_at TEXT NOT NULL
);
