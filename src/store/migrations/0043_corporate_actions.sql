-- SPEC CA-1, CA-2, CLR-7 (issue 17): the corporate actions CSDC forwards, one row per event as
-- announced (corpactions/event_file.h). An event is never replaced: a second announcement that
-- says anything else is refused (canonical: corpactions canonical_text).
CREATE TABLE ca_event (
  event_id          TEXT PRIMARY KEY,
  action_type       TEXT NOT NULL,
  security_code     TEXT NOT NULL,
  ex_date           TEXT,
  record_date       TEXT,
  payment_date      TEXT,
  currency          TEXT,
  rate              {{DECIMAL}},
  price             {{DECIMAL}},
  ratio_new         BIGINT,
  ratio_old         BIGINT,
  new_security_code TEXT NOT NULL,
  board_lot_after   BIGINT,
  issuer_type       TEXT NOT NULL,
  election_open     TEXT,
  csdc_deadline     TEXT,
  hkscc_deadline    TEXT,
  options           TEXT NOT NULL,
  source            TEXT NOT NULL,
  canonical         TEXT NOT NULL,
  imported_from     TEXT NOT NULL
);
CREATE INDEX ca_event_by_security ON ca_event (security_code, record_date);

-- CSDC's clearing of an event's cash per channel: its rate and clearing date (SPEC CLR-7;
-- corpactions/csdc_payment.h). One per event and channel, never replaced.
CREATE TABLE ca_payment (
  event_id      TEXT NOT NULL REFERENCES ca_event (event_id),
  channel       TEXT NOT NULL,
  currency      TEXT NOT NULL,
  rmb_per_unit  {{DECIMAL}} NOT NULL,
  clearing_date TEXT NOT NULL,
  source        TEXT NOT NULL,
  imported_from TEXT NOT NULL,
  PRIMARY KEY (event_id, channel)
);
CREATE INDEX ca_payment_by_clearing_date ON ca_payment (clearing_date);

-- Investors' election instructions (SPEC CA-3): every one kept in arrival order; the last of an
-- account prevails (corpactions/elections.h). choices: "for=600;against=400".
CREATE TABLE ca_election (
  event_id      TEXT NOT NULL REFERENCES ca_event (event_id),
  sequence      BIGINT NOT NULL,
  channel       TEXT NOT NULL,
  account_id    TEXT NOT NULL,
  choices       TEXT NOT NULL,
  instructed_at TEXT NOT NULL,
  entered_by    TEXT NOT NULL,
  PRIMARY KEY (event_id, sequence)
);
