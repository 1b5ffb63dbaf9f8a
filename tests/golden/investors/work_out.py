#!/usr/bin/env python3
"""Works out the expected Southbound permission checks of an investor golden case, independently
of connectpost.

Written from SPEC SUIT-1 (Shanghai), SUIT-2 (Shenzhen) and docs/investors.md's choices, with the
shipped suit.* parameters (data/parameters.csv) and exact decimals (Python's decimal):
  - account: the channel's latest profile on or before the date says `normal`;
  - questionnaire: the latest on or before the date, completed no earlier than the same day
    suit.questionnaire_valid_years years before the date (the month's last day when there is no
    such day);
  - risk level: at or above suit.min_risk_level.<ch>, or below it with the written
    acknowledgement where suit.low_level_acknowledged.<ch> admits one;
  - assets: the window's twenty Southbound trading days, derived by hand from data/calendar in
    case.json ("windows"); the total of securities + cash + margin net assets over them is at
    least suit.min_average_assets.<ch> × 20; the average shown rounded down to the fen;
  - risk disclosure: studied for the channel on or before the date;
  - knowledge test: the channel's latest sheet on or before the date; correct × 100 ≥
    suit.knowledge_min_score.<ch> × questions (Shanghai's 100 is every answer right); a sheet of
    the other channel does not count;
  - integrity and legal bar: the profile's flags are no;
  - warnings: none of the channel's exchange (sse for sh, szse for sz) after the same day
    suit.warning_lookback_months months before the date, up to it;
  - agreement: signed for the channel on or before the date, and on or after the questionnaire,
    the disclosure study and the knowledge test.

Usage: work_out.py CASE_DIR   (writes CASE_DIR/expected.json)
"""
import calendar
import csv
import datetime
import json
import sys
from decimal import Decimal as D, ROUND_FLOOR
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LEVELS = ["conservative", "moderately_conservative", "balanced", "moderately_aggressive",
          "aggressive"]
EXCHANGE = {"sh": "sse", "sz": "szse"}


def rows(case, name):
    path = case / name
    if not path.exists():
        return []
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def parameters(on):
    """The suit.* parameters in force on `on` (ISO date)."""
    out = {}
    for row in rows(ROOT / "data", "parameters.csv"):
        if not row["key"].startswith("suit."):
            continue
        if row["effective_from"] <= on and (not row["effective_to"] or on < row["effective_to"]):
            out[row["key"]] = row["value"]
    return out


def shift_months(iso, months):
    day = datetime.date.fromisoformat(iso)
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last)).isoformat()


def latest(candidates, date_key, on):
    dated = [r for r in candidates if r[date_key] <= on]
    return max(dated, key=lambda r: r[date_key]) if dated else None


def fen_grouped(amount):
    return f"{amount.quantize(D('0.01'), rounding=ROUND_FLOOR):,.2f}"


def check(case, spec, window):
    account, channel, on = spec["account"], spec["channel"], spec["date"]
    p = parameters(on)
    failed = []
    profile = latest([r for r in rows(case, "investor_profiles.csv")
                      if r["account_id"] == account and r["channel"] == channel], "as_of", on)
    if not profile or profile["a_share_account"] != "normal":
        failed.append("account")

    questionnaire = latest([r for r in rows(case, "questionnaires.csv")
                            if r["account_id"] == account], "completed_on", on)
    years = int(p["suit.questionnaire_valid_years"])
    if not questionnaire or questionnaire["completed_on"] < shift_months(on, -12 * years):
        failed.append("questionnaire")
    minimum = LEVELS.index(p["suit.min_risk_level." + channel])
    acknowledgement_admitted = p["suit.low_level_acknowledged." + channel] == "true"
    if not questionnaire or (LEVELS.index(questionnaire["risk_level"]) < minimum and not (
            acknowledgement_admitted and questionnaire["low_level_acknowledged"] == "yes")):
        failed.append("risk_level")

    assets = {r["as_of"]: D(r["securities_rmb"]) + D(r["cash_rmb"]) + D(r["margin_net_rmb"])
              for r in rows(case, "asset_snapshots.csv") if r["account_id"] == account}
    assert len(window) == int(p["suit.asset_window_days"]), "case.json's window"
    total = sum((assets[day] for day in window), D("0.00"))
    average = total / len(window)
    if total < D(p["suit.min_average_assets." + channel]) * len(window):
        failed.append("assets")

    documents = [r for r in rows(case, "permission_documents.csv")
                 if r["account_id"] == account and r["channel"] == channel]
    study = latest([r for r in documents if r["document"] == "risk_disclosure_study"],
                   "signed_on", on)
    if not study:
        failed.append("risk_disclosure")

    test = latest([r for r in rows(case, "knowledge_tests.csv")
                   if r["account_id"] == account and r["channel"] == channel], "taken_on", on)
    if not test or int(test["correct"]) * 100 < int(
            p["suit.knowledge_min_score." + channel]) * int(test["questions"]):
        failed.append("knowledge_test")

    if not profile or profile["serious_integrity_problem"] != "no":
        failed.append("integrity")
    since = shift_months(on, -int(p["suit.warning_lookback_months"]))
    if any(r["account_id"] == account and r["exchange"] == EXCHANGE[channel]
           and since < r["warned_on"] <= on for r in rows(case, "trading_warnings.csv")):
        failed.append("warnings")
    if not profile or profile["legally_barred"] != "no":
        failed.append("legal_bar")

    agreement = latest([r for r in documents if r["document"] == "agreement"], "signed_on", on)
    earlier = [x for x in (questionnaire and questionnaire["completed_on"],
                           study and study["signed_on"], test and test["taken_on"]) if x]
    if not agreement or any(agreement["signed_on"] < x for x in earlier):
        failed.append("agreement")

    return {"account": account, "channel": channel, "date": on, "eligible": not failed,
            "failed": failed, "assets_average": fen_grouped(average),
            "window": [window[0], window[-1]]}


def main():
    case = Path(sys.argv[1])
    spec = json.loads((case / "case.json").read_text())
    out = [check(case, c, spec["windows"][c["date"]][c["channel"]]) for c in spec["checks"]]
    (case / "expected.json").write_text(json.dumps({"checks": out}, indent=2) + "\n")


if __name__ == "__main__":
    main()
