-- Issue 17 (rights taken up as shares): a take-up's subscription money is corporate-action money
-- the reserve account pays CSDC at the settlement day's 10:30 batch, a term of the CLR-11
-- transfer beside the dividends receivable. Instructions stored before it had none: 0.00.
ALTER TABLE eod_transfer ADD COLUMN ca_money_payable_rmb {{DECIMAL}} NOT NULL DEFAULT '0.00';
