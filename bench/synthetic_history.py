#!/usr/bin/env python3
"""A synthetic price history for bench/eod_rpf_macro, clearly not market data: each security's
closes walked back from its close in prices.csv over SEHK's trading days before it, with daily
returns from a fixed 64-bit LCG within ±2 % (exact decimals, 3 places).

Usage: synthetic_history.py DAYS_JSON PRICES_CSV OUT_CSV"""
import csv
import json
import sys
from decimal import Decimal, ROUND_HALF_UP

days = [d["date"] for d in json.load(open(sys.argv[1]))["days"] if d["hk_trading"]]
closes = [(r["security"], Decimal(r["close_hkd"])) for r in csv.DictReader(open(sys.argv[2]))]
state = 2024
with open(sys.argv[3], "w", newline="") as f:
    f.write("price_date,security,close_hkd\n")
    for security, close in closes:
        walked = []
        price = close
        for day in reversed(days):
            state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
            r = Decimal((state >> 33) % 4001 - 2000) / Decimal(100000)  # −0.02 … 0.02
            price = max((price / (1 + r)).quantize(Decimal("0.001"), ROUND_HALF_UP), Decimal("0.010"))
            walked.append((day, price))
        for day, price in reversed(walked):
            f.write(f"{day},{security},{price}\n")
