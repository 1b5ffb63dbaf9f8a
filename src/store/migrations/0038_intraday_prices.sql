-- Issue 16: the prices of the 11:00 intraday marks run (G14 §4.8), per date and security, HKD.
-- A file restates the prices it names.
CREATE TABLE intraday_price (
  price_date    TEXT NOT NULL,
  security_code TEXT NOT NULL,
  price_hkd     {{DECIMAL}} NOT NULL CHECK (price_hkd > 0),
  PRIMARY KEY (price_date, security_code)
);
