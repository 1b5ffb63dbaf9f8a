-- The broker's bank deposits at its designated bank, client funds and own funds apart: the
-- "actual" side of the daily client-money reconciliation (SPEC CLR-17, `ledger check`).
CREATE TABLE bank_balance (
  balance_date TEXT NOT NULL,
  reserve      TEXT NOT NULL CHECK (reserve IN ('client', 'own')),
  balance_rmb  {{DECIMAL}} NOT NULL,
  PRIMARY KEY (balance_date, reserve)
);
