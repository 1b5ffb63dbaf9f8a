// Re-assessment (SUIT-6) and closing (SUIT-5), worked by hand from the shipped parameters:
// a questionnaire valid for 2 years, a 30-day notice.
#include "investors/reassessment.h"

#include <gtest/gtest.h>

#include "core/test_values.h"
#include "investors/closing.h"
#include "refdata/refdata.h"
#include "support/shipped_reference.h"

namespace cp::investors {
namespace {

using test_values::d;
using test_values::D;

ReassessmentRules shipped() {
  auto refdata = refdata::load_refdata(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data");
  EXPECT_TRUE(refdata.ok()) << refdata.error().to_string();
  auto rules = reassessment_rules(refdata->parameters, d("2026-12-07"));
  EXPECT_TRUE(rules.ok()) << rules.error().to_string();
  return *rules;
}

// On 2026-12-07, with questionnaires valid for 2 years and a 30-day notice:
//   A completed 2024-12-06 → valid until 2026-12-06: expired, −1 day;
//   B completed 2024-12-07 → until 2026-12-07: its last day, due, 0;
//   C completed 2025-01-06 → until 2027-01-06: 30 days left, due (the notice's last day);
//   D completed 2025-01-07 → until 2027-01-07: 31 days, current, not listed;
//   E on Shenzhen completed 2023-05-31 → until 2025-05-31: expired, −555 days.
TEST(Reassessment, TheExpiredAndThoseDueWithinThirtyDaysAreListed) {
  const ReassessmentRules rules = shipped();
  EXPECT_EQ(rules.questionnaire_valid_years, 2);
  EXPECT_EQ(rules.notice_days, 30);
  const std::vector<PermissionOnRecord> permissions = {{Channel::kShanghai, "A", d("2024-12-06")},
                                                       {Channel::kShanghai, "B", d("2024-12-07")},
                                                       {Channel::kShanghai, "C", d("2025-01-06")},
                                                       {Channel::kShanghai, "D", d("2025-01-07")},
                                                       {Channel::kShenzhen, "E", d("2023-05-31")}};
  const auto due = reassessments_due(permissions, d("2026-12-07"), rules);
  ASSERT_EQ(due.size(), 4u);
  EXPECT_EQ(due[0].account_id, "E");
  EXPECT_EQ(due[0].status, ReassessmentStatus::kExpired);
  EXPECT_EQ(due[0].valid_until, d("2025-05-31"));
  EXPECT_EQ(due[0].days_left, -555);
  EXPECT_EQ(due[1].account_id, "A");
  EXPECT_EQ(due[1].status, ReassessmentStatus::kExpired);
  EXPECT_EQ(due[1].days_left, -1);
  EXPECT_EQ(due[2].account_id, "B");
  EXPECT_EQ(due[2].status, ReassessmentStatus::kDueSoon);
  EXPECT_EQ(due[2].days_left, 0);
  EXPECT_EQ(due[3].account_id, "C");
  EXPECT_EQ(due[3].days_left, 30);
}

// An expired assessment blocks a new buy; a sell stays allowed; on the last valid day a buy
// passes.
TEST(Reassessment, AnExpiredAssessmentBlocksBuysNotSells) {
  const ReassessmentRules rules = shipped();
  EXPECT_TRUE(check_assessment_for_order(Side::kBuy, d("2024-12-07"), d("2026-12-07"), rules).ok());
  const auto refused =
      check_assessment_for_order(Side::kBuy, d("2024-12-06"), d("2026-12-07"), rules);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "the risk assessment expired after 2026-12-06: a new buy waits for the "
            "re-assessment (SPEC SUIT-6); sells stay allowed");
  EXPECT_TRUE(
      check_assessment_for_order(Side::kSell, d("2024-12-06"), d("2026-12-07"), rules).ok());
}

// SUIT-5 on Monday 2026-12-07. T1, a buy of Thursday 12-03, settled Monday (T+2 = 12-07 with
// the weekend): still unsettled at the counter today. T2, a sale of Friday 12-04, settles
// Tuesday 12-08: its securities and its RMB 12,345.60 unsettled. T0, a buy of 11-30 settled
// 12-02, is done. With T3 bought today all three reasons stand; with only T0 closing is allowed.
TEST(Closing, RefusedWhileTradedTodayOrAnythingUnsettled) {
  const TradeOnRecord t0{"T0",        d("2026-11-30"), Side::kBuy, d("2026-12-02"), d("2026-12-02"),
                         D("1000.00")};
  const TradeOnRecord t1{"T1",        d("2026-12-03"), Side::kBuy, d("2026-12-07"), d("2026-12-07"),
                         D("5000.00")};
  const TradeOnRecord t2{
      "T2", d("2026-12-04"), Side::kSell, d("2026-12-08"), d("2026-12-08"), D("12345.60")};
  const TradeOnRecord t3{"T3",       d("2026-12-07"), Side::kBuy, d("2026-12-09"), d("2026-12-09"),
                         D("800.00")};
  const ClosingCheck refused =
      check_closing({t0, t1, t2, t3}, d("2026-12-07"), TodaysTrades::kKnown);
  EXPECT_FALSE(refused.allowed);
  ASSERT_EQ(refused.reasons.size(), 3u);
  EXPECT_EQ(refused.reasons[0], "traded HK shares today, 2026-12-07: T3");
  EXPECT_EQ(refused.reasons[1], "HK trades not yet settled: T1, T2, T3");
  EXPECT_EQ(refused.reasons[2], "HK sale money not yet settled: RMB 12,345.60 (T2)");
  EXPECT_TRUE(check_closing({t0}, d("2026-12-07"), TodaysTrades::kKnown).allowed);
  // The day after T2's settlement everything has settled.
  EXPECT_TRUE(check_closing({t0, t1, t2}, d("2026-12-09"), TodaysTrades::kKnown).allowed);
}

// Before the EOD of T2's date has run, its sale is on record from the executions, without an
// amount; and while today's executions are not imported the counter cannot rule today out. On a
// day the channel does not trade there is nothing to import.
TEST(Closing, WhatTheEodHasNotClearedIsStillRefused) {
  TradeOnRecord t2{"T2", d("2026-12-04"), Side::kSell, d("2026-12-08"), d("2026-12-08"), {}};
  TradeOnRecord t4{"T4",       d("2026-12-03"), Side::kSell, d("2026-12-07"), d("2026-12-07"),
                   D("250.50")};
  const ClosingCheck refused = check_closing({t4, t2}, d("2026-12-07"), TodaysTrades::kNotImported);
  ASSERT_EQ(refused.reasons.size(), 3u);
  EXPECT_EQ(refused.reasons[0],
            "today's trades are not known yet: the executions of 2026-12-07 are not imported");
  EXPECT_EQ(refused.reasons[1], "HK trades not yet settled: T4, T2");
  EXPECT_EQ(refused.reasons[2],
            "HK sale money not yet settled: RMB 250.50 and 1 sale not yet cleared (T4, T2)");
  EXPECT_EQ(check_closing({t2}, d("2026-12-07"), TodaysTrades::kKnown).reasons.back(),
            "HK sale money not yet settled: 1 sale not yet cleared (T2)");
  // Saturday 12-12: nothing to import, everything settled.
  EXPECT_TRUE(check_closing({t4, t2}, d("2026-12-12"), TodaysTrades::kNoTrading).allowed);
  EXPECT_FALSE(check_closing({}, d("2026-12-07"), TodaysTrades::kNotImported).allowed);
}

// A trade's dates from its date's schedule: securities at T+2, a sale's money on the receivable
// flow's day, a buy's on the payable flow's. Here the two money days differ (as when a typhoon
// after 10:30 rolls only the 18:00 flow, CAL-6b): payable Friday 2024-12-27, receivable Monday
// 12-30.
TEST(Closing, ATradesDatesComeFromItsSchedule) {
  calendar::SettlementSchedule schedule;
  schedule.trade_date = d("2024-12-20");
  schedule.securities_settlement_date = d("2024-12-27");
  for (const std::string& flow : calendar::money_flow_names()) {
    const bool receivable = flow == "trading_money_receivable";
    schedule.money_flows.push_back(
        {flow, 2, d("2024-12-27"), receivable ? d("2024-12-30") : d("2024-12-27"), {}, {}});
  }
  const TradeOnRecord sale =
      on_record({"X", d("2024-12-20"), Side::kSell, D("70141.86")}, schedule);
  EXPECT_EQ(sale.securities_settlement_date, d("2024-12-27"));
  EXPECT_EQ(sale.money_settlement_date, d("2024-12-30"));
  EXPECT_EQ(sale.amount_rmb, D("70141.86"));
  const TradeOnRecord buy = on_record({"Y", d("2024-12-20"), Side::kBuy, {}}, schedule);
  EXPECT_EQ(buy.money_settlement_date, d("2024-12-27"));
  EXPECT_FALSE(buy.amount_rmb.has_value());
}

// A counter closing on Monday 2024-12-30 on Shanghai (the shipped calendar; the Christmas half
// days do not count as settlement days, CAL-3): 12-20 settled on 12-27; 12-23 and 12-24 settle
// today; 12-27 on 2025-01-02; and today trades. On 12-31 (a half day, still a trading day) 12-27
// and 12-30 are left, with 12-31 itself; on Christmas Day nothing trades, so only what settles
// on or after it: 12-20 (12-27), 12-23 and 12-24 (12-30).
TEST(Closing, TheTradeDatesStillSettlingOnTheShippedCalendar) {
  const auto southbound = testing::shipped_southbound(Channel::kShanghai);
  const auto& parameters = testing::shipped_refdata().parameters;
  const auto dates = [&](const char* today) {
    std::vector<Date> out;
    auto schedules = unsettled_trade_dates(southbound, parameters, d(today));
    EXPECT_TRUE(schedules.ok()) << schedules.error().to_string();
    for (const auto& s : *schedules) out.push_back(s.trade_date);
    return out;
  };
  EXPECT_EQ(dates("2024-12-30"), (std::vector<Date>{d("2024-12-23"), d("2024-12-24"),
                                                    d("2024-12-27"), d("2024-12-30")}));
  EXPECT_EQ(dates("2024-12-31"),
            (std::vector<Date>{d("2024-12-27"), d("2024-12-30"), d("2024-12-31")}));
  EXPECT_EQ(dates("2024-12-25"),
            (std::vector<Date>{d("2024-12-20"), d("2024-12-23"), d("2024-12-24")}));
}

}  // namespace
}  // namespace cp::investors
