#!/usr/bin/env python3
"""Works out the margin golden case independently of connectpost, from the rules as HKSCC's
VaR Platform Initial Margin Calculation Guide v1.4 (G14) and research/domain-facts.md §7.2 state
them, with Python's exact decimals. Writes expected.json: one entry per participant and date.

Where the guide leaves a choice open, this follows docs/risk.md (the same choices the engine
makes, stated there, not read from its code):
  - each market value × return term rounds to the dollar, half away from zero;
  - returns are close / previous close − 1 at 10 decimals, half-up;
  - an ES is the mean of the worst ceil((1 − CL) × N) scenario P&Ls, at the cent, half-up;
  - with a decay λ < 1 the returns are filtered (FHS): σ² seeded with the window's mean r², then
    σ²ₜ₊₁ = λσ²ₜ + (1 − λ)rₜ² at 16 decimals half-up, and rₜ × √(σ²ₙ₊₁ / σ²ₜ) with the ratio at
    20 decimals half-up, its root cut at 10, the product half-up at 10;
  - market and contract values round to the dollar per instrument, half-up;
  - margin position (before 13 Jun 2022) = max(gross long, gross short market value).
The scenario windows are read from the history file itself: the last N + 1 closes of each
security on or before the window's end (the import refuses a history with a gap, so these are
consecutive SEHK trading days).

Then the money obligations of each participant-day (seed 001's schedule, as README.md lists it,
not read from data/money_obligations.csv), the payments of payments.csv, and the events of
default at 2024-03-18 09:31 HKT: expected_obligations.json. SEHK's days come from
data/calendar/sehk_closures.csv: a weekday without a holiday trades; a half day trades but does
not settle (no weather event falls in the case's dates).

Usage: work_out.py [CASE_DIR]   (default: this script's directory). Writes expected.json from
risk_parameters.csv, and expected_filtered.json from risk_parameters_filtered.csv when present.
"""
import csv
import decimal
import json
import math
import sys
from collections import defaultdict
from decimal import Decimal as D, ROUND_CEILING, ROUND_HALF_UP
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def dollars(x):
    return D(x).quantize(D(1), ROUND_HALF_UP)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def in_force(row, date):
    return row["effective_from"] <= date and (not row["effective_to"] or date <= row["effective_to"])


def parameters(case, date, name):
    out = {}
    for row in read_csv(case / name):
        if not in_force(row, date):
            continue
        value = row["value"]
        if row["unit"] == "percent":
            value = D(value) / 100
        elif row["unit"] in ("ratio", "HKD"):
            value = D(value)
        elif row["unit"] == "integer":
            value = int(value)
        elif row["unit"] == "bool":
            value = value == "true"
        out[row["key"]] = value
    return out


def tier_p(security, date, instruments):
    row = instruments.get(security)
    if row and row["flat_rate_group"]:
        return False
    for s in read_csv(ROOT / "data" / "securities.csv"):
        if s["code"] == security and in_force(s, date):
            return s["kind"] == "etf" or (s["kind"] == "equity" and s["hsci_size"] in ("large", "mid"))
    raise SystemExit(f"{security} not in the master on {date}")


def returns(closes, end, n):
    days = sorted(d for d in closes if d <= end)[-(n + 1):]
    if len(days) != n + 1:
        raise SystemExit(f"history too short for {n} returns to {end}")
    return [(closes[b] / closes[a] - 1).quantize(D("1e-10"), ROUND_HALF_UP) for a, b in zip(days, days[1:])]


def filtered(rs, lam):
    if lam == 1:
        return rs
    v = [(sum(r * r for r in rs) / len(rs)).quantize(D("1e-16"), ROUND_HALF_UP)]
    for r in rs:
        v.append((lam * v[-1] + (1 - lam) * r * r).quantize(D("1e-16"), ROUND_HALF_UP))
    out = []
    for r, var in zip(rs, v):
        if var == 0:
            out.append(r)
            continue
        ratio = (v[-1] / var).quantize(D("1e-20"), ROUND_HALF_UP)
        with decimal.localcontext() as ctx:
            ctx.prec = 60
            factor = ratio.sqrt().quantize(D("1e-10"), decimal.ROUND_FLOOR)
        out.append((r * factor).quantize(D("1e-10"), ROUND_HALF_UP))
    return out


def es(pnls, cl, n):
    tail = math.ceil((1 - cl) * n)  # Decimal arithmetic: exact
    worst = sorted(pnls)[:tail]
    return tail, (D(sum(worst)) / tail).quantize(D("0.01"), ROUND_HALF_UP)


def margin(case, participant, date, positions, history, name):
    p = parameters(case, date, name)
    instruments = {r["security"]: r for r in read_csv(case / "risk_instruments.csv") if in_force(r, date)}
    # Cover (before the settlement date only), then cross-day netting.
    net = defaultdict(lambda: [0, D(0)])
    for r in positions:
        if r["settlement_date"] == r["as_of"]:
            continue  # settles today: the day's settlement money, not margined at its end
        q, cv = int(r["quantity"]), D(r["contract_value_hkd"])
        if r["as_of"] < r["settlement_date"]:
            ssc = int(r["ssc_quantity"] or 0)
            if q < 0 and ssc:
                covered = min(ssc, -q)
                cv = (cv * (-q - covered) / -q).quantize(D("0.01"), ROUND_HALF_UP)
                q += covered
        net[r["security"]][0] += q
        net[r["security"]][1] += cv
    rows, mv_of = [], {}
    for sec in sorted(net):
        q, cv = net[sec]
        mv = dollars(history[sec][date] * q) if q else D(0)
        mv_of[sec] = mv
        rows.append({"security": sec, "quantity": q, "market_value": mv, "contract_value": dollars(cv),
                     "mtm": mv - dollars(cv), "tier_p": tier_p(sec, date, instruments)})
    mtm = sum((r["mtm"] for r in rows), D(0))
    out = {"participant": participant, "date": date, "regime": p["margin.regime"],
           "mtm": mtm, "favourable_mtm": max(mtm, D(0)), "mtm_requirement": max(-mtm, D(0))}
    if p["margin.regime"] == "margin_rate":
        long_ = sum((r["market_value"] for r in rows if r["market_value"] > 0), D(0))
        short = sum((-r["market_value"] for r in rows if r["market_value"] < 0), D(0))
        out["margin_position"] = max(long_, short)
        out["rate_margin"] = dollars(out["margin_position"] * p["margin.rate"] * p["margin.rate_multiplier"])
        rounded = out["rate_margin"]
    else:
        tp = [r for r in rows if r["tier_p"]]
        pnl_h = [0] * p["margin.hvar.scenario_count"]
        pnl_s = [0] * p["margin.svar.scenario_count"]
        for r in tp:
            if not r["quantity"]:
                continue
            hv = filtered(returns(history[r["security"]], date, p["margin.hvar.scenario_count"]),
                          p["margin.hvar.ewma_lambda"])
            sv = filtered(returns(history[r["security"]], p["margin.svar.window_end"],
                                  p["margin.svar.scenario_count"]), p["margin.svar.ewma_lambda"])
            for j, x in enumerate(hv):
                pnl_h[j] += int(dollars(r["market_value"] * x))
            for j, x in enumerate(sv):
                pnl_s[j] += int(dollars(r["market_value"] * x))
        out["hvar_pnls"], out["svar_pnls"] = pnl_h, pnl_s
        out["hvar_tail"], out["hvar"] = es(pnl_h, p["margin.hvar.confidence_level"], p["margin.hvar.scenario_count"])
        out["svar_tail"], out["svar"] = es(pnl_s, p["margin.svar.confidence_level"], p["margin.svar.scenario_count"])
        out["weighted"] = out["hvar"] * p["margin.hvar.weight"] + out["svar"] * p["margin.svar.weight"]
        long_ = sum((r["market_value"] for r in tp if r["market_value"] > 0), D(0))
        short = sum((-r["market_value"] for r in tp if r["market_value"] < 0), D(0))
        out["floor"] = dollars(max(long_, short) * p["margin.tier_p_floor_rate"])
        out["portfolio_margin"] = max(dollars(abs(out["weighted"])), out["floor"])
        groups = defaultdict(lambda: [D(0), D(0)])
        for r in rows:
            if r["tier_p"]:
                continue
            row = instruments.get(r["security"])
            g = int(row["flat_rate_group"]) if row and row["flat_rate_group"] else p["margin.flat_rate_default_group"]
            groups[g][0 if r["market_value"] > 0 else 1] += abs(r["market_value"])
        flat = sum((max(a, b) * p[f"margin.flat_rate.{g}"] for g, (a, b) in groups.items()), D(0))
        out["flat_rate_margin"] = dollars(flat * p["margin.participant_multiplier"])
        lra_i, hedge = D(0), D(0)
        for r in rows:
            row = instruments.get(r["security"])
            if row and row["lra_bucket_rate"]:
                lra_i += max(abs(r["market_value"]) - D(row["lra_threshold_hkd"]), D(0)) * D(row["lra_bucket_rate"])
                hedge += r["market_value"] * D(row["lra_beta"])
        h = instruments[p["margin.lra_hedge_instrument"]]
        out["lra_instrument"] = dollars(lra_i)
        out["lra_portfolio"] = dollars(max(abs(hedge) - D(h["lra_threshold_hkd"]), D(0)) * D(h["lra_bucket_rate"]))
        out["lra"] = out["lra_instrument"] + out["lra_portfolio"]
        out["holiday_addon"] = D(0)  # margin.holiday_addon is false in this case
        out["aggregated"] = out["portfolio_margin"] + out["flat_rate_margin"] + out["lra"]
        step = D(p["margin.rounding"])
        rounded = (out["aggregated"] / step).quantize(D(1), ROUND_CEILING) * step
    out["rounded"] = rounded
    out["net_margin"] = max(rounded - out["favourable_mtm"], D(0))
    out["margin_credit"] = p["margin.credit"]
    out["net_margin_after_credit"] = max(out["net_margin"] - p["margin.credit"], D(0))
    out["total_requirement"] = out["net_margin_after_credit"] + out["mtm_requirement"]
    out["positions"] = [{k: (str(v) if isinstance(v, D) else v) for k, v in r.items() if k != "tier_p"} for r in rows]
    return {k: (str(v) if isinstance(v, D) else v) for k, v in out.items()}


def sehk_days():
    closures = {r["date"]: r["kind"] for r in read_csv(ROOT / "data" / "calendar" / "sehk_closures.csv")}
    import datetime
    day, trading, settling = datetime.date(2022, 1, 1), [], []
    while day <= datetime.date(2024, 12, 31):
        d = day.isoformat()
        if day.weekday() < 5 and closures.get(d) != "holiday":
            trading.append(d)
            if closures.get(d) != "half_day":
                settling.append(d)
        day += datetime.timedelta(days=1)
    return trading, settling


# Seed 001 Part A: (channel, deadline day, deadline, report, report day, report time) by era.
SCHEDULE = {
    "sehk_trades_money": ("direct_debit", "same", "17:45", "CCLTN05", "previous_trading", "14:00"),
    "intraday_marks": ("chats_or_bank_transfer", "same", "14:00", "CCMPY01", "same", "11:45"),
    "intraday_margin_non_settlement_day": ("chats_or_bank_transfer", "same", "14:00", "CCMPY01", "same", "11:45"),
    "intraday_margin_settlement_day": ("direct_debit", "same", "17:45", "CCMPY01", "same", "14:45"),
    "day_end_mtm_and_margin": ("direct_debit", "next_trading", "09:30", "CCMPY02", "same", "20:30"),
    "day_end_marks": ("direct_debit", "next_trading", "09:30", "CFIPM01", "same", "20:15"),
    "day_end_margin": ("direct_debit", "next_trading", "09:30", "CRMMG02", "same", "20:15"),
    "gf_contribution": ("direct_debit", "next_business", "17:45", "CCMDF02", "same", "12:00"),
    "gf_risk_collateral": ("bank_transfer", "next_business", "11:00", "RMAMR01/RMAMR03", "same", "21:00"),
}


def obligations(case, participant, date, rows, m, trading, settling, paid_before, gf, intraday):
    p = parameters(case, date, "risk_parameters.csv")
    out = []
    intraday_call = D(0)

    def add(kind, amount, date=date):
        amount = D(amount).quantize(D("0.01"), ROUND_HALF_UP)
        if amount <= 0:
            return
        channel, dday, dtime, report, rday, rtime = SCHEDULE[kind]
        deadline = {"same": date, "next_trading": next(d for d in trading if d > date),
                    "next_business": next(d for d in trading if d > date)}[dday]
        report_day = {"same": date, "previous_trading": [d for d in trading if d < date][-1]}[rday]
        out.append({"id": f"{participant}:{date}:{kind}", "kind": kind, "amount": str(amount),
                    "channel": channel, "deadline": f"{deadline}T{dtime}:00+08:00", "report": report,
                    "report_issued_at": f"{report_day}T{rtime}:00+08:00"})

    if date in settling:
        add("sehk_trades_money", sum((D(r["contract_value_hkd"]) for r in rows if r["settlement_date"] == date), D(0)))
    if intraday:
        # The 11:00 run: the day-end positions at the morning's prices; only what exceeds the
        # collateral on hand and the HKD 5 m tolerance is called.
        mtm = D(0)
        for pos in m["positions"]:
            value = dollars(intraday[pos["security"]] * pos["quantity"]) if pos["quantity"] else D(0)
            mtm += value - D(pos["contract_value"])
        intraday_call = max(-mtm - paid_before - p["margin.intraday_marks_tolerance"], D(0))
        add("intraday_marks", intraday_call)
    if date in trading:
        nxt = next(d for d in trading if d > date)
        import datetime
        day, holidays = datetime.date.fromisoformat(date) + datetime.timedelta(days=1), 0
        while day.isoformat() < nxt:
            holidays += day.weekday() < 5
            day += datetime.timedelta(days=1)
        if holidays > 1:
            var = m["regime"] == "var_platform"
            base = D(m["portfolio_margin"]) + D(m["flat_rate_margin"]) if var else D(m["rate_margin"])
            with decimal.localcontext() as ctx:
                ctx.prec = 60
                factor = D(holidays).sqrt().quantize(D("1e-10"), decimal.ROUND_FLOOR) - 1
            step = D(p["margin.rounding"]) if var else D(1)
            kind = "intraday_margin_settlement_day" if date in settling else "intraday_margin_non_settlement_day"
            add(kind, (base * factor / step).quantize(D(1), ROUND_CEILING) * step)
    # The day-end call counts the day's 11:00 marks call (the same requirement, called earlier).
    shortfall = max(D(m["total_requirement"]) - paid_before - intraday_call, D(0))
    if m["regime"] == "var_platform":
        add("day_end_mtm_and_margin", shortfall)
    else:
        marks = min(shortfall, D(m["mtm_requirement"]))
        add("day_end_marks", marks)
        add("day_end_margin", shortfall - marks)
    if gf:
        if gf["contribution_hkd"]:
            add("gf_contribution", gf["contribution_hkd"])
        if gf["fund_at_limit"] == "true":
            add("gf_risk_collateral", max(D(gf["expected_loss_hkd"]) - p["gf.limit"] * p["gf.risk_collateral_share_of_limit"], D(0)))
    return out


def main():
    case = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    history = defaultdict(dict)
    for name in ("price_history.csv", "price_history_2022.csv"):
        for r in read_csv(case / name):
            history[r["security"]][r["price_date"]] = D(r["close_hkd"])
    by_key = defaultdict(list)
    for r in read_csv(case / "cns_positions.csv"):
        by_key[(r["participant"], r["as_of"])].append(r)
    for params, expected in (("risk_parameters.csv", "expected.json"),
                             ("risk_parameters_filtered.csv", "expected_filtered.json")):
        if not (case / params).exists():
            continue
        results = [margin(case, participant, date, rows, history, params)
                   for (participant, date), rows in sorted(by_key.items())]
        with open(case / expected, "w") as f:
            json.dump({"margins": results}, f, indent=1)
            f.write("\n")
        if expected != "expected.json":
            continue
        trading, settling = sehk_days()
        gf = {(r["participant"], r["as_of"]): r for r in read_csv(case / "guarantee_fund.csv")}
        payments = read_csv(case / "payments.csv")
        margins = {(m["participant"], m["date"]): m for m in results}
        listed = []
        for (participant, date), rows in sorted(by_key.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            # Collateral on hand: payments against earlier days' marks and margin (none here).
            before = sum((D(x["amount_hkd"]) for x in payments if x["obligation_id"].startswith(participant + ":")
                          and x["obligation_id"].split(":")[1] < date), D(0))
            intraday = {r["security"]: D(r["price_hkd"]) for r in read_csv(case / "intraday_prices.csv")
                        if r["price_date"] == date}
            listed += obligations(case, participant, date, rows, margins[(participant, date)], trading, settling,
                                  before, gf.get((participant, date)), intraday)
        check = "2024-03-18T09:31:00+08:00"
        defaults = []
        for o in listed:
            in_time = sum((D(x["amount_hkd"]) for x in payments if x["obligation_id"] == o["id"]
                           and x["received_at"].replace(" ", "T") + ":00+08:00" <= o["deadline"]), D(0))
            if o["deadline"] <= check and in_time < D(o["amount"]):
                defaults.append(o["id"])
        # MO-5: the shares receivable on a settlement day are released when the money is prepaid
        # (CHATS by 15:30, Others by 14:45), else with the 17:45 direct debit if paid by then.
        releases = []
        for (participant, date), rows in sorted(by_key.items()):
            longs = [r for r in rows if r["settlement_date"] == date and int(r["quantity"]) > 0]
            if not longs:
                continue
            oid = f"{participant}:{date}:sehk_trades_money"
            due = next(D(o["amount"]) for o in listed if o["id"] == oid)
            prepaid, prepaid_at, by_debit = D(0), None, D(0)
            for x in sorted((x for x in payments if x["obligation_id"] == oid), key=lambda x: x["received_at"]):
                day, time = x["received_at"].split(" ")
                if day != date:
                    continue
                cutoff = {"chats": "15:30", "others": "14:45"}.get(x.get("method") or "direct_debit")
                if cutoff and time <= cutoff:
                    prepaid += D(x["amount_hkd"])
                    if prepaid_at is None and prepaid >= due:
                        prepaid_at = time
                if time <= "17:45":
                    by_debit += D(x["amount_hkd"])
            for r in longs:
                state, at = ("released_by_prepayment", prepaid_at) if prepaid_at else \
                    (("released_by_settlement", "17:45") if by_debit >= due else ("on_hold", None))
                releases.append({"participant": participant, "date": date, "security": r["security"],
                                 "quantity": int(r["quantity"]), "state": state,
                                 "released_at": f"{date}T{at}:00+08:00" if at else None})
        with open(case / "expected_obligations.json", "w") as f:
            json.dump({"obligations": listed, "check_defaults_at": "2024-03-18 09:31", "defaulted": sorted(defaults),
                       "releases": releases}, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
