// Re-assessment (SUIT-6) and closing (SUIT-5), worked by hand from the shipped parameters:
// a questionnaire valid for 2 years, a 30-day notice.
#include "investors/reassessment.h"

#include <gtest/gtest.h>

#include "core/test_values.h"
#include "investors/closing.h"
#include "refdata/refdata.h"

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
  const ClosingCheck refused = check_closing({t0, t1, t2, t3}, d("2026-12-07"));
  EXPECT_FALSE(refused.allowed);
  ASSERT_EQ(refused.reasons.size(), 3u);
  EXPECT_EQ(refused.reasons[0], "traded HK shares today, 2026-12-07: T3");
  EXPECT_EQ(refused.reasons[1], "HK trades not yet settled: T1, T2, T3");
  EXPECT_EQ(refused.reasons[2], "HK sale money not yet settled: RMB 12,345.60 (T2)");
  EXPECT_TRUE(check_closing({t0}, d("2026-12-07")).allowed);
  // The day after T2's settlement everything has settled.
  EXPECT_TRUE(check_closing({t0, t1, t2}, d("2026-12-09")).allowed);
}

}  // namespace
}  // namespace cp::investors
