-- Issue 16: clearing participants' money obligations to HKSCC (risk/money_obligations.h), the
-- payments against them, and the Guarantee Fund figures that raise some of them.
-- Times are UTC instants (ISO 8601, Z); the command line and the API show them in HKT.
CREATE TABLE money_obligation (
  obligation_id    TEXT PRIMARY KEY,       -- participant:arising_date:kind
  participant      TEXT NOT NULL,
  arising_date     TEXT NOT NULL,
  kind             TEXT NOT NULL,
  amount_hkd       {{DECIMAL}} NOT NULL CHECK (amount_hkd > 0),
  channel          TEXT NOT NULL,
  deadline_date    TEXT NOT NULL,          -- HKT
  deadline_hkt     TEXT NOT NULL,
  deadline_at      TEXT NOT NULL,          -- the same instant in UTC, for ordering and defaults
  report           TEXT NOT NULL,
  report_date      TEXT NOT NULL,          -- HKT
  report_hkt       TEXT NOT NULL,
  report_issued_at TEXT NOT NULL,          -- the same instant in UTC
  basis            TEXT NOT NULL,
  defaulted_at     TEXT                    -- found unpaid at its deadline (MO-2, GR 3701)
);
CREATE INDEX money_obligation_by_participant ON money_obligation (participant, arising_date);
CREATE INDEX money_obligation_by_deadline ON money_obligation (deadline_at);

CREATE TABLE obligation_payment (
  payment_id    TEXT PRIMARY KEY,          -- the bank's or the operator's reference
  obligation_id TEXT NOT NULL REFERENCES money_obligation (obligation_id),
  amount_hkd    {{DECIMAL}} NOT NULL CHECK (amount_hkd > 0),
  received_at   TEXT NOT NULL,
  method        TEXT NOT NULL CHECK (method IN ('direct_debit', 'chats', 'others')),
  source        TEXT NOT NULL              -- the file it came in, or operator:<user>
);
CREATE INDEX obligation_payment_by_obligation ON obligation_payment (obligation_id);

CREATE TABLE guarantee_fund_position (
  as_of                   TEXT NOT NULL,
  participant             TEXT NOT NULL,
  contribution_hkd        {{DECIMAL}},      -- on a review day
  expected_loss_hkd       {{DECIMAL}} NOT NULL,
  fund_at_limit           INTEGER NOT NULL CHECK (fund_at_limit IN (0, 1)),
  PRIMARY KEY (as_of, participant)
);
