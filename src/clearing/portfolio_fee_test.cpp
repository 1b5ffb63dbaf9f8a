// The portfolio fee's tiers (SPEC CLR-6) from the shipped data/portfolio_fee_tiers.csv.
#include "clearing/portfolio_fee.h"

#include <gtest/gtest.h>

#include <fstream>

#include "core/test_values.h"

namespace cp::clearing {
namespace {

std::vector<PortfolioFeeTier> shipped_tiers() {
  auto tiers = load_portfolio_fee_tiers(
      std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data/portfolio_fee_tiers.csv",
      "portfolio_fee_tiers.csv", *Date::parse("2024-03-15"));
  EXPECT_TRUE(tiers.ok()) << tiers.error().to_string();
  return tiers.ok() ? *tiers : std::vector<PortfolioFeeTier>{};
}

using test_values::D;

TEST(PortfolioFee, MarginalTiers) {
  const auto tiers = shipped_tiers();
  ASSERT_EQ(tiers.size(), 6u);
  // Within the first tier: 97,650.00 × 0.008% = 7.812.
  EXPECT_TRUE(annual_portfolio_fee_hkd(D("97650.00"), tiers) == D("7.812"));
  // Exactly at the first bound: 50bn × 0.008% = 4,000,000.
  EXPECT_TRUE(annual_portfolio_fee_hkd(D("50000000000"), tiers) == D("4000000"));
  // 60bn: 50bn × 0.008% + 10bn × 0.007% = 4,000,000 + 700,000 (marginal, not 60bn × 0.007%).
  EXPECT_TRUE(annual_portfolio_fee_hkd(D("60000000000"), tiers) == D("4700000"));
  // 1,200bn: 4.0m + 200bn × 0.007% (14.0m) + 250bn × 0.006% (15.0m) + 250bn × 0.005% (12.5m)
  // + 250bn × 0.004% (10.0m) + 200bn × 0.003% (6.0m) = 61.5m.
  EXPECT_TRUE(annual_portfolio_fee_hkd(D("1200000000000"), tiers) == D("61500000"));
  EXPECT_TRUE(annual_portfolio_fee_hkd(D("0"), tiers).is_zero());
}

// The other reading of the tiers (portfolio_fee.tiering = whole_value): the rate of the tier the
// value falls in, on all of it. 60bn is in the 50bn–250bn tier: 60bn × 0.007% = 4,200,000 (not
// 4,700,000); 1,200bn is above 1,000bn: × 0.003% = 36,000,000; 50bn, the first tier's bound, is
// still in the first tier: × 0.008% = 4,000,000.
TEST(PortfolioFee, WholeValueTiers) {
  const auto tiers = shipped_tiers();
  const auto whole = FeeTiering::kWholeValue;
  EXPECT_TRUE(annual_portfolio_fee_hkd(D("97650.00"), tiers, whole) == D("7.812"));
  EXPECT_TRUE(annual_portfolio_fee_hkd(D("50000000000"), tiers, whole) == D("4000000"));
  EXPECT_TRUE(annual_portfolio_fee_hkd(D("60000000000"), tiers, whole) == D("4200000"));
  EXPECT_TRUE(annual_portfolio_fee_hkd(D("1200000000000"), tiers, whole) == D("36000000"));
  EXPECT_TRUE(annual_portfolio_fee_hkd(D("0"), tiers, whole).is_zero());
  EXPECT_EQ(parse_fee_tiering("whole_value").value(), whole);
  EXPECT_EQ(parse_fee_tiering("marginal").value(), FeeTiering::kMarginal);
  EXPECT_EQ(parse_fee_tiering("progressive").error().field, "portfolio_fee.tiering");
}

TEST(PortfolioFee, DaysRoundingAndConversion) {
  // 1,500 shares at 65.10 = 97,650.00; 7.812 × 3 / 365 = 0.06420… → 0.06 HKD; × 0.91768 =
  // 0.0550608 → 0.06 RMB (tests/golden/eod/basic).
  const DayHoldings held = {{"00941", 1500}};
  const auto charge = portfolio_fee({held, held, held}, {{"00941", D("65.10")}}, shipped_tiers(),
                                    FeeTiering::kMarginal, 365, D("0.91768"));
  EXPECT_EQ(charge.value_hkd.to_string(), "97650.00");
  EXPECT_EQ(charge.fee_hkd.to_string(), "0.06");
  EXPECT_EQ(charge.fee_rmb.to_string(), "0.06");
  // A large holding over one day: 10bn × 0.008% / 365 = 2,191.7808… → 2,191.78.
  const auto big = portfolio_fee({DayHoldings{{"X", 100'000'000}}}, {{"X", D("100.00")}},
                                 shipped_tiers(), FeeTiering::kMarginal, 365, D("1"));
  EXPECT_EQ(big.fee_hkd.to_string(), "2191.78");
}

TEST(PortfolioFee, EachCalendarDayOnItsOwnHoldings) {
  // Art.22: each calendar day's end-of-day holdings. Friday 1,000 X, and 2,000 from Saturday
  // (a settlement landed; it can happen on a day HKSCC settles but Southbound does not trade),
  // X at 50.00: 50,000 × 0.008% = 4.00 a year on Friday, 8.00 on each of the other two days;
  // (4 + 8 + 8) / 365 = 0.05479… → HKD 0.05. A fee on Friday's holdings alone would be
  // 4 × 3 / 365 = 0.0329 → 0.03. The reported value is Friday's.
  const auto charge =
      portfolio_fee({{{"X", 1000}}, {{"X", 2000}}, {{"X", 2000}}}, {{"X", D("50.00")}},
                    shipped_tiers(), FeeTiering::kMarginal, 365, D("1"));
  EXPECT_EQ(charge.days, 3);
  EXPECT_EQ(charge.value_hkd.to_string(), "50000.00");
  EXPECT_EQ(charge.fee_hkd.to_string(), "0.05");
  // A sold-out holding (zero or a statement's missing negative) costs nothing that day.
  const auto sold = portfolio_fee({{{"X", 1000}}, {{"X", -5}}}, {{"X", D("50.00")}},
                                  shipped_tiers(), FeeTiering::kMarginal, 365, D("1"));
  EXPECT_EQ(sold.fee_hkd.to_string(), "0.01");  // 4 / 365 = 0.01096 → 0.01
}

TEST(PortfolioFee, TiersMustBeContiguousAndStartAtZero) {
  const auto path = std::filesystem::temp_directory_path() / "cp_tiers_test.csv";
  std::ofstream(path)
      << "effective_from,effective_to,value_above_hkd,value_up_to_hkd,annual_rate,source\n"
         "2014-11-17,,0,100,0.00008,s\n"
         "2014-11-17,,200,,0.00007,s\n";
  auto tiers = load_portfolio_fee_tiers(path, "tiers.csv", *Date::parse("2024-03-15"));
  ASSERT_FALSE(tiers.ok());
  EXPECT_NE(tiers.error().message.find("not contiguous at 200"), std::string::npos);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace cp::clearing
