-- SPEC CLR-10, CLR-20 (issue 17 item 6): CSDC's non-trade transfer data (inheritance, divorce,
-- donation, a legal person's end, a court order, pledges), as imported
-- (corpactions/non_trade_transfer.h). A transfer is never replaced: a second row of the same id
-- that says anything else is refused (canonical: the row as read, normalized).
CREATE TABLE ca_non_trade_transfer (
  transfer_id      TEXT PRIMARY KEY,
  reason           TEXT NOT NULL,
  channel          TEXT NOT NULL,
  clearing_date    TEXT NOT NULL,
  from_account     TEXT NOT NULL,
  to_account       TEXT NOT NULL,
  security_code    TEXT NOT NULL,
  quantity         BIGINT NOT NULL,
  fee_account      TEXT NOT NULL,
  transfer_fee_rmb {{DECIMAL}} NOT NULL,
  stamp_duty_rmb   {{DECIMAL}} NOT NULL,
  source           TEXT NOT NULL,
  canonical        TEXT NOT NULL,
  imported_from    TEXT NOT NULL
);
-- The holdings at a close read the transfers of a channel's days after a statement.
CREATE INDEX ca_non_trade_transfer_by_date ON ca_non_trade_transfer (channel, clearing_date);

-- What the EOD run of the clearing date debited for each transfer (eod/non_trade_stage.h): the
-- fees to the account CSDC's data names, settled with CSDC on `settlement_date`.
CREATE TABLE eod_non_trade_fee (
  business_date    TEXT NOT NULL,
  transfer_id      TEXT NOT NULL,
  channel          TEXT NOT NULL,
  account_id       TEXT NOT NULL,
  reserve          TEXT NOT NULL,
  transfer_fee_rmb {{DECIMAL}} NOT NULL,
  stamp_duty_rmb   {{DECIMAL}} NOT NULL,
  settlement_date  TEXT NOT NULL,
  PRIMARY KEY (business_date, transfer_id)
);
CREATE INDEX eod_non_trade_fee_by_settlement ON eod_non_trade_fee (channel, settlement_date);
