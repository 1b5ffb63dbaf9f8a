#!/usr/bin/env python3
"""The EOD macro benchmark's pandas peer: the computation of bench/peer_postgres.sql (fees,
commission, RMB per execution, investor obligations, CSDC nets) over the same generated files,
vectorized with numpy int64 in exact integer units (prices in thousandths of HKD, amounts in
cents or fen), rounding by integer division: half-up as (x + d/2) // d, stamp duty up to the
dollar as ceiling division. Prints its load and compute times and compares CSDC's nets with
connectpost's (the csdc_engine.csv that bench/peer_postgres writes).

Usage: peer_pandas.py WORK_DIR
"""
import sys
import time
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd


def scaled(series, places):
    """Decimal strings to int64 units of 10^-places, exactly (no binary floating point)."""
    return series.map(lambda text: int(Decimal(text).scaleb(places))).astype(np.int64)


def half_up_div(numerator, denominator):
    return (numerator + denominator // 2) // denominator  # every value here is positive


def main(work):
    start = time.perf_counter()
    executions = pd.read_csv(work / "executions.csv", dtype=str)
    accounts = pd.read_csv(work / "accounts.csv", dtype=str, keep_default_na=False)
    fx = pd.read_csv(work / "fx.csv", dtype=str)
    loaded = time.perf_counter()

    rate = accounts["commission_rate"].where(accounts["commission_rate"] != "",
                                             accounts["a_share_online_rate"])
    accounts["rate_e8"] = scaled(rate, 8)
    accounts["min_cents"] = scaled(accounts["commission_min_hkd"].replace("", "0"), 2)
    fx["buy_e5"] = scaled(fx["settlement_buy"], 5)
    fx["sell_e5"] = scaled(fx["settlement_sell"], 5)
    day = executions.merge(accounts[["account_id", "money_kind", "rate_e8", "min_cents"]],
                           left_on="account", right_on="account_id")
    day = day.merge(fx[["channel", "buy_e5", "sell_e5"]], on="channel")
    c = scaled(day["price"], 3).to_numpy() * day["quantity"].astype(np.int64).to_numpy()  # HKD/1000
    stamp = -(-c // 1_000_000) * 100                      # 0.1%, up to the dollar, in cents
    trading = half_up_div(c * 565, 100_000_000)           # 0.00565%
    sfc = half_up_div(c * 27, 10_000_000)                 # 0.0027%
    afrc = half_up_div(c * 15, 100_000_000)               # 0.00015%
    settlement = np.clip(half_up_div(c * 2, 1_000_000), 200, 10_000)  # 0.002%, HK$2-100
    fees = stamp + trading + sfc + afrc + settlement
    commission = np.maximum(half_up_div(c * day["rate_e8"].to_numpy(), 1_000_000_000),
                            day["min_cents"].to_numpy())
    c_cents = c // 10  # prices have at most 2 decimals here, so this is exact
    buy = (day["side"] == "buy").to_numpy()
    csdc_hkd = np.where(buy, c_cents + fees, c_cents - fees)
    investor_hkd = np.where(buy, csdc_hkd + commission, csdc_hkd - commission)
    rate_e5 = np.where(buy, day["buy_e5"].to_numpy(), day["sell_e5"].to_numpy())
    sign = np.where(buy, 1, -1)
    day["csdc_rmb"] = sign * half_up_div(csdc_hkd * rate_e5, 100_000)
    day["investor_rmb"] = sign * half_up_div(investor_hkd * rate_e5, 100_000)
    investors = day.groupby(["account", "channel"])["investor_rmb"].sum()
    csdc = day.groupby(["channel", "money_kind"])["csdc_rmb"].sum()
    done = time.perf_counter()

    print(f"{'pandas_load':<22} {loaded - start:8.2f} s")
    print(f"{'pandas_compute':<22} {done - loaded:8.2f} s  ({len(investors)} investor obligations)")
    ours = (work / "csdc_engine.csv").read_text().split()
    theirs = [f"{ch},{kind},{Decimal(int(v)).scaleb(-2):.2f}" for (ch, kind), v in csdc.items()]
    if ours == theirs:
        print(f"CSDC nets: connectpost and pandas agree to the fen ({len(ours)} rows)")
    else:
        print("CSDC nets DIFFER:", ours, theirs)
        sys.exit(1)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
