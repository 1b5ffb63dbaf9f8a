-- Issue 18 (SPEC SUIT-3, SUIT-5): the back office's counter — an opening (an institution's, or
-- any investor's whose evidence is on record) or a closing of the Southbound permission, filed by
-- one member of the broker's staff and decided by another (maker-checker). `agreement_sha256` is
-- the agreement version the investor signed at the counter (an opening); `outcome` is the
-- assessment or the closing check the approval ran; `reason` the checker's on a rejection. One
-- pending request per account, channel and kind (the partial unique index).
CREATE TABLE investor_counter_request (
  request_id       {{ID}},
  firm_id          TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('open', 'close')),
  account_id       TEXT NOT NULL REFERENCES account (account_id),
  channel          TEXT NOT NULL CHECK (channel IN ('sh', 'sz')),
  state            TEXT NOT NULL,
  note             TEXT NOT NULL DEFAULT '',
  agreement_sha256 TEXT NOT NULL DEFAULT '',
  filed_by         TEXT NOT NULL,
  filed_at         TEXT NOT NULL,
  decided_by       TEXT NOT NULL DEFAULT '',
  decided_at       TEXT NOT NULL DEFAULT '',
  reason           TEXT NOT NULL DEFAULT '',
  outcome          TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX investor_counter_pending ON investor_counter_request (account_id, channel, kind)
  WHERE state = 'pending';
CREATE INDEX investor_counter_firm ON investor_counter_request (firm_id, request_id);
