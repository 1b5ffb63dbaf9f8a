#!/usr/bin/env python3
"""Works out the expected results of an EOD golden case, independently of connectpost.

Written from the rules as SPEC (CLR-4/5/6/9/11/12/15/16) and research/domain-facts.md §1 state
them, with exact decimals (Python's decimal), so that the C++ engine is checked against a second
implementation, not against itself. The dates that come from the calendar (settlement, T+1, the
number of portfolio-fee and accrual days) are derived by hand in each case's case.json and README.

Usage: work_out.py CASE_DIR   (writes CASE_DIR/expected.json)
"""
import csv
import json
import sys
from decimal import Decimal as D, ROUND_CEILING, ROUND_HALF_UP
from pathlib import Path


def r2(x):
    return D(x).quantize(D("0.01"), ROUND_HALF_UP)


def fee_regime(date):
    """research/domain-facts.md §1.2, as a table by date."""
    stamp = D("0.0013") if "2021-08-01" <= date <= "2023-11-16" else D("0.001")
    trading_fee = D("0.0000565") if date >= "2023-01-01" else D("0.00005")
    afrc = D("0.0000015") if date >= "2022-01-01" else D(0)
    tariff = D("0.50") if date <= "2022-12-31" else D("0.00")
    settlement = (D("0.000042"), None, None) if date >= "2025-06-30" else \
        (D("0.00002"), D("2.00"), D("100.00"))
    return stamp, trading_fee, afrc, tariff, settlement


def rows(case, name):
    return list(csv.DictReader(open(case / name)))


def main(case):
    spec = json.load(open(case / "case.json"))
    day = spec["business_date"]
    accounts = {r["account_id"]: r for r in rows(case, "accounts.csv")}
    fx = {r["channel"]: r for r in rows(case, "fx.csv")}
    close = {r["security"]: D(r["close_hkd"]) for r in rows(case, "prices.csv") if r["price_date"] == day}
    stamp, trading_fee, afrc, tariff, (settle_rate, settle_min, settle_max) = fee_regime(day)
    out = {"executions": {}, "investors": {}, "csdc": {}}
    positions = {}  # (channel, reserve) → security → [quantity, value]
    for e in rows(case, "executions.csv"):
        c = D(e["price"]) * int(e["quantity"])
        sd = (c * stamp).quantize(D("1"), ROUND_CEILING)  # no ETF in the cases
        settlement = r2(c * settle_rate)
        if settle_min is not None:
            settlement = max(settle_min, min(settle_max, settlement))
        fees = sd + r2(c * trading_fee) + r2(c * D("0.000027")) + r2(c * afrc) + tariff + settlement
        account = accounts[e["account"]]
        rate = D(account["commission_rate"] or account["a_share_online_rate"])
        commission = max(r2(c * rate), D(account["commission_min_hkd"] or "0"))
        buy = e["side"] == "buy"
        csdc_hkd = c + fees if buy else c - fees
        investor_hkd = csdc_hkd + commission if buy else csdc_hkd - commission
        fx_rate = D(fx[e["channel"]]["settlement_buy" if buy else "settlement_sell"])
        csdc_rmb, investor_rmb = r2(csdc_hkd * fx_rate), r2(investor_hkd * fx_rate)
        commission_rmb = investor_rmb - csdc_rmb if buy else csdc_rmb - investor_rmb
        out["executions"][e["trade_id"]] = {
            "consideration_hkd": str(r2(c)), "fees_hkd": str(fees),
            "stamp_duty": str(sd.quantize(D("0.01"))), "commission_hkd": str(commission),
            "investor_hkd": str(investor_hkd), "investor_rmb": str(investor_rmb),
            "csdc_rmb": str(csdc_rmb), "commission_rmb": str(commission_rmb)}
        reserve = account["money_kind"]
        inv = out["investors"].setdefault(f"{e['account']}:{e['channel']}", {"net_rmb": D(0)})
        inv["net_rmb"] += investor_rmb if buy else -investor_rmb
        cs = out["csdc"].setdefault(f"{e['channel']}:{reserve}", {"net_rmb": D(0), "commission_rmb": D(0)})
        cs["net_rmb"] += csdc_rmb if buy else -csdc_rmb
        cs["commission_rmb"] += commission_rmb
        p = positions.setdefault((e["channel"], reserve), {}).setdefault(e["security"], [0, D(0)])
        p[0] += int(e["quantity"]) if buy else -int(e["quantity"])
        p[1] += c if buy else -c
    for v in out["investors"].values():
        v["net_rmb"] = str(v["net_rmb"])
    for v in out["csdc"].values():
        payable = v["net_rmb"] >= 0
        v.update(flow="trading_money_payable" if payable else "trading_money_receivable",
                 date=spec["settlement_date"], cutoff_hkt="10:30" if payable else "18:00",
                 net_rmb=str(v["net_rmb"]), commission_rmb=str(v["commission_rmb"]))
    # Holdings of the latest statement on or before the day.
    statements = [r for r in rows(case, "positions.csv") if r["as_of"] <= day]
    latest = max((r["as_of"] for r in statements), default=None)
    holdings = {}
    for r in statements:
        if r["as_of"] == latest:
            key = (r["channel"], accounts[r["account"]]["money_kind"])
            holdings.setdefault(key, {})[r["security"]] = holdings.get(key, {}).get(r["security"], 0) + int(r["quantity"])
    # Portfolio fee (CLR-6): 0.008% a year within the first tier, × days / 365.
    out["portfolio_fees"], fee_by_reserve, fee_by_account = {}, {}, {}
    for r in statements:
        if r["as_of"] != latest:
            continue
        key = f"{r['account']}:{r['channel']}"
        entry = out["portfolio_fees"].setdefault(key, {"value": D(0), "account": r["account"], "channel": r["channel"]})
        entry["value"] += close[r["security"]] * int(r["quantity"])
    for key, entry in out["portfolio_fees"].items():
        fee_hkd = r2(entry["value"] * D("0.00008") * spec["portfolio_fee_days"] / 365)
        fee_rmb = r2(fee_hkd * D(fx[entry["channel"]]["settlement_buy"]))
        reserve = accounts[entry["account"]]["money_kind"]
        fee_by_reserve[(entry["channel"], reserve)] = fee_by_reserve.get((entry["channel"], reserve), D(0)) + fee_rmb
        fee_by_account[entry["account"]] = fee_by_account.get(entry["account"], D(0)) + fee_rmb
        out["portfolio_fees"][key] = {"value_hkd": str(r2(entry["value"])), "days": spec["portfolio_fee_days"],
                                      "fee_hkd": str(fee_hkd), "fee_rmb": str(fee_rmb),
                                      "collection_date": spec["risk_funds_date"]}
    # Risk funds (CLR-9) and the transfer (CLR-11) over the day's unsettled trades.
    balances = {}
    for r in rows(case, "reserves.csv"):
        if r["balance_date"] < day:
            key = (r["channel"], r["reserve"])
            if key not in balances or r["balance_date"] > balances[key][0]:
                balances[key] = (r["balance_date"], D(r["balance_rmb"]))
    out["risk_funds"], out["transfers"] = {}, {}
    for (channel, reserve), secs in sorted(positions.items()):
        marks = sum((close[s] * q - v for s, (q, v) in secs.items()), D(0))
        long_value = sum((close[s] * q for s, (q, v) in secs.items() if q > 0), D(0))
        short_value = sum((-close[s] * q for s, (q, v) in secs.items() if q < 0), D(0))
        collateral = sum((close[s] * holdings.get((channel, reserve), {}).get(s, 0)
                          for s, (q, v) in secs.items() if q < 0), D(0))
        margin = r2(max(long_value - collateral, short_value - collateral, D(0)) * D("0.22") * 1)
        risk_hkd = r2((-marks if marks < 0 else D(0)) + margin)
        risk_rmb = r2(risk_hkd * D(fx[channel]["settlement_buy"]))
        key = f"{channel}:{reserve}"
        out["risk_funds"][key] = {"marks_hkd": str(r2(marks)), "margin_hkd": str(margin),
                                  "risk_funds_hkd": str(risk_hkd), "risk_funds_rmb": str(risk_rmb)}
        net = D(out["csdc"][key]["net_rmb"])
        transfer = balances[(channel, reserve)][1] - (net if net > 0 else 0) - risk_rmb - \
            fee_by_reserve.get((channel, reserve), D(0))
        out["transfers"][key] = {"transfer_rmb": str(transfer), "direction":
                                 "reserve_to_bank" if transfer > 0 else ("bank_to_reserve" if transfer < 0 else "none")}
    # Overdrafts (CLR-12) of client accounts and defaults (CLR-16).
    days = spec["accrual_days"]
    out["exceptions"] = {}
    cash = {}
    for r in rows(case, "cash.csv"):
        if r["as_of"] <= day and r["currency"] == "CNY":
            cash[r["account"]] = D(r["amount"])
    owed = {}
    for key, v in out["investors"].items():
        account, channel = key.split(":")
        if accounts[account]["money_kind"] == "client":
            owed[account] = owed.get(account, D(0)) + D(v["net_rmb"])
    for account, fee in fee_by_account.items():
        if accounts[account]["money_kind"] == "client":
            owed[account] = owed.get(account, D(0)) + fee
    for account, amount in owed.items():
        projected = cash[account] - amount
        if projected < 0:
            out["exceptions"][f"overdraft:{account}"] = {
                "amount_rmb": str(-projected), "detail_rmb": str(projected), "penalty_rmb": "0.00",
                "interest_rmb": str(r2(-projected * D("0.0005") * days))}
    checks = {}
    for r in rows(case, "reserve_checks.csv"):
        if r["check_date"] == day:
            checks.setdefault(f"{r['channel']}:{r['reserve']}", {})[r["batch"]] = D(r["balance_rmb"])
    for key, batch in checks.items():
        intraday = max(D("0.00"), -batch["10:30"])
        end_of_day = max(D("0.00"), -batch["18:00"])
        if intraday or end_of_day:
            out["exceptions"][f"default:{key}"] = {
                "amount_rmb": str(max(intraday, end_of_day)), "detail_rmb": str(end_of_day),
                "penalty_rmb": str(r2(max(intraday, end_of_day) * D("0.001") * days)),
                "interest_rmb": str(r2(end_of_day * D("0.0035") * days / 360))}
    json.dump(out, open(case / "expected.json", "w"), indent=2, sort_keys=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
