-- The margins read one security's closes over a span of days (HKSCC's in risk_day.h, CSDC's in
-- the EOD from 2022-06-13): the primary key leads with the date, so each such read scanned every
-- security's closes of the span. Covering, so the read never touches the table.
CREATE INDEX closing_price_by_security ON closing_price (security_code, price_date, close_hkd);
