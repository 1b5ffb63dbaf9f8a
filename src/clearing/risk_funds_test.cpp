// Risk funds (SPEC CLR-9) on small worked examples; the golden EOD cases (tests/golden/eod)
// cover them end to end.
#include "clearing/risk_funds.h"

#include <gtest/gtest.h>

namespace cp::clearing {
namespace {

Decimal D(const char* text) {
  return *Decimal::parse(text);
}

Execution trade(const char* code, Side side, int64_t quantity, const char* price) {
  return Execution{
      "T", *Date::parse("2024-03-15"), Channel::kShanghai, "A", code, side, quantity, D(price)};
}

TEST(RiskFunds, UnfavourableMarksAndMarginAfterCollateral) {
  // Long 1,000 X bought at 10.00, closing at 9.50: marks 9,500 − 10,000 = −500 (payable 500).
  // Short 200 Y sold at 50.00, closing at 51.00: marks −10,200 + 10,000 = −200. Σ −700.
  // Long value 9,500; short value 10,200; collateral: 300 Y held × 51.00 = 15,300.
  // Margin position max(9,500 − 15,300, 10,200 − 15,300, 0) = 0: the holdings cover it.
  const Execution buy = trade("X", Side::kBuy, 1000, "10.00");
  const Execution sell = trade("Y", Side::kSell, 200, "50.00");
  RiskFundsInputs inputs{{&buy, &sell}, {{"X", D("9.50")}, {"Y", D("51.00")}},
                         {{"Y", 300}},  D("0.22"),
                         D("1"),        D("0.9")};
  auto funds = compute_risk_funds(inputs);
  ASSERT_TRUE(funds.ok());
  EXPECT_EQ(funds->marks_hkd.to_string(), "-700.00");
  EXPECT_EQ(funds->marks_payable_hkd.to_string(), "700.00");
  EXPECT_EQ(funds->collateral_hkd.to_string(), "15300.00");
  EXPECT_EQ(funds->margin_position_hkd.to_string(), "0.00");
  EXPECT_EQ(funds->risk_funds_hkd.to_string(), "700.00");
  EXPECT_EQ(funds->risk_funds_rmb.to_string(), "630.00");  // 700.00 × 0.9
  // Without holdings: margin position max(9,500, 10,200) = 10,200 × 22% = 2,244.00.
  inputs.holdings.clear();
  auto bare = compute_risk_funds(inputs);
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->margin_hkd.to_string(), "2244.00");
  EXPECT_EQ(bare->risk_funds_hkd.to_string(), "2944.00");  // 700 + 2,244
}

TEST(RiskFunds, NoUnsettledPositionNoRiskFunds) {
  auto funds = compute_risk_funds({{}, {}, {}, D("0.22"), D("1"), D("0.9")});
  ASSERT_TRUE(funds.ok());
  EXPECT_EQ(funds->risk_funds_rmb.to_string(), "0.00");
}

TEST(RiskFunds, AMissingCloseIsRefused) {
  const Execution buy = trade("X", Side::kBuy, 100, "10.00");
  auto funds = compute_risk_funds({{&buy}, {}, {}, D("0.22"), D("1"), D("0.9")});
  ASSERT_FALSE(funds.ok());
  EXPECT_NE(funds.error().message.find("no closing price for X"), std::string::npos);
}

}  // namespace
}  // namespace cp::clearing
