// The EOD macro benchmark's DuckDB peer (issue 15 §3): the computation of bench/peer_postgres.sql
// and bench/peer_pandas.py (fees, commission, RMB per execution, investor obligations, CSDC nets)
// over the same generated files, in DuckDB SQL on exact integer units as the pandas peer does
// (prices in thousandths of HKD, amounts in cents or fen; half-up as (x + d/2) // d, stamp duty
// up to the dollar as (x + d − 1) // d: DuckDB's // truncates, every value divided is positive),
// for the fee regime of the generated date (2024-03-15).
// Its per-execution results are written to Parquet, as a user of DuckDB would keep them. Prints
// load and compute times and compares CSDC's nets with connectpost's (csdc_engine.csv, written by
// bench/peer_postgres).
//
// Usage: node bench/peer_duckdb.mjs WORK_DIR   (scripts/setup bench installs @duckdb/node-api)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const work = process.argv[2];
if (!work) {
  console.error('usage: node bench/peer_duckdb.mjs WORK_DIR');
  process.exit(2);
}
// The package lives in bench/duckdb/node_modules, pinned by its package-lock.json.
const require = createRequire(new URL('./duckdb/package.json', import.meta.url));
const { DuckDBInstance } = await import(require.resolve('@duckdb/node-api'));

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const file = (name) => `'${join(work, name).replaceAll("'", "''")}'`;
const seconds = (from) => (performance.now() - from) / 1000;

let start = performance.now();
await con.run(`
  CREATE TABLE executions AS SELECT * FROM read_csv(${file('executions.csv')}, header = true, all_varchar = true);
  CREATE TABLE accounts AS SELECT * FROM read_csv(${file('accounts.csv')}, header = true, all_varchar = true);
  CREATE TABLE fx AS SELECT * FROM read_csv(${file('fx.csv')}, header = true, all_varchar = true);
`);
const loadSeconds = seconds(start);

start = performance.now();
await con.run(`
  CREATE TABLE result AS
  WITH priced AS (
    SELECT e.trade_id, e.channel, e.account AS account_id, e.side, a.money_kind AS reserve,
           CAST(CAST(e.price AS DECIMAL(18, 3)) * 1000 AS BIGINT) * CAST(e.quantity AS BIGINT) AS c,
           CAST(CAST(COALESCE(NULLIF(a.commission_rate, ''), a.a_share_online_rate) AS DECIMAL(18, 8))
                * 100000000 AS BIGINT) AS rate_e8,
           CAST(CAST(COALESCE(NULLIF(a.commission_min_hkd, ''), '0') AS DECIMAL(18, 2)) * 100 AS BIGINT)
             AS min_cents,
           CAST(CAST(CASE e.side WHEN 'buy' THEN f.settlement_buy ELSE f.settlement_sell END
                     AS DECIMAL(18, 5)) * 100000 AS BIGINT) AS rate_e5
    FROM executions e JOIN accounts a ON a.account_id = e.account JOIN fx f ON f.channel = e.channel
  ), charged AS (
    SELECT *,
           (c + 999999) // 1000000 * 100                               -- stamp 0.1%, up to the dollar
           + (c * 565 + 50000000) // 100000000                        -- trading fee 0.00565%
           + (c * 27 + 5000000) // 10000000                           -- SFC levy 0.0027%
           + (c * 15 + 50000000) // 100000000                         -- AFRC levy 0.00015%
           + LEAST(GREATEST((c * 2 + 500000) // 1000000, 200), 10000) -- settlement 0.002%, HK$2-100
             AS fees,
           GREATEST((CAST(c AS HUGEINT) * rate_e8 + 500000000) // 1000000000, min_cents) AS commission,
           c // 10 AS c_cents
    FROM priced
  )
  SELECT trade_id, channel, account_id, side, reserve, fees, commission,
         (CASE side WHEN 'buy' THEN 1 ELSE -1 END)
           * ((CAST(CASE side WHEN 'buy' THEN c_cents + fees ELSE c_cents - fees END AS HUGEINT)
               * rate_e5 + 50000) // 100000) AS csdc_fen,
         (CASE side WHEN 'buy' THEN 1 ELSE -1 END)
           * ((CAST(CASE side WHEN 'buy' THEN c_cents + fees + commission
                                     ELSE c_cents - fees - commission END AS HUGEINT)
               * rate_e5 + 50000) // 100000) AS investor_fen
  FROM charged;
  CREATE TABLE investor_obligation AS
    SELECT account_id, channel, SUM(investor_fen) AS net_fen FROM result GROUP BY account_id, channel;
  COPY (SELECT trade_id, channel, account_id, side, reserve, fees, commission, csdc_fen, investor_fen
        FROM result) TO ${file('duckdb_results.parquet')} (FORMAT parquet);
`);
const nets = await con.runAndReadAll(
  'SELECT channel, reserve, SUM(csdc_fen) AS net FROM result GROUP BY channel, reserve ORDER BY channel, reserve');
const investors = await con.runAndReadAll('SELECT COUNT(*) FROM investor_obligation');
const computeSeconds = seconds(start);

const pad = (name) => name.padEnd(22);
console.log(`${pad('duckdb_load')} ${loadSeconds.toFixed(2).padStart(8)} s`);
console.log(`${pad('duckdb_compute')} ${computeSeconds.toFixed(2).padStart(8)} s  ` +
            `(${investors.getRows()[0][0]} investor obligations; results to Parquet)`);
const fen = (value) => {
  const n = BigInt(value);
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};
const theirs = nets.getRows().map(([channel, reserve, net]) => `${channel},${reserve},${fen(net)}`);
const ours = readFileSync(join(work, 'csdc_engine.csv'), 'utf8').split(/\s+/).filter(Boolean);
if (JSON.stringify(ours) === JSON.stringify(theirs)) {
  console.log(`CSDC nets: connectpost and DuckDB agree to the fen (${ours.length} rows)`);
} else {
  console.log('CSDC nets DIFFER:', ours, theirs);
  process.exit(1);
}
