-- Issue 17 (SPEC CA-3): which of the book's securities accounts a portal user holds as an
-- investor, so that the holder's notices and elections show that investor's accounts and no
-- one else's (store/investor_account_store.h). Issue 18's opening flow will add links as it
-- admits an investor; until then `connectpost user link-account` does, audited.
CREATE TABLE investor_account (
  firm_id    TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  account_id TEXT NOT NULL,
  linked_at  TEXT NOT NULL,
  linked_by  TEXT NOT NULL,
  PRIMARY KEY (firm_id, user_id, account_id)
);
-- The investors of an account, for the notices that go to an event's holders only.
CREATE INDEX investor_account_by_account ON investor_account (firm_id, account_id);
