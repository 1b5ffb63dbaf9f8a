#!/usr/bin/env python3
"""Works out the expected entitlements of a corporate-action golden case, independently of
connectpost.

Written from the rules as SPEC STL-3, CLR-7, CA-2 and the shipped ca.* parameters state them,
with exact decimals (Python's decimal):
  - holders: the positions statement on or before the holders' date, plus each execution whose
    securities settle after the statement and on or before that date (buy +, sell −); the
    settlement dates are derived by hand in case.json ("settlement_dates", README); plus each
    non-trade transfer cleared after the statement and on or before that date (CLR-10: from −,
    to +; a pledge moves nothing); plus each bonus, split, consolidation or takeover distributed
    in those days (CLR-8), worked from its own holders;
  - cash: holding × rate in the event's currency, exact; × CSDC's rate rounded DOWN to the fen
    (ca.dividend_rounding = floor); an individual's tax 20% of it (of what is left after a
    PRC-resident red chip's 10%), half-up to the fen, withheld by the company for an H share and
    by CSDC otherwise; institutions and the broker's own account are not withheld;
  - shares: holding × new ÷ old rounded down; the odd lot is what the holding after leaves
    outside whole board lots (case.json "board_lot");
  - payable: the clearing date's next Southbound trading day (STL-2 corporate-action funds,
    T+1), derived by hand in case.json ("payable_dates");
  - an offer's consideration: holding × rate, converted the same way, no tax;
  - bonus shares and warrants are tradable from the distribution day's next Southbound trading
    day (CLR-8; case.json "tradable_from");
  - a rights issue ([D] docs/corpactions.md "Rights taken up"): its rights (new_security_code),
    holding × new ÷ old rounded down, are held from the day after the record date; an
    instruction is judged against the rights held at the close before it once they are credited;
    the filing reads the close before CSDC's deadline; on the payment date the rights filed for
    take-up become as many shares and every right still held goes; the subscription money is
    taken up × price × CSDC's rate rounded UP to the fen (ca.subscription_rounding = ceiling),
    debited (below zero), payable the clearing date's next Southbound trading day.

Usage: work_out.py CASE_DIR   (writes CASE_DIR/expected.json)
"""
import csv
import datetime
import json
import sys
from decimal import Decimal as D, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP
from pathlib import Path


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def fen(x, mode):
    return x.quantize(D("0.01"), mode)


def holders(case_dir, case, security, date):
    statement = [r for r in rows(case_dir / "positions.csv") if r["as_of"] <= date]
    as_of = max((r["as_of"] for r in statement), default="")
    held = {}
    for r in statement:
        if r["as_of"] == as_of and r["security"] == security:
            key = (r["channel"], r["account"])
            held[key] = held.get(key, 0) + int(r["quantity"])
    executions = case_dir / "executions.csv"
    for e in rows(executions) if executions.exists() else []:
        settles = case["settlement_dates"][e["trade_date"]]
        if e["security"] == security and as_of < settles <= date:
            key = (e["channel"], e["account"])
            sign = 1 if e["side"] == "buy" else -1
            held[key] = held.get(key, 0) + sign * int(e["quantity"])
    transfers = case_dir / "non_trade_transfers.csv"
    for t in rows(transfers) if transfers.exists() else []:
        # CLR-10: a transfer's shares move at its clearing date's close; a pledge's stay.
        if (t["security_code"] == security and as_of < t["clearing_date"] <= date
                and t["reason"] not in ("pledge", "pledge_release")):
            q = int(t["quantity"])
            held[(t["channel"], t["from_account"])] = held.get((t["channel"], t["from_account"]), 0) - q
            held[(t["channel"], t["to_account"])] = held.get((t["channel"], t["to_account"]), 0) + q
    for ev in rows(case_dir / "ca_events.csv"):
        if ev["type"] in ("rights_issue", "open_offer"):
            for key, q in take_up_moves(case_dir, case, ev, security, as_of, date).items():
                held[key] = held.get(key, 0) + q
            continue
        # CLR-8: an action moving securities changes the holdings at its distribution date's
        # close, worked from the holders at its holders' close (or the close before it).
        if not (as_of < ev["payment_date"] <= date) or ev["type"] not in MOVES:
            continue
        if security not in (ev["security_code"], ev["new_security_code"] or ev["security_code"]):
            continue
        holders_date = ev["record_date"] or ev["csdc_deadline"][:10]
        basis = holders(case_dir, case, ev["security_code"],
                        min(holders_date, day_before(ev["payment_date"])))
        target = ev["new_security_code"] or ev["security_code"]
        for key, q in basis.items():
            if ev["type"] == "takeover":
                moves = {ev["security_code"]: -q}
            else:
                new, old = (int(x) for x in ev["ratio"].split(":"))
                got = q * new // old
                if ev["type"] in ("bonus_shares", "bonus_warrants"):
                    moves = {target: got}
                elif target == ev["security_code"]:
                    moves = {target: got - q}
                else:
                    moves = {ev["security_code"]: -q, target: got}
            if security in moves:
                held[key] = held.get(key, 0) + moves[security]
    return {k: v for k, v in held.items() if v > 0}


MOVES = ("bonus_shares", "bonus_warrants", "split", "consolidation", "takeover")


def day_before(date):
    return (datetime.date.fromisoformat(date) - datetime.timedelta(days=1)).isoformat()


def rights_credited(ev):
    """The day the rights are held from: the day after the record date."""
    return (datetime.date.fromisoformat(ev["record_date"]) + datetime.timedelta(days=1)).isoformat()


def take_up_moves(case_dir, case, ev, security, after, through):
    """What a rights issue or open offer moves of `security` after `after` and up to `through`:
    the rights the day after the record date; on the payment date the shares filed for take-up
    in, and every right held at the close before out."""
    moves = {}
    rights = ev["new_security_code"]
    new, old = (int(x) for x in ev["ratio"].split(":"))
    if ev["type"] == "rights_issue" and security == rights and after < rights_credited(ev) <= through:
        for key, q in holders(case_dir, case, ev["security_code"], ev["record_date"]).items():
            moves[key] = moves.get(key, 0) + q * new // old
    if after < ev["payment_date"] <= through:
        if security == ev["security_code"]:
            for key, q in taken_up(case_dir, case, ev).items():
                moves[key] = moves.get(key, 0) + q
        if ev["type"] == "rights_issue" and security == rights:
            for key, q in holders(case_dir, case, rights, day_before(ev["payment_date"])).items():
                moves[key] = moves.get(key, 0) - q
    return moves


def filing_date(ev):
    """The close a filing reads: the holders' date; for a take-up the close before CSDC's
    deadline (a rights issue) or the record date (an open offer), never the payment date's."""
    if ev["type"] not in ("rights_issue", "open_offer"):
        return ev["record_date"] or ev["csdc_deadline"][:10]
    date = ev["record_date"]
    if ev["type"] == "rights_issue":
        date = max(date, day_before(ev["csdc_deadline"][:10]))
    return min(date, day_before(ev["payment_date"]))


def taken_up(case_dir, case, ev):
    """Per (channel, account): the rights filed for take-up (CA-3)."""
    out = {}
    for f in elections(case_dir, case, ev)["filed"]:
        for option, q in parse_choices(f["filed"]) if f["filed"] else []:
            if option == "take_up":
                out[(f["channel"], f["account_id"])] = q
    return out


def non_trade(case_dir, case):
    """CLR-10: what each transfer moves, and its fees (CSDC's figures) settling on the clearing
    date's next Southbound trading day (case.json "fee_settlement_dates", by hand)."""
    out = []
    for t in rows(case_dir / "non_trade_transfers.csv"):
        out.append({"transfer_id": t["transfer_id"],
                    "moves_shares": t["reason"] not in ("pledge", "pledge_release"),
                    "fee_account": t["fee_account"],
                    "fees_rmb": str(D(t["transfer_fee_rmb"]) + D(t["stamp_duty_rmb"])),
                    "fee_settlement_date": case["fee_settlement_dates"][t["clearing_date"]]})
    return sorted(out, key=lambda t: t["transfer_id"])


def eligible(case_dir, case, ev, date):
    """Per (channel, account): shares held at `date`'s close, or the rights they carry (a rights
    issue's rights held, once credited)."""
    if ev["type"] == "rights_issue" and date >= rights_credited(ev):
        return holders(case_dir, case, ev["new_security_code"], date)
    held = holders(case_dir, case, ev["security_code"], date)
    if ev["type"] in ("rights_issue", "open_offer"):
        new, old = (int(x) for x in ev["ratio"].split(":"))
        return {k: v * new // old for k, v in held.items()}
    return held


def parse_choices(text):
    return [(c.split("=")[0], int(c.split("=")[1])) for c in text.split(";")]


def elections(case_dir, case, ev):
    """CA-3: each instruction checked when given (window; at most what is held at the latest
    close before it, or once the holders' date has closed, what it carries); the last accepted
    one of an account prevails; filed against the holders' date: votes beyond it pro-rated down,
    anything else beyond it refused whole; totals per channel and option."""
    holders_date = ev["record_date"] or ev["csdc_deadline"][:10]
    given = []
    for n, i in enumerate(rows(case_dir / "instructions.csv")):
        if i["event_id"] != ev["event_id"]:
            continue
        at = i["at"]
        in_window = ev["election_open"] <= at <= ev["csdc_deadline"]
        day = at[:10]
        prev = day_before(day)
        if ev["type"] == "rights_issue" and prev >= rights_credited(ev):
            basis = eligible(case_dir, case, ev, prev)  # the rights held: they can be sold
        elif day > holders_date:
            basis = eligible(case_dir, case, ev, holders_date)
        else:
            basis = eligible(case_dir, case, ev, prev)
        choices = parse_choices(i["choices"])
        ok = in_window and sum(q for _, q in choices) <= basis.get((i["channel"], i["account"]), 0)
        assert ok == (i["expect"] == "ok"), f"instruction {n + 2}: expected {i['expect']}"
        if ok:
            given.append((i["channel"], i["account"], at, n, choices))
    last = {}
    for g in sorted(given, key=lambda g: (g[0], g[1], g[2], g[3])):
        last[(g[0], g[1])] = g
    at_close = eligible(case_dir, case, ev, filing_date(ev))
    filed, totals = [], {}
    for (channel, account), g in sorted(last.items()):
        have = at_close.get((channel, account), 0)
        total = sum(q for _, q in g[4])
        if total <= have:
            status, got = "filed", g[4]
        elif ev["type"] == "vote" and have > 0:
            status, got = "pro_rated", [(o, q * have // total) for o, q in g[4] if q * have // total]
        else:
            status, got = "refused", []
        filed.append({"channel": channel, "account_id": account, "status": status,
                      "filed": ";".join(f"{o}={q}" for o, q in got)})
        for o, q in got:
            t = totals.setdefault((channel, o), [0, 0])
            t[0] += q
            t[1] += 1
    order = ["cash", "scrip", "take_up", "accept", "for", "against", "abstain"]
    return {"filed": filed,
            "totals": [{"channel": c, "option": o, "quantity": q, "accounts": a}
                       for (c, o), (q, a) in sorted(totals.items(),
                                                    key=lambda kv: (kv[0][0], order.index(kv[0][1])))]}


def main():
    case_dir = Path(sys.argv[1])
    case = json.loads((case_dir / "case.json").read_text())
    types = {r["account_id"]: r["account_type"] for r in rows(case_dir / "accounts.csv")}
    payments = {(p["event_id"], p["channel"]): p for p in rows(case_dir / "ca_payments.csv")}
    out = {}
    for ev in rows(case_dir / "ca_events.csv"):
        entitled = []
        date = ev["record_date"] or ev["csdc_deadline"][:10]
        for (channel, account), holding in sorted(holders(case_dir, case, ev["security_code"],
                                                          date).items()):
            row = {"channel": channel, "account_id": account, "holding": holding}
            if ev["type"] in ("bonus_shares", "split", "consolidation"):
                new, old = (int(x) for x in ev["ratio"].split(":"))
                got, left = divmod(holding * new, old)
                after = holding + got if ev["type"] == "bonus_shares" else got
                row.update({"securities": got,
                            "fraction": f"{left}/{old}" if left else "0",
                            "odd_lot": after % case["board_lots"][ev["event_id"]]})
            if ev["type"] == "takeover":
                gross = D(ev["rate"]) * holding
                row["gross_ccy"] = str(gross)
                pay = payments.get((ev["event_id"], channel))
                if pay:
                    gross_rmb = fen(gross * D(pay["rmb_per_unit"]), ROUND_FLOOR)
                    row.update({"gross_rmb": str(gross_rmb), "tax_rmb": "0.00",
                                "net_rmb": str(gross_rmb),
                                "payable_date": case["payable_dates"][pay["clearing_date"]]})
            if ev["type"] in ("rights_issue", "open_offer"):
                new, old = (int(x) for x in ev["ratio"].split(":"))
                got, left = divmod(holding * new, old)
                taken = taken_up(case_dir, case, ev).get((channel, account), 0)
                row.update({"securities": got, "fraction": f"{left}/{old}" if left else "0",
                            "taken_up": taken})
                pay = payments.get((ev["event_id"], channel))
                if pay and taken:
                    paid = fen(D(ev["price"]) * taken * D(pay["rmb_per_unit"]), ROUND_CEILING)
                    row.update({"gross_rmb": str(-paid), "tax_rmb": "0.00", "net_rmb": str(-paid),
                                "payable_date": case["payable_dates"][pay["clearing_date"]]})
            if ev["type"] == "vote":
                row["votes"] = holding
            if ev["type"] == "cash_dividend":
                gross = D(ev["rate"]) * holding
                row["gross_ccy"] = str(gross)
                pay = payments.get((ev["event_id"], channel))
                if pay:
                    gross_rmb = fen(gross * D(pay["rmb_per_unit"]), ROUND_FLOOR)
                    eit = fen(gross_rmb * D("0.10"), ROUND_HALF_UP) \
                        if ev["issuer_type"] == "red_chip_resident" else D("0.00")
                    person = types[account] == "individual"
                    tax = fen((gross_rmb - eit) * D("0.20"), ROUND_HALF_UP) if person else D("0.00")
                    row.update({
                        "gross_rmb": str(gross_rmb),
                        "enterprise_tax_rmb": str(eit),
                        "tax_rmb": str(tax),
                        "tax_withheld_by": ("company" if ev["issuer_type"] == "h_share" else "csdc")
                        if person else "none",
                        "net_rmb": str(gross_rmb - eit - tax),
                        "payable_date": case["payable_dates"][pay["clearing_date"]],
                    })
            entitled.append(row)
        out[ev["event_id"]] = {"holders_date": date or ev["csdc_deadline"][:10],
                               "entitlements": entitled}
        if (case_dir / "instructions.csv").exists() and ev["options"]:
            out[ev["event_id"]]["elections"] = elections(case_dir, case, ev)
        if ev["event_id"] in case.get("tradable_from", {}):
            out[ev["event_id"]]["tradable_from"] = case["tradable_from"][ev["event_id"]]
    if (case_dir / "non_trade_transfers.csv").exists():
        out["transfers"] = non_trade(case_dir, case)
    (case_dir / "expected.json").write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
