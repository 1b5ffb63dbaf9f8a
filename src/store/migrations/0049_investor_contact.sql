-- Issue 17 (targeted notices by SMS): the mobile number an investor of a firm is texted at. Set
-- by the broker (`connectpost user set-mobile`, audited); issue 18's investor register will own
-- it as part of the investor's records.
CREATE TABLE investor_contact (
  firm_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  mobile  TEXT NOT NULL,
  set_at  TEXT NOT NULL,
  set_by  TEXT NOT NULL,
  PRIMARY KEY (firm_id, user_id)
);
