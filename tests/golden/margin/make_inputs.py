#!/usr/bin/env python3
"""Writes the margin golden case's input files (synthetic, labelled as such in README.md).

The closes are a seeded random walk over SEHK's trading days of 2024-01-02 to 2024-03-15 (the
days are listed here, read once from `connectpost calendar --channel sh`): 00005 is 02800 × 3
exactly, so a long 02800 against a short 00005 of the same value loses nothing in any scenario
and the Tier P floor binds. Run once; the files are committed and README.md works from them.
"""
import random
from decimal import Decimal as D, ROUND_HALF_UP

DAYS = """2024-01-02 2024-01-03 2024-01-04 2024-01-05 2024-01-08 2024-01-09 2024-01-10 2024-01-11
2024-01-12 2024-01-15 2024-01-16 2024-01-17 2024-01-18 2024-01-19 2024-01-22 2024-01-23
2024-01-24 2024-01-25 2024-01-26 2024-01-29 2024-01-30 2024-01-31 2024-02-01 2024-02-02
2024-02-05 2024-02-06 2024-02-07 2024-02-08 2024-02-09 2024-02-14 2024-02-15 2024-02-16
2024-02-19 2024-02-20 2024-02-21 2024-02-22 2024-02-23 2024-02-26 2024-02-27 2024-02-28
2024-02-29 2024-03-01 2024-03-04 2024-03-05 2024-03-06 2024-03-07 2024-03-08 2024-03-11
2024-03-12 2024-03-13 2024-03-14 2024-03-15""".split()


def walk(start, seed, vol):
    rng = random.Random(seed)
    price, out = D(start), []
    for _ in DAYS:
        step = D(str(round(rng.gauss(0, vol), 4)))
        price = (price * (1 + step)).quantize(D("0.01"), ROUND_HALF_UP)
        out.append(price)
    return out


def main():
    paths = {"00700": walk("290", 1, 0.035), "00388": walk("240", 2, 0.02),
             "02800": walk("16", 3, 0.015), "00763": walk("16", 4, 0.03)}
    paths["00005"] = [p * 3 for p in paths["02800"]]
    with open("price_history.csv", "w") as f:
        f.write("price_date,security,close_hkd\n")
        for security in sorted(paths):
            for day, close in zip(DAYS, paths[security]):
                f.write(f"{day},{security},{close}\n")


if __name__ == "__main__":
    main()
