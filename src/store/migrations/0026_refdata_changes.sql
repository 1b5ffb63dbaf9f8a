-- Reference-data changes filed in the operator's workspace (issue 6 item 7): a new holiday or
-- half day, a severe-weather episode, a fee from a date. One operator files the change, another
-- checks it; only the check applies it (to calendar_closure_added, calendar_weather_added or
-- ref_fee_added). Never deleted: a rejection or a withdrawal is a recorded state.
CREATE TABLE refdata_change (
  change_id   {{ID}},
  reference   TEXT NOT NULL UNIQUE,  -- RC-00000042
  firm_id     TEXT NOT NULL REFERENCES firm (firm_id),  -- the operator's firm
  kind        TEXT NOT NULL,         -- closure | weather | fee
  payload     TEXT NOT NULL,         -- JSON: the fields of the change as filed
  summary     TEXT NOT NULL,         -- one line for the lists, e.g. "fee trading_fee 0.0000565 from 2027-01-01"
  status      TEXT NOT NULL,         -- submitted | applied | rejected | withdrawn
  made_by     TEXT NOT NULL,
  made_at     TEXT NOT NULL,         -- UTC
  checked_by  TEXT NOT NULL,         -- '' until applied or rejected
  checked_at  TEXT NOT NULL,
  reason      TEXT NOT NULL          -- the rejection's or withdrawal's reason
);
CREATE INDEX refdata_change_by_firm ON refdata_change (firm_id, change_id);

-- A fee rule in force from a date, replacing the file's rule from then on (refdata::
-- FeeSchedule::supersede). The whole rule is stored, copied from the one it replaces but for
-- the new rate or amount.
CREATE TABLE ref_fee_added (
  code           TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  basis          TEXT NOT NULL,  -- rate | per_trade
  rate           TEXT NOT NULL,  -- '' for per_trade
  amount_hkd     TEXT NOT NULL,  -- '' for rate
  rounding       TEXT NOT NULL,
  scale          INTEGER NOT NULL,
  min_hkd        TEXT NOT NULL,
  max_hkd        TEXT NOT NULL,
  etf            TEXT NOT NULL,  -- applies | exempt
  source         TEXT NOT NULL,
  added_at       TEXT NOT NULL,
  added_by       TEXT NOT NULL,
  PRIMARY KEY (code, effective_from)
);
