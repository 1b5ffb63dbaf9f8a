-- Issue 16's portal: the day-end margin figures each obligations run worked from (the home
-- page's 60-day chart, the printable day), the notices sent for an obligation (its report issued,
-- an hour before its deadline), and payments an operator enters for a second operator to check.
CREATE TABLE margin_day (
  participant            TEXT NOT NULL,
  as_of                  TEXT NOT NULL,
  regime                 TEXT NOT NULL,
  net_margin_hkd         {{DECIMAL}} NOT NULL,   -- after favourable marks and the credit
  mtm_requirement_hkd    {{DECIMAL}} NOT NULL,
  total_requirement_hkd  {{DECIMAL}} NOT NULL,
  collateral_on_hand_hkd {{DECIMAL}} NOT NULL,
  figures                TEXT NOT NULL,          -- every component, as `risk margin --json`
  PRIMARY KEY (participant, as_of)
);

-- UTC instants; NULL until the notice went out. A scheduler claims a row by setting it.
ALTER TABLE money_obligation ADD COLUMN report_notice_at TEXT;
ALTER TABLE money_obligation ADD COLUMN reminder_at TEXT;

CREATE TABLE payment_entry (
  entry_id       {{ID}},
  payment_id     TEXT NOT NULL UNIQUE,      -- the bank's reference; the payment's id once approved
  obligation_id  TEXT NOT NULL REFERENCES money_obligation (obligation_id),
  amount_hkd     {{DECIMAL}} NOT NULL CHECK (amount_hkd > 0),
  received_at    TEXT NOT NULL,             -- UTC
  method         TEXT NOT NULL CHECK (method IN ('direct_debit', 'chats', 'others')),
  entered_by     TEXT NOT NULL,
  entered_at     TEXT NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
  decided_by     TEXT,
  decided_at     TEXT,
  reason         TEXT
);
CREATE INDEX payment_entry_by_state ON payment_entry (state, entry_id);
