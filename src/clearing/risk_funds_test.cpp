// Risk funds (SPEC CLR-9) on small worked examples; the golden EOD cases (tests/golden/eod)
// cover them end to end.
#include "clearing/risk_funds.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::clearing {
namespace {

using test_values::D;

Execution trade(const char* code, Side side, int64_t quantity, const char* price,
                const char* account = "A") {
  return Execution{
      "T", *Date::parse("2024-03-15"), Channel::kShanghai, account, code, side, quantity, D(price)};
}

TEST(RiskFunds, UnfavourableMarksAndMarginAfterCollateral) {
  // Long 1,000 X bought at 10.00, closing at 9.50: marks 9,500 − 10,000 = −500 (payable 500).
  // Short 200 Y sold at 50.00, closing at 51.00: marks −10,200 + 10,000 = −200. Σ −700.
  // Long value 9,500; short value 10,200; collateral: 300 Y held × 51.00 = 15,300.
  // Margin position max(9,500 − 15,300, 10,200 − 15,300, 0) = 0: the holdings cover it.
  const ExecutionTable table{trade("X", Side::kBuy, 1000, "10.00"),
                             trade("Y", Side::kSell, 200, "50.00")};
  RiskFundsInputs inputs{{table[0], table[1]},
                         {{"X", D("9.50")}, {"Y", D("51.00")}},
                         {{"A", {{"Y", 300}}}},
                         D("0.22"),
                         D("1"),
                         D("0.9")};
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

// Two accounts of one reserve, the same positions under both readings of risk.aggregation.
// A buys 1,000 X at 10.00 and B 1,000 X at 9.00, X closing at 9.50: −500 and +500. A sells 200 Y
// at 50.00 (close 51.00: −200) and holds 300 Y; B sells 100 Z at 20.00 (close 19.00: +100) and
// holds no Z, while A holds 1,000 Z.
TEST(RiskFunds, TheAggregationLevelDecidesWhatOffsets) {
  const ExecutionTable table{
      trade("X", Side::kBuy, 1000, "10.00", "A"), trade("X", Side::kBuy, 1000, "9.00", "B"),
      trade("Y", Side::kSell, 200, "50.00", "A"), trade("Z", Side::kSell, 100, "20.00", "B")};
  RiskFundsInputs inputs{{table[0], table[1], table[2], table[3]},
                         {{"X", D("9.50")}, {"Y", D("51.00")}, {"Z", D("19.00")}},
                         {{"A", {{"Y", 300}, {"Z", 1000}}}},
                         D("0.22"),
                         D("1"),
                         D("0.9")};
  // reserve: per security X 2,000 (19,000 − 19,000 = 0), Y −200, Z +100: marks −100, payable
  // 100. Long 19,000; short 10,200 + 1,900 = 12,100; collateral the reserve's Y and Z,
  // 15,300 + 19,000 = 34,300, covers both: margin 0. 100 × 0.9 = RMB 90.00.
  auto reserve = compute_risk_funds(inputs);
  ASSERT_TRUE(reserve.ok());
  EXPECT_EQ(reserve->marks_payable_hkd.to_string(), "100.00");
  EXPECT_EQ(reserve->collateral_hkd.to_string(), "34300.00");
  EXPECT_EQ(reserve->margin_hkd.to_string(), "0.00");
  EXPECT_EQ(reserve->risk_funds_rmb.to_string(), "90.00");
  // account_security: A's X −500 and A's Y −200 are payable, B's gains offset nothing: 700.
  // Margin positions: A's X 9,500; B's X 9,500; A's Y 10,200 − A's 15,300 → 0; B's Z 1,900 − B's
  // 0 → 1,900 (A's Z does not cover B). 20,900 × 22% = 4,598.00; 700 + 4,598 = 5,298.00 HKD ×
  // 0.9 = RMB 4,768.20.
  inputs.aggregation = RiskAggregation::kAccountSecurity;
  auto positions = compute_risk_funds(inputs);
  ASSERT_TRUE(positions.ok());
  EXPECT_EQ(positions->marks_hkd.to_string(), "-100.00");
  EXPECT_EQ(positions->marks_payable_hkd.to_string(), "700.00");
  EXPECT_EQ(positions->collateral_hkd.to_string(), "15300.00");
  EXPECT_EQ(positions->margin_position_hkd.to_string(), "20900.00");
  EXPECT_EQ(positions->margin_hkd.to_string(), "4598.00");
  EXPECT_EQ(positions->risk_funds_hkd.to_string(), "5298.00");
  EXPECT_EQ(positions->risk_funds_rmb.to_string(), "4768.20");
}

TEST(RiskFunds, TheAggregationParameterNamesItsValues) {
  EXPECT_EQ(*parse_risk_aggregation("reserve"), RiskAggregation::kReserve);
  EXPECT_EQ(*parse_risk_aggregation("account_security"), RiskAggregation::kAccountSecurity);
  auto bad = parse_risk_aggregation("participant");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "risk.aggregation");
}

TEST(RiskFunds, NoUnsettledPositionNoRiskFunds) {
  auto funds = compute_risk_funds({{}, {}, {}, D("0.22"), D("1"), D("0.9")});
  ASSERT_TRUE(funds.ok());
  EXPECT_EQ(funds->risk_funds_rmb.to_string(), "0.00");
}

TEST(RiskFunds, AMissingCloseIsRefused) {
  const ExecutionTable table{trade("X", Side::kBuy, 100, "10.00")};
  auto funds = compute_risk_funds({{table[0]}, {}, {}, D("0.22"), D("1"), D("0.9")});
  ASSERT_FALSE(funds.ok());
  EXPECT_NE(funds.error().message.find("no closing price for X"), std::string::npos);
}

// risk.margin_method hkscc_rpf hands the portfolio margin the reserve's net positions by
// security, each short with the shares held (its collateral), and charges what it answers; the
// marks stay the rate method's. Long 1,000 X bought at 10.00, closing 9.50: −500. Short 200 Y
// sold at 50.00, closing 51.00: −200, with 300 Y held. Payable 700 + the model's 1,234.56.
TEST(RiskFunds, TheHkscRpfMethodMarginsTheNetPositionsWithTheirCollateral) {
  const ExecutionTable table{trade("X", Side::kBuy, 1000, "10.00"),
                             trade("Y", Side::kSell, 200, "50.00")};
  RiskFundsInputs inputs{{table[0], table[1]},
                         {{"X", D("9.50")}, {"Y", D("51.00")}},
                         {{"A", {{"Y", 300}}}},
                         D("0"),
                         D("0"),
                         D("0.9")};
  inputs.method = RiskMarginMethod::kHkscRpf;
  std::vector<NetPosition> seen;
  inputs.portfolio_margin =
      [&seen](const std::vector<NetPosition>& net) -> Result<PortfolioMargin> {
    seen = net;
    return PortfolioMargin{D("1234.56"), "{}"};
  };
  auto funds = compute_risk_funds(inputs);
  ASSERT_TRUE(funds.ok()) << funds.error().to_string();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].security, "X");
  EXPECT_EQ(seen[0].quantity, 1000);
  EXPECT_EQ(seen[0].value_hkd, D("10000.00"));
  EXPECT_EQ(seen[0].held_shares, 0);
  EXPECT_EQ(seen[1].security, "Y");
  EXPECT_EQ(seen[1].quantity, -200);
  EXPECT_EQ(seen[1].value_hkd, D("-10000.00"));
  EXPECT_EQ(seen[1].held_shares, 300);
  EXPECT_EQ(funds->marks_payable_hkd, D("700.00"));
  EXPECT_EQ(funds->margin_hkd, D("1234.56"));
  EXPECT_EQ(funds->risk_funds_hkd, D("1934.56"));
  EXPECT_EQ(funds->risk_funds_rmb, D("1741.10"));  // 1,741.104 half-up
  EXPECT_EQ(funds->method, RiskMarginMethod::kHkscRpf);

  // A portfolio method has no reading per single position: refused, naming the parameter.
  inputs.aggregation = RiskAggregation::kAccountSecurity;
  auto refused = compute_risk_funds(inputs);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "risk.aggregation");
  EXPECT_EQ(parse_risk_margin_method("var").error().field, "risk.margin_method");
}

}  // namespace
}  // namespace cp::clearing
