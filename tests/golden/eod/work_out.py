#!/usr/bin/env python3
"""Works out the expected results of an EOD golden case, independently of connectpost.

Written from the rules as SPEC (CLR-4/5/6/9/11/12/15/16) and research/domain-facts.md §1 state
them, with exact decimals (Python's decimal), so that the C++ engine is checked against a second
implementation, not against itself. The dates that come from the calendar (settlement, T+1, the
number of portfolio-fee and accrual days, the settlement days each run instructs and the trade
dates whose money moves on them) are derived by hand in each case's case.json and README.

A case is one or more consecutive trading days, run in order: case.json's "days". Each day's
results go under expected.json's "days" → date.

CLR-11 (seed 002 附件4 第27条; research/risk-and-obligations.md §3): the run of trading day D
instructs the settlement days listed under its "transfer_days". On each S:
  transfer = reserve balance (the latest imported on or before D; for a later S of the same run,
             the closing balance the previous instruction leaves)
           − Σ payable CSDC nets of the trade dates whose money moves on S (each on its own)
           − risk funds due at S (D's) + risk funds due at the previous instructed day
           − portfolio fees collected on S (every run's up to D)
           + corporate-action cash CSDC pays on S (CLR-7, case "dividend"): each event CSDC cleared
             on a run's date credits the holders at its record date's close (the statement on or
             before it, rolled forward) with gross × CSDC's rate rounded down to the fen, less
             20% (half-up) for individuals; payable on the clearing date's next Southbound trading
             day, derived by hand as the day's "ca_payable_date"

Usage: work_out.py CASE_DIR   (writes CASE_DIR/expected.json)
"""
import csv
import datetime
import json
import sys
from decimal import Decimal as D, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP
from pathlib import Path

ZERO = D("0.00")


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


def add_days(day, n):
    return (datetime.date.fromisoformat(day) + datetime.timedelta(days=n)).isoformat()


def rows(case, name):
    return list(csv.DictReader(open(case / name)))


def direction(amount):
    return "reserve_to_bank" if amount > 0 else ("bank_to_reserve" if amount < 0 else "none")


class Case:
    def __init__(self, case):
        self.case = case
        self.spec = json.load(open(case / "case.json"))
        self.days = self.spec["days"]
        self.settles_on = {d["business_date"]: d["settlement_date"] for d in self.days}
        self.accounts = {r["account_id"]: r for r in rows(case, "accounts.csv")}
        self.executions = rows(case, "executions.csv")
        self.fx = {(r["rate_date"], r["channel"]): r for r in rows(case, "fx.csv")}
        self.prices = rows(case, "prices.csv")
        self.positions = rows(case, "positions.csv")
        self.reserves = rows(case, "reserves.csv")
        self.cash = rows(case, "cash.csv")
        self.checks = rows(case, "reserve_checks.csv")
        self.csdc_nets = {}       # trade date → "ch:reserve" → net
        self.fees_by_collection = {}  # (channel, reserve, collection date) → Σ fee
        self.last_risk_due = {}   # channel → reserve → risk funds due at its last instructed day
        self.trade_money = []     # (account, trade date, settlement date, buys, sells) of every run
        self.fee_records = []     # (account, collection date, fee, channel) of every run
        self.csdc_by_trade_date = {}  # trade date → "ch:reserve" → CSDC net
        self.shares = []          # (account, trade date, security, shares ±) of every run
        self.previous_run = None
        self.instructed = {}      # "ch:reserve:S" → the transfer a run instructed for S
        self.csdc_margin = self.spec.get("csdc_margin")  # None: the rate method (22% × 1)
        has_ca = (case / "ca_events.csv").exists()
        self.ca_events = {r["event_id"]: r for r in rows(case, "ca_events.csv")} if has_ca else {}
        self.ca_payments = rows(case, "ca_payments.csv") if has_ca else []
        self.ca_due = {}          # (channel, reserve, payable date) → Σ net RMB credited
        self.ca_records = []      # (account, clearing date, payable date, net RMB) of every run

    def rpf_margin(self, day, close, secs, held):
        """CLR-9 from 2022-06-13 (risk.margin_method hkscc_rpf): HKSCC's VaR margin of the
        reserve's net positions, each net sale covered by the shares held like specific stock
        collateral, worked by tests/golden/margin/work_out.py's margin() (an independent
        implementation of HKSCC's guide); the aggregated margin rounded up, with no favourable-MTM
        offset and no margin credit."""
        spec = self.csdc_margin
        ref = (self.case / spec["reference_dir"]).resolve()
        sys.path.insert(0, str(ref))
        import work_out as hkscc  # tests/golden/margin/work_out.py
        history = {}
        for r in rows(self.case, spec["price_history"]):
            history.setdefault(r["security"], {})[r["price_date"]] = D(r["close_hkd"])
        for s, price in close.items():  # the day's own close is its prices input
            history.setdefault(s, {})[day] = price
        settles_after = add_days(day, 1)
        positions = [{"as_of": day, "settlement_date": settles_after, "security": s,
                      "quantity": str(q), "contract_value_hkd": str(v),
                      "ssc_quantity": str(held.get(s, 0) if q < 0 else 0)}
                     for s, (q, v) in sorted(secs.items()) if q != 0]
        m = hkscc.margin(ref, "CSDC", day, positions, history, "risk_parameters.csv")
        return r2(D(m["rounded"]))

    def holdings_at(self, day):
        """(account, channel, security) → shares at the day's close: the latest statement on or
        before it, plus the trades whose securities settled (T+2, CLR-3) after the statement's
        date and on or before the day: the buyer receives, the seller delivers."""
        dates = [r["as_of"] for r in self.positions if r["as_of"] <= day]
        statement = max(dates, default="0000-00-00")
        held = {}
        for r in self.positions:
            if r["as_of"] == statement:
                key = (r["account"], r["channel"], r["security"])
                held[key] = held.get(key, 0) + int(r["quantity"])
        for e in self.executions:
            settles = self.settles_on[e["trade_date"]]
            if statement < settles <= day:
                key = (e["account"], e["channel"], e["security"])
                held[key] = held.get(key, 0) + (int(e["quantity"]) if e["side"] == "buy" else -int(e["quantity"]))
        return held

    def rate(self, day, channel, buy):
        return D(self.fx[(day, channel)]["settlement_buy" if buy else "settlement_sell"])

    def clear(self, e):
        """CLR-4/5/15: one execution's fees, commission and RMB amounts."""
        day = e["trade_date"]
        stamp, trading_fee, afrc, tariff, (settle_rate, settle_min, settle_max) = fee_regime(day)
        c = D(e["price"]) * int(e["quantity"])
        sd = (c * stamp).quantize(D("1"), ROUND_CEILING)  # no ETF in the cases
        settlement = r2(c * settle_rate)
        if settle_min is not None:
            settlement = max(settle_min, min(settle_max, settlement))
        fees = sd + r2(c * trading_fee) + r2(c * D("0.000027")) + r2(c * afrc) + tariff + settlement
        account = self.accounts[e["account"]]
        rate = D(account["commission_rate"] or account["a_share_online_rate"])
        commission = max(r2(c * rate), D(account["commission_min_hkd"] or "0"))
        buy = e["side"] == "buy"
        csdc_hkd = c + fees if buy else c - fees
        investor_hkd = csdc_hkd + commission if buy else csdc_hkd - commission
        fx_rate = self.rate(day, e["channel"], buy)
        csdc_rmb, investor_rmb = r2(csdc_hkd * fx_rate), r2(investor_hkd * fx_rate)
        commission_rmb = investor_rmb - csdc_rmb if buy else csdc_rmb - investor_rmb
        return {"consideration_hkd": str(r2(c)), "fees_hkd": str(fees),
                "stamp_duty": str(sd.quantize(D("0.01"))), "commission_hkd": str(commission),
                "investor_hkd": str(investor_hkd), "investor_rmb": str(investor_rmb),
                "csdc_rmb": str(csdc_rmb), "commission_rmb": str(commission_rmb)}

    def work_day(self, spec):
        day = spec["business_date"]
        close = {r["security"]: D(r["close_hkd"]) for r in self.prices if r["price_date"] == day}
        out = {"executions": {}, "investors": {}, "csdc": {}}
        for e in self.executions:
            if e["trade_date"] != day:
                continue
            x = self.clear(e)
            out["executions"][e["trade_id"]] = x
            buy = e["side"] == "buy"
            reserve = self.accounts[e["account"]]["money_kind"]
            inv = out["investors"].setdefault(f"{e['account']}:{e['channel']}", {"net_rmb": D(0)})
            inv["net_rmb"] += D(x["investor_rmb"]) if buy else -D(x["investor_rmb"])
            cs = out["csdc"].setdefault(f"{e['channel']}:{reserve}",
                                        {"net_rmb": D(0), "commission_rmb": D(0)})
            cs["net_rmb"] += D(x["csdc_rmb"]) if buy else -D(x["csdc_rmb"])
            cs["commission_rmb"] += D(x["commission_rmb"])
        self.csdc_nets[day] = {k: v["net_rmb"] for k, v in out["csdc"].items()}
        for e in self.executions:
            if e["trade_date"] == day:
                q = int(e["quantity"]) if e["side"] == "buy" else -int(e["quantity"])
                self.shares.append((e["account"], day, e["security"], q))
        todays_money, frozen = {}, {}
        for e in self.executions:
            if e["trade_date"] != day:
                continue
            x = out["executions"][e["trade_id"]]
            m = todays_money.setdefault((e["account"], e["channel"]), [D(0), D(0)])
            m[0 if e["side"] == "buy" else 1] += D(x["investor_rmb"])
            if e["side"] == "buy":
                # What the counter froze: the value at the reference sell rate, up to the fen.
                value = D(e["price"]) * int(e["quantity"])
                reference_sell = D(self.fx[(day, e["channel"])]["reference_sell"])
                frozen[e["account"]] = frozen.get(e["account"], ZERO) + \
                    (value * reference_sell).quantize(D("0.01"), ROUND_CEILING)
        for v in out["investors"].values():
            v["net_rmb"] = str(v["net_rmb"])
        for v in out["csdc"].values():
            payable = v["net_rmb"] >= 0
            v.update(flow="trading_money_payable" if payable else "trading_money_receivable",
                     date=spec["settlement_date"], cutoff_hkt="10:30" if payable else "18:00",
                     net_rmb=str(v["net_rmb"]), commission_rmb=str(v["commission_rmb"]))

        # Portfolio fee (CLR-6): each calendar day from the day to the next trading day, on that
        # day's end-of-day holdings (seed 002 附件4 第22条) at the day's closes: 0.008% a year
        # within the first tier, Σ over the days / 365, half-up to the cent; collected T+1 18:00.
        fee_date = spec.get("portfolio_fee_date", spec["risk_funds_date"])
        out["portfolio_fees"], fee_by_reserve, fee_by_account = {}, {}, {}
        annual, first_value = {}, {}
        for k in range(spec["portfolio_fee_days"]):
            held = self.holdings_at(add_days(day, k))
            for (account, channel, security), quantity in held.items():
                if quantity <= 0:
                    continue
                key = f"{account}:{channel}"
                value = close[security] * quantity
                annual[key] = annual.get(key, D(0)) + value * D("0.00008")
                if k == 0:
                    first_value[key] = first_value.get(key, D(0)) + value
        for key in sorted(annual):
            account, channel = key.split(":")
            fee_hkd = r2(annual[key] / 365)
            fee_rmb = r2(fee_hkd * self.rate(day, channel, True))
            reserve = self.accounts[account]["money_kind"]
            fee_by_reserve[(channel, reserve)] = fee_by_reserve.get((channel, reserve), D(0)) + fee_rmb
            fee_by_account[account] = fee_by_account.get(account, D(0)) + fee_rmb
            k = (channel, reserve, fee_date)
            self.fees_by_collection[k] = self.fees_by_collection.get(k, D(0)) + fee_rmb
            out["portfolio_fees"][key] = {"value_hkd": str(r2(first_value.get(key, D(0)))),
                                          "days": spec["portfolio_fee_days"],
                                          "fee_hkd": str(fee_hkd), "fee_rmb": str(fee_rmb),
                                          "collection_date": fee_date}

        # Corporate-action cash CSDC cleared on the day (CLR-7): the holders at the record date's
        # close, each credited the net RMB, payable on the clearing date's T+1.
        out["ca_credits"] = {}
        for pay in self.ca_payments:
            if pay["clearing_date"] != day:
                continue
            ev = self.ca_events[pay["event_id"]]
            held = self.holdings_at(ev["record_date"])
            for (account, channel, security), quantity in sorted(held.items()):
                if channel != pay["channel"] or security != ev["security_code"] or quantity <= 0:
                    continue
                gross_rmb = (D(ev["rate"]) * quantity * D(pay["rmb_per_unit"])).quantize(
                    D("0.01"), ROUND_FLOOR)
                person = self.accounts[account]["account_type"] == "individual"
                tax = r2(gross_rmb * D("0.20")) if person else ZERO
                net = gross_rmb - tax
                reserve = self.accounts[account]["money_kind"]
                payable = spec["ca_payable_date"]
                out["ca_credits"][f"{ev['event_id']}:{channel}:{account}"] = {
                    "holding": quantity, "gross_rmb": str(gross_rmb), "tax_rmb": str(tax),
                    "net_rmb": str(net), "payable_date": payable}
                k = (channel, reserve, payable)
                self.ca_due[k] = self.ca_due.get(k, ZERO) + net
                self.ca_records.append((account, day, payable, net))

        # Collateral (CLR-9) is the holdings at the day's close.
        holdings = {}
        for (account, channel, security), quantity in self.holdings_at(day).items():
            key = (channel, self.accounts[account]["money_kind"])
            h = holdings.setdefault(key, {})
            h[security] = h.get(security, 0) + quantity

        # Risk funds (CLR-9) over the trades not settled at the day's close: every trade date
        # up to the day whose securities settle after it.
        positions = {}  # (channel, reserve) → security → [quantity, value]
        for e in self.executions:
            traded = e["trade_date"]
            if traded > day or self.settles_on[traded] <= day:
                continue
            reserve = self.accounts[e["account"]]["money_kind"]
            buy = e["side"] == "buy"
            c = D(e["price"]) * int(e["quantity"])
            p = positions.setdefault((e["channel"], reserve), {}).setdefault(e["security"], [0, D(0)])
            p[0] += int(e["quantity"]) if buy else -int(e["quantity"])
            p[1] += c if buy else -c
        keys = set(positions) | {tuple(k.split(":")) for k in out["csdc"]} | set(fee_by_reserve)
        out["risk_funds"] = {}
        risk_due = {}
        for channel, reserve in sorted(keys):
            secs = positions.get((channel, reserve), {})
            marks = sum((close[s] * q - v for s, (q, v) in secs.items()), D(0))
            long_value = sum((close[s] * q for s, (q, v) in secs.items() if q > 0), D(0))
            short_value = sum((-close[s] * q for s, (q, v) in secs.items() if q < 0), D(0))
            collateral = sum((close[s] * holdings.get((channel, reserve), {}).get(s, 0)
                              for s, (q, v) in secs.items() if q < 0), D(0))
            if self.csdc_margin:
                margin = self.rpf_margin(day, close, secs, holdings.get((channel, reserve), {}))
            else:
                margin = r2(max(long_value - collateral, short_value - collateral, D(0)) * D("0.22") * 1)
            risk_hkd = r2((-marks if marks < 0 else D(0)) + margin)
            risk_rmb = r2(risk_hkd * self.rate(day, channel, True))
            risk_due.setdefault(channel, {})[reserve] = risk_rmb
            out["risk_funds"][f"{channel}:{reserve}"] = {
                "marks_hkd": str(r2(marks)), "margin_hkd": str(margin),
                "risk_funds_hkd": str(risk_hkd), "risk_funds_rmb": str(risk_rmb)}

        # The funds transfers (CLR-11) of the settlement days this run instructs.
        out["transfers"] = {}
        for channel, transfer_days in spec["transfer_days"].items():
            if not transfer_days:
                continue
            due = risk_due.get(channel, {})
            previous = self.last_risk_due.get(channel, {})
            reserves = set(due) | {r for r, v in previous.items() if v != 0}
            for t in transfer_days:
                for traded in t["trade_dates"]:
                    reserves |= {k.split(":")[1] for k in self.csdc_nets.get(traded, {})
                                 if k.startswith(channel + ":")}
                reserves |= {r for (c, r, s) in self.fees_by_collection
                             if c == channel and s == t["settlement_date"]}
                reserves |= {r for (c, r, s) in self.ca_due
                             if c == channel and s == t["settlement_date"]}
            for reserve in sorted(reserves):
                imported = [r for r in self.reserves if r["channel"] == channel and
                            r["reserve"] == reserve and r["balance_date"] <= day]
                latest = max(imported, key=lambda r: r["balance_date"])
                balance, balance_date, basis = D(latest["balance_rmb"]), latest["balance_date"], "imported"
                for i, t in enumerate(transfer_days):
                    settles = t["settlement_date"]
                    payable, receivable, dates = ZERO, ZERO, []
                    for traded in t["trade_dates"]:
                        net = self.csdc_nets.get(traded, {}).get(f"{channel}:{reserve}", ZERO)
                        # Each trade date's money moves on its own settlement date (no typhoon
                        # in the cases: payable and receivable dates are the same).
                        assert self.settles_on.get(traded, settles) == settles
                        dates.append({"trade_date": traded, "net_rmb": str(net),
                                      "batch": "10:30" if net > 0 else ("18:00" if net < 0 else "none")})
                        payable += net if net > 0 else ZERO
                        receivable += -net if net < 0 else ZERO
                    risk = due.get(reserve, ZERO)
                    risk_previous = previous.get(reserve, ZERO) if i == 0 else risk
                    fee = self.fees_by_collection.get((channel, reserve, settles), ZERO)
                    dividends = self.ca_due.get((channel, reserve, settles), ZERO)
                    transfer = balance - payable - risk + risk_previous - fee + dividends
                    out["transfers"][f"{channel}:{reserve}:{settles}"] = {
                        "reserve_balance_date": balance_date, "reserve_balance_basis": basis,
                        "reserve_balance_previous_rmb": str(balance), "trade_dates": dates,
                        "trading_money_payable_rmb": str(payable),
                        "trading_money_receivable_rmb": str(receivable),
                        "risk_funds_due_rmb": str(risk), "risk_funds_previous_rmb": str(risk_previous),
                        "portfolio_fee_rmb": str(fee), "dividends_receivable_rmb": str(dividends),
                        "transfer_rmb": str(transfer), "direction": direction(transfer)}
                    self.instructed[f"{channel}:{reserve}:{settles}"] = transfer
                    # Carried out, the instruction leaves the 18:00 receivable in the reserve.
                    balance, balance_date, basis = receivable, settles, "projected"
            self.last_risk_due[channel] = {r: due.get(r, ZERO) for r in reserves}

        # Pre-clearing and available funds (CLR-13, CLR-14) of each client account at stake:
        # cash rolled forward from its statement by the money settled since (T+2, CLR-3) less the
        # fees collected since; T's buys against what was frozen; T's fee frozen; Southbound sale
        # money available for Southbound at once, for A shares when it settles.
        fee_today = {}
        for key, v in out["portfolio_fees"].items():
            account = key.split(":")[0]
            fee_today[account] = fee_today.get(account, ZERO) + D(v["fee_rmb"])
        for (account, channel), (buys, sells) in todays_money.items():
            self.trade_money.append((account, day, spec["settlement_date"], buys, sells))
        # Corporate-action cash (CLR-7, STL-4) cleared by T: in the cash once it has settled
        # after the statement, in both available figures while it settles after T (usable T+1).
        stake = {a for (a, c) in todays_money} | set(fee_today) | \
            {a for (a, t, s, b, x) in self.trade_money if t < day and s > day} | \
            {a for (a, cleared, payable, net) in self.ca_records if cleared <= day < payable}
        out["pre_clearing"] = {}
        for account in sorted(stake):
            if self.accounts[account]["money_kind"] != "client":
                continue
            statements = [r for r in self.cash if r["account"] == account and r["currency"] == "CNY" and r["as_of"] <= day]
            statement = max(statements, key=lambda r: r["as_of"])
            since = statement["as_of"]
            settled = unsettled_buys = unsettled_sells = todays_buys = ZERO
            for (a, traded, settles, buys, sells) in self.trade_money:
                if a != account or settles <= since:
                    continue
                if settles <= day:
                    settled += sells - buys
                else:
                    unsettled_buys += buys
                    unsettled_sells += sells
                if traded == day:
                    todays_buys += buys
            collected = sum((f for (a, c, f, ch) in self.fee_records if a == account and since < c <= day), ZERO)
            ca_settled = sum((net for (a, cleared, payable, net) in self.ca_records
                              if a == account and since < payable <= day), ZERO)
            ca_unsettled = sum((net for (a, cleared, payable, net) in self.ca_records
                                if a == account and cleared <= day < payable), ZERO)
            cash = D(statement["amount"]) + settled - collected + ca_settled
            fee = fee_today.get(account, ZERO)
            a_share = cash - unsettled_buys - fee + ca_unsettled
            southbound = a_share + unsettled_sells
            out["pre_clearing"][account] = {
                "cash_statement_rmb": statement["amount"], "settled_since_rmb": str(settled),
                "fees_collected_since_rmb": str(collected),
                "other_settled_since_rmb": str(ca_settled), "cash_rmb": str(cash),
                "unsettled_buys_rmb": str(unsettled_buys), "unsettled_sells_rmb": str(unsettled_sells),
                "portfolio_fee_rmb": str(fee), "other_unsettled_rmb": str(ca_unsettled),
                "frozen_at_reference_rmb": str(frozen.get(account, ZERO)),
                "frozen_adjustment_rmb": str(todays_buys - frozen.get(account, ZERO)),
                "available_southbound_rmb": str(southbound), "available_a_share_rmb": str(a_share),
                "notify": 1 if southbound < 0 else 0}
        for key, v in out["portfolio_fees"].items():
            account, channel = key.split(":")
            self.fee_records.append((account, v["collection_date"], D(v["fee_rmb"]), channel))

        # Settlement-day entries (CLR-3): what settles after the previous run's date and on or
        # before this one: each investor's money into its cash, its shares into its holdings,
        # and each reserve account paying CSDC's net and the fees collected then.
        after = self.previous_run or add_days(day, -1)
        inside = lambda d: after < d <= day
        settled = {}
        def post(key, amount):
            settled[key] = settled.get(key, D(0)) + amount
        for (account, traded, settles, buys, sells) in self.trade_money:
            if traded < day and inside(settles):
                post(f"investor_cash:{account}|CNY", sells - buys)
        for (account, traded, security, q) in self.shares:
            if traded < day and inside(self.settles_on[traded]):
                post(f"investor_holdings:{account}|security:{security}", D(q))
        for traded, nets in self.csdc_nets.items():
            if traded < day and inside(self.settles_on[traded]):
                for key, net in nets.items():
                    post(f"csdc_reserve:{key}|CNY", net)
        for (account, collected, fee, channel) in self.fee_records:
            if inside(collected):
                post(f"csdc_reserve:{channel}:{self.accounts[account]['money_kind']}|CNY", fee)
        out["settlement"] = {k: str(v) for k, v in settled.items() if v != 0}
        self.previous_run = day

        # Overdrafts (CLR-12) of client accounts, advanced on T+1 with penalty interest from then
        # (seed 002 附件4 第36条), and defaults (CLR-16) over the days from the settlement day.
        days = spec["accrual_days"]
        out["exceptions"] = {}
        cash = {}
        for r in sorted(self.cash, key=lambda r: r["as_of"]):
            if r["as_of"] <= day and r["currency"] == "CNY":
                cash[r["account"]] = D(r["amount"])
        owed = {}
        for key, v in out["investors"].items():
            account, channel = key.split(":")
            if self.accounts[account]["money_kind"] == "client":
                owed[account] = owed.get(account, D(0)) + D(v["net_rmb"])
        for account, fee in fee_by_account.items():
            if self.accounts[account]["money_kind"] == "client":
                owed[account] = owed.get(account, D(0)) + fee
        for account, amount in owed.items():
            projected = cash.get(account, ZERO) - amount
            if projected < 0:
                out["exceptions"][f"overdraft:{account}"] = {
                    "amount_rmb": str(-projected), "detail_rmb": str(projected), "penalty_rmb": "0.00",
                    "interest_rmb": str(r2(-projected * D("0.0005") * spec["overdraft_days"]))}
        checks = {}
        for r in self.checks:
            if r["check_date"] == day:
                checks.setdefault(f"{r['channel']}:{r['reserve']}", {})[r["batch"]] = D(r["balance_rmb"])
        # A reserve short after the day's 10:30 batch: the day's transfer recomputed and
        # reissued with what is still due (CLR-19, 第42条).
        out["reissues"] = {}
        for key, batch in checks.items():
            if batch["10:30"] < 0:
                instructed = self.instructed.get(f"{key}:{day}")
                out["reissues"][key] = {
                    "still_due_rmb": str(-batch["10:30"]),
                    "instructed_rmb": "" if instructed is None else str(instructed),
                    "recomputed_rmb": str((instructed if instructed is not None else ZERO) + batch["10:30"])}
        for key, batch in checks.items():
            intraday = max(D("0.00"), -batch["10:30"])
            end_of_day = max(D("0.00"), -batch["18:00"])
            if intraday or end_of_day:
                out["exceptions"][f"default:{key}"] = {
                    "amount_rmb": str(max(intraday, end_of_day)), "detail_rmb": str(end_of_day),
                    "penalty_rmb": str(r2(max(intraday, end_of_day) * D("0.001") * days)),
                    "interest_rmb": str(r2(end_of_day * D("0.0035") * days / 360))}
        return out


def main(case_dir):
    case = Case(case_dir)
    out = {"days": {spec["business_date"]: case.work_day(spec) for spec in case.days}}
    json.dump(out, open(case_dir / "expected.json", "w"), indent=2, sort_keys=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
