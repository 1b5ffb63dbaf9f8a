-- Reference data loaded from data/ (`connectpost refdata load`), with provenance per row. A load
-- replaces the whole set in one transaction; later issues put changes behind maker-checker.
CREATE TABLE ref_parameter (
  key            TEXT NOT NULL,
  value          TEXT NOT NULL,
  unit           TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_to   TEXT,
  source         TEXT NOT NULL,
  note           TEXT NOT NULL,
  file           TEXT NOT NULL,
  line           BIGINT NOT NULL,
  PRIMARY KEY (key, effective_from)
);

CREATE TABLE ref_load (
  file      TEXT PRIMARY KEY,
  rows      BIGINT NOT NULL,
  loaded_at TEXT NOT NULL
);
