-- The participant portal's requests (issue 6; SPEC PORTAL-5..9, PORTAL-12; docs/portal.md).
-- A firm's profile fills forms in; a request keeps its data (JSON, validated against its
-- service's schema in catalog/), its state in the maker-checker life (src/workflow), who made
-- it, and a timeline of every step. Nothing is deleted: withdrawn, rejected and completed are
-- states. Attachments are stored once per content (SHA-256) and listed per request.
CREATE TABLE firm_profile (
  firm_id       TEXT PRIMARY KEY REFERENCES firm (firm_id),
  name_zh       TEXT NOT NULL,
  address       TEXT NOT NULL,
  contact_name  TEXT NOT NULL,
  contact_phone TEXT NOT NULL,
  contact_email TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE TABLE firm_participant_id (
  firm_id        TEXT NOT NULL REFERENCES firm (firm_id),
  clearing_house TEXT NOT NULL CHECK (clearing_house IN ('HKSCC', 'HKCC', 'SEOCH', 'SEHK')),
  participant_id TEXT NOT NULL,
  PRIMARY KEY (firm_id, clearing_house)
);

CREATE TABLE service_request (
  request_id    {{ID}},
  reference     TEXT NOT NULL UNIQUE,  -- SR-00000042, what users quote
  firm_id       TEXT NOT NULL REFERENCES firm (firm_id),
  service_id    TEXT NOT NULL,         -- catalog/NN-<service_id>.json
  operator_team TEXT NOT NULL,
  status        TEXT NOT NULL,
  -- firm|service|subject while the request is open and its service allows one open request
  -- per subject (catalog one_open_per); NULL otherwise. Unique: the database refuses a second
  -- one even when two submissions race.
  open_key      TEXT,
  data          TEXT NOT NULL,         -- JSON
  search_text   TEXT NOT NULL,         -- lower case (portal/request_data.h)
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,         -- UTC
  updated_at    TEXT NOT NULL,
  submitted_by  TEXT NOT NULL,         -- '' until submitted
  submitted_at  TEXT NOT NULL,
  checked_by    TEXT NOT NULL,         -- the checker who approved or returned it last
  checked_at    TEXT NOT NULL,
  assignee      TEXT NOT NULL,         -- the operator working on it; ''
  reason        TEXT NOT NULL,         -- the last return's or rejection's reason
  version       INTEGER NOT NULL       -- +1 per change: a stale page cannot overwrite a newer one
);
CREATE UNIQUE INDEX service_request_open ON service_request (open_key);
CREATE INDEX service_request_by_firm ON service_request (firm_id, updated_at);
CREATE INDEX service_request_by_firm_status ON service_request (firm_id, status, updated_at);
CREATE INDEX service_request_by_team ON service_request (operator_team, status, updated_at);

-- Everyone who created, changed or submitted a request: none of them may approve it.
CREATE TABLE service_request_maker (
  request_id INTEGER NOT NULL REFERENCES service_request (request_id),
  user_id    TEXT NOT NULL,
  PRIMARY KEY (request_id, user_id)
);
CREATE INDEX service_request_maker_by_user ON service_request_maker (user_id);

-- The status timeline; the hash-chained audit trail holds the same steps.
CREATE TABLE service_request_event (
  request_id  INTEGER NOT NULL REFERENCES service_request (request_id),
  seq         INTEGER NOT NULL,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status   TEXT NOT NULL,
  reason      TEXT NOT NULL,
  changes     TEXT NOT NULL,  -- JSON array of the pointers changed, or of attachment names
  PRIMARY KEY (request_id, seq)
);

CREATE TABLE attachment_content (
  sha256         TEXT PRIMARY KEY,
  content_base64 TEXT NOT NULL
);

CREATE TABLE attachment (
  attachment_id {{ID}},
  request_id    INTEGER NOT NULL REFERENCES service_request (request_id),
  slot          TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size_bytes    INTEGER NOT NULL,
  sha256        TEXT NOT NULL REFERENCES attachment_content (sha256),
  uploaded_by   TEXT NOT NULL,
  uploaded_at   TEXT NOT NULL,
  removed_by    TEXT NOT NULL,  -- '' while attached; a removal is recorded, not deleted
  removed_at    TEXT NOT NULL
);
CREATE INDEX attachment_by_request ON attachment (request_id);
