-- Seminars and events (SPEC PORTAL-10) and the document centre (PORTAL-11), issue 6.
-- An event has sessions; a registration holds a seat (confirmed) or waits for one (waitlisted)
-- until cancelled, never deleted. A document has versions whose bytes are stored once per
-- SHA-256 with the requests' attachments; who may see it goes by firm kind; every download is
-- in the audit trail.
CREATE TABLE portal_event (
  event_id       {{ID}},
  code           TEXT NOT NULL UNIQUE,
  title_en       TEXT NOT NULL,
  title_zh_hant  TEXT NOT NULL,
  title_zh_hans  TEXT NOT NULL,
  description    TEXT NOT NULL,
  deadline       TEXT NOT NULL,   -- UTC; registration closes at this instant
  seats_per_firm INTEGER NOT NULL, -- over the whole event; 0 = no limit
  firm_kinds     TEXT NOT NULL,   -- '|'-separated kinds invited
  status         TEXT NOT NULL CHECK (status IN ('open', 'cancelled')),
  created_by     TEXT NOT NULL,
  created_at     TEXT NOT NULL
);

CREATE TABLE event_session (
  session_id     {{ID}},
  event_id       INTEGER NOT NULL REFERENCES portal_event (event_id),
  starts_at      TEXT NOT NULL,   -- UTC
  ends_at        TEXT NOT NULL,
  mode           TEXT NOT NULL CHECK (mode IN ('venue', 'online')),
  venue          TEXT NOT NULL,   -- the address, or the meeting details sent on confirmation
  language       TEXT NOT NULL CHECK (language IN ('en', 'yue', 'cmn')),
  capacity       INTEGER NOT NULL,
  seats_per_firm INTEGER NOT NULL, -- for this session alone; 0 = none
  status         TEXT NOT NULL CHECK (status IN ('open', 'cancelled')),
  version        INTEGER NOT NULL  -- bumped to lock the row while seats are counted
);
CREATE INDEX event_session_by_event ON event_session (event_id);

CREATE TABLE event_registration (
  registration_id {{ID}},
  session_id      INTEGER NOT NULL REFERENCES event_session (session_id),
  event_id        INTEGER NOT NULL REFERENCES portal_event (event_id),
  firm_id         TEXT NOT NULL REFERENCES firm (firm_id),
  registered_by   TEXT NOT NULL,
  attendee_name   TEXT NOT NULL,
  attendee_email  TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
  created_at      TEXT NOT NULL,
  changed_at      TEXT NOT NULL
);
CREATE INDEX event_registration_by_session ON event_registration (session_id, status, registration_id);
CREATE INDEX event_registration_by_firm ON event_registration (event_id, firm_id, status);

CREATE TABLE document (
  document_id   {{ID}},
  code          TEXT NOT NULL UNIQUE,
  category      TEXT NOT NULL,
  title_en      TEXT NOT NULL,
  title_zh_hant TEXT NOT NULL,
  title_zh_hans TEXT NOT NULL,
  firm_kinds    TEXT NOT NULL,  -- '|'-separated kinds entitled to see it
  created_at    TEXT NOT NULL
);

CREATE TABLE document_version (
  document_id  INTEGER NOT NULL REFERENCES document (document_id),
  version      INTEGER NOT NULL,
  file_name    TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes   INTEGER NOT NULL,
  sha256       TEXT NOT NULL REFERENCES attachment_content (sha256),
  notes        TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (document_id, version)
);
