-- The EOD macro benchmark's PostgreSQL peer: fees, commission, the investors' and CSDC's RMB per
-- execution, each investor's obligation and CSDC's net per channel and reserve account, in SQL
-- over NUMERIC (exact), for the fee regime of the generated date (2024-03-15: research §1.2).
-- Rounding as connectpost: stamp duty up to the dollar; other lines, commission and RMB half-up
-- (PostgreSQL's ROUND on numeric rounds half away from zero; every value here is positive).
\timing on
CREATE TEMP TABLE result AS
WITH priced AS (
  SELECT e.trade_id, e.channel, e.account_id, e.side, e.price_hkd * e.quantity AS c,
         a.money_kind AS reserve,
         COALESCE(a.commission_rate, a.a_share_online_rate) AS commission_rate,
         COALESCE(a.commission_min_hkd, 0) AS commission_min,
         CASE e.side WHEN 'buy' THEN f.settlement_buy ELSE f.settlement_sell END AS rate
  FROM execution e JOIN account a USING (account_id) JOIN fx f ON f.channel = e.channel
), charged AS (
  SELECT *,
         CEIL(c * 0.001) + ROUND(c * 0.0000565, 2) + ROUND(c * 0.000027, 2)
           + ROUND(c * 0.0000015, 2) + LEAST(GREATEST(ROUND(c * 0.00002, 2), 2.00), 100.00) AS fees,
         GREATEST(ROUND(c * commission_rate, 2), commission_min) AS commission
  FROM priced
)
SELECT trade_id, channel, account_id, side, reserve,
       ROUND((CASE side WHEN 'buy' THEN c + fees ELSE c - fees END) * rate, 2) AS csdc_rmb,
       ROUND((CASE side WHEN 'buy' THEN c + fees + commission ELSE c - fees - commission END) * rate, 2)
         AS investor_rmb
FROM charged;
CREATE TEMP TABLE investor_obligation AS
SELECT account_id, channel, SUM(CASE side WHEN 'buy' THEN investor_rmb ELSE -investor_rmb END) AS net_rmb
FROM result GROUP BY account_id, channel;
\timing off
\pset format unaligned
\pset fieldsep ','
\pset tuples_only on
\o csdc_peer.csv
SELECT channel, reserve, SUM(CASE side WHEN 'buy' THEN csdc_rmb ELSE -csdc_rmb END)
FROM result GROUP BY channel, reserve ORDER BY channel, reserve;
\o
