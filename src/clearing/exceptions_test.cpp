// Overdrafts (SPEC CLR-12) and settlement defaults (CLR-16) on worked numbers.
#include "clearing/exceptions.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::clearing {
namespace {

using test_values::D;

TEST(Overdraft, ShortfallAndPenaltyInterest) {
  // 265,000.00 − 265,397.65 − 0.06 = −397.71; 397.71 × 0.05% × 3 days = 0.596565 → 0.60.
  auto od = overdraft(D("265000.00"), D("265397.65"), D("0.06"), D("0.0005"), 3);
  ASSERT_TRUE(od.has_value());
  EXPECT_EQ(od->overdraft_rmb.to_string(), "397.71");
  EXPECT_EQ(od->interest_rmb.to_string(), "0.60");
  // Exactly enough cash: no overdraft. A net seller never overdraws.
  EXPECT_FALSE(overdraft(D("100.00"), D("99.94"), D("0.06"), D("0.0005"), 1).has_value());
  EXPECT_FALSE(overdraft(D("0.00"), D("-55100.44"), D("0.04"), D("0.0005"), 1).has_value());
}

TEST(SettlementDefault, PenaltyOnTheLargerAndInterestOnTheEndOfDay) {
  // Short 5,000.00 at 10:30 and 2,000.00 at 18:00: penalty 5,000 × 0.1% × 3 = 15.00;
  // interest 2,000 × 0.35% × 3 / 360 = 0.0583 → 0.06.
  auto missed = settlement_default(D("-5000.00"), D("-2000.00"), D("0.001"), D("0.0035"), 3, 360);
  ASSERT_TRUE(missed.has_value());
  EXPECT_EQ(missed->intraday_rmb.to_string(), "5000.00");
  EXPECT_EQ(missed->end_of_day_rmb.to_string(), "2000.00");
  EXPECT_EQ(missed->penalty_rmb.to_string(), "15.00");
  EXPECT_EQ(missed->interest_rmb.to_string(), "0.06");
  // Cured by 18:00: the penalty still counts the intraday default; no interest.
  auto cured = settlement_default(D("-5000.00"), D("100.00"), D("0.001"), D("0.0035"), 1, 360);
  ASSERT_TRUE(cured.has_value());
  EXPECT_EQ(cured->penalty_rmb.to_string(), "5.00");
  EXPECT_EQ(cured->interest_rmb.to_string(), "0.00");
  // Zero is not short.
  EXPECT_FALSE(settlement_default(D("0.00"), D("0.00"), D("0.001"), D("0.0035"), 1, 360));
}

}  // namespace
}  // namespace cp::clearing
