#!/usr/bin/env python3
"""The data of bench/ca_macro: HOLDERS accounts each holding 00700 on the Shanghai channel at the
close of the record date (2025-06-20), with the holdings of bench/ca_benchmark.cpp (the same
64-bit LCG: 100 to 1,000,000 shares, every fifth account an institution), a USD 0.123 dividend of
a red chip and CSDC's clearing at 7.1234. Usage: ca_generate.py WORK_DIR [HOLDERS]"""
import sys
from pathlib import Path

work = Path(sys.argv[1])
holders = int(sys.argv[2]) if len(sys.argv) > 2 else 2_000_000
mask = (1 << 64) - 1
state = 42
with open(work / "accounts.csv", "w") as accounts, open(work / "positions.csv", "w") as positions:
    accounts.write("account_id,account_type,money_kind,a_share_online_rate,commission_rate,"
                   "commission_min_hkd\n")
    positions.write("as_of,account,channel,security,quantity\n")
    for i in range(holders):
        state = (state * 6364136223846793005 + 1442695040888963407) & mask
        shares = 100 + (state >> 33) % 999_901
        kind = "institution" if i % 5 == 4 else "individual"
        accounts.write(f"A{i},{kind},client,0.00025,,5.00\n")
        positions.write(f"2025-06-20,A{i},sh,00700,{shares}\n")
(work / "ca_events.csv").write_text(
    "event_id,type,security_code,ex_date,record_date,payment_date,currency,rate,price,ratio,"
    "new_security_code,board_lot_after,issuer_type,election_open,csdc_deadline,hkscc_deadline,"
    "options,source\n"
    "E-BENCH,cash_dividend,00700,2025-06-18,2025-06-20,2025-07-10,USD,0.123,,,,,red_chip,,,,,"
    "bench/ca_generate.py\n")
(work / "ca_payments.csv").write_text(
    "event_id,channel,currency,rmb_per_unit,clearing_date,source\n"
    "E-BENCH,sh,USD,7.1234,2025-07-11,bench/ca_generate.py\n")
