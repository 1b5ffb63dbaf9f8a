#include "risk/scenario_filter.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::risk {
namespace {

constexpr auto dec = &test_values::D;
std::vector<Decimal> returns(std::initializer_list<const char*> texts) {
  std::vector<Decimal> out;
  for (const char* t : texts) out.push_back(dec(t).round(10, Rounding::kHalfUp));
  return out;
}

TEST(ScenarioFilter, RescalesEachReturnToTodaysVolatility) {
  // r = 0.02, 0; λ = 0.5. σ²₁ = (0.0004 + 0) / 2 = 0.0002; σ²₂ = 0.5 × 0.0002 + 0.5 × 0.0004 =
  // 0.0003; σ²₃ (today) = 0.5 × 0.0003 + 0.5 × 0 = 0.00015.
  // r̃₁ = 0.02 × √(0.00015 / 0.0002) = 0.02 × √0.75 = 0.02 × 0.8660254037 (truncated) =
  //      0.017320508074 → 0.0173205081; r̃₂ = 0 × √0.5 = 0.
  const auto filtered = filter_returns(returns({"0.02", "0"}), dec("0.5"), "t").value();
  ASSERT_EQ(filtered.size(), 2u);
  EXPECT_EQ(filtered[0].to_string(), "0.0173205081");
  EXPECT_TRUE(filtered[1].is_zero());
}

TEST(ScenarioFilter, ACalmDayBeforeAStormyTodayIsScaledUp) {
  // r = 0.01, 0.05; λ = 0.5. σ²₁ = (0.0001 + 0.0025) / 2 = 0.0013; σ²₂ = 0.00065 + 0.00005 =
  // 0.0007; σ²₃ = 0.00035 + 0.00125 = 0.0016.
  // r̃₁ = 0.01 × √(0.0016 / 0.0013) = 0.01 × √1.23076923076923076923 = 0.01 × 1.1094003924 =
  //      0.011094003924 → 0.0110940039
  // r̃₂ = 0.05 × √(0.0016 / 0.0007) = 0.05 × √2.28571428571428571429 = 0.05 × 1.5118578920 =
  //      0.0755928946
  const auto filtered = filter_returns(returns({"0.01", "0.05"}), dec("0.5"), "t").value();
  EXPECT_EQ(filtered[0].to_string(), "0.0110940039");
  EXPECT_EQ(filtered[1].to_string(), "0.0755928946");
}

TEST(ScenarioFilter, LambdaOneLeavesTheReturnsAsTheyAre) {
  const auto raw = returns({"0.0123456789", "-0.05", "0", "0.3"});
  EXPECT_EQ(filter_returns(raw, dec("1"), "t").value(), raw);
}

TEST(ScenarioFilter, AWindowWithoutAMoveStaysStill) {
  const auto raw = returns({"0", "0", "0"});
  EXPECT_EQ(filter_returns(raw, dec("0.94"), "t").value(), raw);
}

TEST(ScenarioFilter, AReturnTooWildForTheRatiosIsRefused) {
  // A 99,999 % jump: today's variance is about 0.06 × 999.99² ≈ 60,000, 6 × 10^20 units at 16
  // decimals; its ratio at 20 decimals needs some 10^41 units, beyond a Decimal's 38 digits.
  const auto filtered = filter_returns(returns({"0.01", "999.99"}), dec("0.94"), "09999 (HVaR)");
  ASSERT_FALSE(filtered.ok());
  EXPECT_EQ(filtered.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(filtered.error().message.find("09999 (HVaR)"), std::string::npos);
}

TEST(SqrtTruncated, IsTheRootCutAtTenDecimals) {
  EXPECT_EQ(sqrt_truncated(dec("2")).to_string(), "1.4142135623");  // 1.41421356237…
  EXPECT_EQ(sqrt_truncated(dec("0.25")).to_string(), "0.5000000000");
  EXPECT_TRUE(sqrt_truncated(dec("0")).is_zero());
}

}  // namespace
}  // namespace cp::risk
