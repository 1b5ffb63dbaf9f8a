// Worked numbers of HKSCC's Initial Margin Calculation Guide v1.4 ("G14"; extracts in
// docs/risk.md) and small cases worked by hand from the rules in margin.h.
#include "risk/margin.h"

#include <gtest/gtest.h>

#include "core/test_values.h"
#include "risk/expected_shortfall.h"

namespace cp::risk {
namespace {

constexpr auto dec = &test_values::D;

TEST(TailCount, IsTheCeilingOfTheTailShareOfTheScenarios) {
  EXPECT_EQ(tail_count(dec("0.994"), 1000), 6);  // G14 fn 23
  EXPECT_EQ(tail_count(dec("0.98"), 1018), 21);  // G14 fn 27: 20.36 → 21
  EXPECT_EQ(tail_count(dec("0.9"), 20), 2);      // exactly 2: no rounding up
  EXPECT_EQ(tail_count(dec("0.99"), 20), 1);     // 0.2 → 1
}

TEST(ScenarioPnls, RoundEachTermToTheDollarThenAdd) {
  // G14 §3.2.4.1.1 HVaR scenario 1 of the non-IPO portfolio: 700, 1299, 2823, 26883, 60954.
  const std::vector<int64_t> values{-400'000'000, 80'000'000, 30'000'000, 2'000'000, 10'000'000};
  auto r = [](const char* text) { return dec(text).round(kReturnScale, Rounding::kHalfUp); };
  const std::vector<std::vector<Decimal>> returns{
      {r("0.01391")}, {r("0.01125")}, {r("0.011628")}, {r("0.136461")}, {r("-0.104288")}};
  // −5,564,000 + 900,000 + 348,840 + 272,922 − 1,042,880 (the guide's table misprints
  // −5,805,118).
  EXPECT_EQ(scenario_pnls(values, returns, 1), std::vector<int64_t>{-5'085'118});
  // Halves go away from zero: 3 × 0.5 = 1.5 → 2; −3 × 0.5 → −2; 1 × 0.25 = 0.25 → 0.
  EXPECT_EQ(scenario_pnls({3, -3, 1}, {{r("0.5")}, {r("0.5")}, {r("0.25")}}, 1),
            std::vector<int64_t>{0});
  EXPECT_EQ(scenario_pnls({3}, {{r("0.5")}}, 1), std::vector<int64_t>{2});
  EXPECT_EQ(scenario_pnls({-3}, {{r("0.5")}}, 1), std::vector<int64_t>{-2});
  // Products beyond 62 bits take the 128-bit path: 10^12 × 0.55 = 550,000,000,000 exactly;
  // −(10^12 − 1) × 0.5000000001 = −500,000,000,099.4999999999 → −500,000,000,099.
  EXPECT_EQ(scenario_pnls({1'000'000'000'000}, {{r("0.55")}}, 1),
            std::vector<int64_t>{550'000'000'000});
  EXPECT_EQ(scenario_pnls({-999'999'999'999}, {{r("0.5000000001")}}, 1),
            std::vector<int64_t>{-500'000'000'099});
}

TEST(ExpectedShortfall, AveragesTheWorstTailWithoutInterpolation) {
  // Worst 2 of 10: −70 and −50 → −60; worst 3: (−70 − 50 − 10) / 3 = −43.333… → −43.33.
  const std::vector<int64_t> pnls{5, -10, 30, -70, 0, 12, -50, 8, 3, 1};
  EXPECT_EQ(expected_shortfall(pnls, 2), dec("-60.00"));
  EXPECT_EQ(expected_shortfall(pnls, 3), dec("-43.33"));
  // The worst 7: −70 − 50 − 10 + 0 + 1 + 3 + 5 = −121; / 7 = −17.285… → −17.29.
  EXPECT_EQ(expected_shortfall(pnls, 7), dec("-17.29"));
}

TEST(HolidayFactor, IsTheSquareRootLessOneTruncatedAtTenDecimals) {
  EXPECT_EQ(holiday_factor(3), dec("0.7320508075"));  // G14 §2.2 sample Holiday_Factor
  EXPECT_EQ(holiday_factor(4), dec("1.0000000000"));
  EXPECT_EQ(holiday_factor(2), dec("0.4142135623"));  // √2 = 1.41421356237…
  EXPECT_TRUE(holiday_factor(1).is_zero());
  EXPECT_TRUE(holiday_factor(0).is_zero());
}

// A market where every weekday trades, 2023-10-02 to 2024-03-29, and the parameters of a
// var_platform day; each test changes what it needs.
class MarginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<Date> days;
    for (Date d = date("2023-10-02"); d <= date("2024-03-29"); d = d.plus_days(1)) {
      if (!d.is_weekend()) days.push_back(d);
    }
    trading_days_.emplace(days, date("2023-10-02"), date("2024-03-29"));
    securities_ = refdata::SecurityMaster::parse("securities.csv", kSecurities).value();
    parameters_.valuation_date = date("2024-01-12");
    parameters_.regime = MarginRegime::kVarPlatform;
    parameters_.margin_credit_hkd = dec("1000");
    parameters_.flat_rate_multiplier = dec("1");
    parameters_.hvar = {dec("0.5"), 4, dec("0.75"), dec("1")};  // not filtered
    parameters_.svar = {dec("0.5"), 4, dec("0.25"), dec("1")};
    parameters_.svar_window_end = date("2024-01-05");
    parameters_.floor_rate = dec("0.032");
    parameters_.rounding_hkd = 10'000;
    parameters_.holiday_addon = false;
    parameters_.ipo_segregation_days = 180;
    parameters_.lra_hedge_instrument = "02800";
    parameters_.flat_rate_default_group = 11;
    parameters_.flat_rates = {{11, dec("0.12")}, {22, dec("0.30")}, {33, dec("0.55")}};
    set_instruments("02800,,0.002,1,250000000,,2023-10-02,,test\n");
  }

  static Date date(const char* text) { return Date::parse(text).value(); }

  void set_instruments(const std::string& rows) {
    auto reader = CsvReader::from_string(
        "risk_instruments.csv",
        "security,flat_rate_group,lra_bucket_rate,lra_beta,lra_threshold_hkd,listing_date,"
        "effective_from,effective_to,source\n" +
            rows);
    instruments_ = RiskInstrumentTable::parse(reader.value()).value();
  }
  void closes(const std::string& security, const char* first_day,
              const std::vector<const char*>& values) {
    Date day = date(first_day);
    for (const char* value : values) {
      while (day.is_weekend()) day = day.plus_days(1);
      history_.add(security, day, dec(value));
      day = day.plus_days(1);
    }
  }
  void position(const char* security, int64_t quantity, const char* contract_value) {
    positions_.push_back({security, quantity, dec(contract_value), 0, Decimal()});
  }
  Result<MarginFigures> margin() {
    return compute_margin({"B01234", &parameters_, positions_, &securities_, &instruments_,
                           &history_, &*trading_days_});
  }

  static constexpr const char* kSecurities =
      "code,name,board_lot,kind,hsci_size,hsi_hscei,ah_venue,a_share_status,currency,"
      "avg_mcap_hkd,effective_from,effective_to,source\n"
      "00005,A large cap,400,equity,large,true,none,none,HKD,,2014-11-17,,test\n"
      "00388,A large cap,100,equity,large,true,none,none,HKD,,2014-11-17,,test\n"
      "00658,A small cap,1000,equity,small,false,none,none,HKD,1,2014-11-17,,test\n"
      "03606,A small cap,1000,equity,small,false,none,none,HKD,1,2014-11-17,,test\n"
      "03456,A small cap,1000,equity,small,false,none,none,HKD,1,2014-11-17,,test\n"
      "03457,A small cap,1000,equity,small,false,none,none,HKD,1,2014-11-17,,test\n"
      "00700,N,100,equity,small,false,none,none,HKD,1,2014-11-17,,test\n"
      "01299,N,200,equity,small,false,none,none,HKD,1,2014-11-17,,test\n"
      "01876,N,100,equity,small,false,none,none,HKD,1,2014-11-17,,test\n"
      "02823,N,100,equity,small,false,none,none,HKD,1,2014-11-17,,test\n"
      "03690,N,100,equity,small,false,none,none,HKD,1,2014-11-17,,test\n";

  MarginParameters parameters_;
  std::optional<HkTradingDays> trading_days_;
  refdata::SecurityMaster securities_;
  RiskInstrumentTable instruments_;
  PriceHistory history_;
  std::vector<InstrumentPosition> positions_;
};

TEST_F(MarginTest, FlatRateMarginTakesEachGroupsLargerSideTimesTheMultiplier) {
  // G14 §3.2.4.2's example with its rates as our groups: 658 short 60 m and 3606 long 30 m in
  // one group (the short side counts), 3456 long 0.75 m at 30 %, 3457 short 0.3 m at 55 %,
  // multiplier 2: (60,000,000 × 12 % + 750,000 × 30 % + 300,000 × 55 %) × 2 = 15,180,000.
  set_instruments(
      "02800,,0.002,1,250000000,,2023-10-02,,test\n03456,22,,,,,2023-10-02,,test\n"
      "03457,33,,,,,2023-10-02,,test\n");
  parameters_.flat_rate_multiplier = dec("2");
  closes("00658", "2024-01-12", {"10"});
  closes("03606", "2024-01-12", {"30"});
  closes("03456", "2024-01-12", {"7.5"});
  closes("03457", "2024-01-12", {"3"});
  position("00658", -6'000'000, "-60000000");
  position("03606", 1'000'000, "30000000");
  position("03456", 100'000, "750000");
  position("03457", -100'000, "-300000");
  const auto m = margin();
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  EXPECT_EQ(m->flat_rate_margin_hkd, dec("15180000"));
  ASSERT_EQ(m->flat_rate_groups.size(), 3u);
  EXPECT_EQ(m->flat_rate_groups[0].group, 11);
  EXPECT_EQ(m->flat_rate_groups[0].gross_long_hkd, dec("30000000"));
  EXPECT_EQ(m->flat_rate_groups[0].gross_short_hkd, dec("60000000"));
  EXPECT_TRUE(m->portfolio_margin_hkd.is_zero());  // no Tier P position
  // Contract value = market value: no MTM. 15,180,000 is a multiple of 10,000; less 1,000.
  EXPECT_TRUE(m->mtm_hkd.is_zero());
  EXPECT_EQ(m->rounded_hkd, dec("15180000"));
  EXPECT_EQ(m->net_margin_after_credit_hkd, dec("15179000"));
  EXPECT_EQ(m->total_requirement_hkd, dec("15179000"));
}

TEST_F(MarginTest, LiquidationRiskAddOnAtInstrumentAndPortfolioLevel) {
  // G14 §3.2.4.3 with its delta-equivalent values as stock positions: 700 −950,940 × 400 =
  // −380,376,000; 1299 52,495 × 80 = 4,199,600; 1876 100,000 × 30; 2823 1,000,000 × 30;
  // 3690 100,000 × 70. Instrument level: (380,376,000 − 300,000,000) × 0.0022 = 176,827.2 →
  // 176,827 (the others are under their thresholds). Beta hedge: −342,338,400 + 4,619,560 +
  // 3,600,000 + 30,000,000 + 9,100,000 = −295,018,840; (295,018,840 − 250,000,000) × 0.002 =
  // 90,037.68 → 90,038. LRA = 266,865, the guide's figure.
  set_instruments(
      "02800,,0.002,1,250000000,,2023-10-02,,test\n"
      "00700,,0.0022,0.9,300000000,,2023-10-02,,test\n"
      "01299,,0.0025,1.1,100000000,,2023-10-02,,test\n"
      "01876,,0.002,1.2,200000000,,2023-10-02,,test\n"
      "02823,,0.002,1,250000000,,2023-10-02,,test\n"
      "03690,,0.0022,1.3,300000000,,2023-10-02,,test\n");
  closes("00700", "2024-01-12", {"400"});
  closes("01299", "2024-01-12", {"80"});
  closes("01876", "2024-01-12", {"30"});
  closes("02823", "2024-01-12", {"30"});
  closes("03690", "2024-01-12", {"70"});
  position("00700", -950'940, "-380376000");
  position("01299", 52'495, "4199600");
  position("01876", 100'000, "3000000");
  position("02823", 1'000'000, "30000000");
  position("03690", 100'000, "7000000");
  const auto m = margin();
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  EXPECT_EQ(m->lra_instrument_hkd, dec("176827"));
  EXPECT_EQ(m->lra_portfolio_hkd, dec("90038"));
  EXPECT_EQ(m->lra_hkd, dec("266865"));
}

// Two Tier P stocks over four HVaR and four SVaR scenarios, CL 50 % (a tail of 2):
//   00005 long 1,000, close 100 → 100,000; bought for 95,000: MTM +5,000
//     HVaR closes 100 110 99 99 100 → returns 0.1, −0.1, 0, 0.0101010101
//     SVaR closes 100 80 80 88 88    → returns −0.2, 0, 0.1, 0
//   00388 short 100, close 189 → −18,900; sold for 20,000: MTM +1,100
//     HVaR closes 200 200 210 189 189 → returns 0, 0.05, −0.1, 0
//     SVaR closes 200 220 220 176 176 → returns 0.1, 0, −0.2, 0
//   HVaR P&Ls: 10,000; −10,000 − 945 = −10,945; 1,890; 1,010.10… → 1,010. Worst 2:
//     (−10,945 + 1,010) / 2 = −4,967.50
//   SVaR P&Ls: −20,000 − 1,890 = −21,890; 0; 10,000 + 3,780 = 13,780; 0. Worst 2: −10,945.00
//   weighted = −4,967.5 × 0.75 − 10,945 × 0.25 = −3,725.625 − 2,736.25 = −6,461.875 → 6,462
//   floor = max(100,000, 18,900) × 3.2 % = 3,200; portfolio margin 6,462
//   rounded up to 10,000: 10,000; favourable MTM 6,100: net 3,900; credit 1,000: 2,900.
class TierPMarginTest : public MarginTest {
 protected:
  void SetUp() override {
    MarginTest::SetUp();
    closes("00005", "2024-01-08", {"100", "110", "99", "99", "100"});
    closes("00388", "2024-01-08", {"200", "200", "210", "189", "189"});
    closes("00005", "2024-01-01", {"100", "80", "80", "88", "88"});
    closes("00388", "2024-01-01", {"200", "220", "220", "176", "176"});
    position("00005", 1'000, "95000");
    position("00388", -100, "-20000");
  }
};

TEST_F(TierPMarginTest, PortfolioMarginIsTheWeightedExpectedShortfalls) {
  const auto m = margin();
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  EXPECT_EQ(m->hvar_tail, 2);
  ASSERT_EQ(m->sub_portfolios.size(), 1u);
  EXPECT_EQ(m->sub_portfolios[0].name, "main");
  EXPECT_EQ(m->hvar_hkd, dec("-4967.50"));
  EXPECT_EQ(m->svar_hkd, dec("-10945.00"));
  EXPECT_EQ(m->weighted_hkd, dec("-6461.875"));
  EXPECT_EQ(m->floor_hkd, dec("3200"));
  EXPECT_EQ(m->portfolio_margin_hkd, dec("6462"));
  EXPECT_EQ(m->aggregated_hkd, dec("6462"));
  EXPECT_EQ(m->rounded_hkd, dec("10000"));
  EXPECT_EQ(m->mtm_hkd, dec("6100"));
  EXPECT_EQ(m->favourable_mtm_hkd, dec("6100"));
  EXPECT_TRUE(m->mtm_requirement_hkd.is_zero());
  EXPECT_EQ(m->net_margin_hkd, dec("3900"));
  EXPECT_EQ(m->net_margin_after_credit_hkd, dec("2900"));
  EXPECT_EQ(m->total_requirement_hkd, dec("2900"));
}

TEST_F(TierPMarginTest, TheFloorBindsWhenTheShortfallIsSmaller) {
  parameters_.floor_rate = dec("0.1");  // 100,000 × 10 % = 10,000 > 6,462
  const auto m = margin();
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  EXPECT_EQ(m->floor_hkd, dec("10000"));
  EXPECT_EQ(m->portfolio_margin_hkd, dec("10000"));
}

TEST_F(TierPMarginTest, AnIpoStockIsItsOwnSubPortfolio) {
  // 00388 listed 2023-09-01 → 133 days before 2024-01-12, within 180. Alone:
  //   main (00005): HVaR worst 2 of 10,000, −10,000, 0, 1,010 → −5,000; SVaR of −20,000, 0,
  //     10,000, 0 → −10,000; weighted −3,750 − 2,500 = −6,250
  //   ipo:00388: HVaR of 0, −945, 1,890, 0 → −472.50; SVaR of −1,890, 0, 3,780, 0 → −945.00;
  //     weighted −354.375 − 236.25 = −590.625
  //   Σ −6,840.625 → 6,841: without the long to offset it the short costs more.
  set_instruments(
      "02800,,0.002,1,250000000,,2023-10-02,,test\n00388,,,,,2023-09-01,2023-10-02,,test\n");
  const auto m = margin();
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  ASSERT_EQ(m->sub_portfolios.size(), 2u);
  EXPECT_EQ(m->sub_portfolios[0].name, "ipo:00388");
  EXPECT_EQ(m->sub_portfolios[0].hvar_hkd, dec("-472.50"));
  EXPECT_EQ(m->sub_portfolios[0].svar_hkd, dec("-945.00"));
  EXPECT_EQ(m->sub_portfolios[1].name, "main");
  EXPECT_EQ(m->sub_portfolios[1].weighted_hkd, dec("-6250.00"));
  EXPECT_EQ(m->portfolio_margin_hkd, dec("6841"));
}

TEST(MtmRequirementAt, TheMorningsPricesAgainstTheContractValues) {
  // 1,000 × 90 = 90,000 against 95,000: −5,000; −100 × 210 = −21,000 against −20,000: −1,000.
  // A requirement of 6,000; at prices above cost there is none.
  const std::vector<InstrumentPosition> positions{{"00005", 1'000, dec("95000"), 0, Decimal()},
                                                  {"00388", -100, dec("-20000"), 0, Decimal()}};
  EXPECT_EQ(mtm_requirement_at(positions, {{"00005", dec("90")}, {"00388", dec("210")}}).value(),
            dec("6000"));
  EXPECT_TRUE(mtm_requirement_at(positions, {{"00005", dec("100")}, {"00388", dec("190")}})
                  .value()
                  .is_zero());
  const auto missing = mtm_requirement_at(positions, {{"00005", dec("90")}});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("00388"), std::string::npos);
}

TEST_F(TierPMarginTest, AHistoryShorterThanTheScenarioCountIsRefused) {
  // 10 returns need 11 closes from 2023-12-29; the history starts on 2024-01-01.
  parameters_.hvar.scenario_count = 10;
  const auto m = margin();
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(m.error().message.find("no close of 00005 on 2023-12-29"), std::string::npos)
      << m.error().message;
}

TEST_F(TierPMarginTest, TheHolidayAddOnScalesPortfolioAndFlatRateMargin) {
  // 2024-01-12 is a Friday; with Monday to Wednesday closed H = 3: 6,462 × 0.7320508075 =
  // 4,730.51… → 4,731; aggregated 11,193 → 20,000.
  std::vector<Date> days;
  for (Date d = date("2023-10-02"); d <= date("2024-03-29"); d = d.plus_days(1)) {
    if (!d.is_weekend() && (d < date("2024-01-15") || d > date("2024-01-17"))) days.push_back(d);
  }
  trading_days_.emplace(days, date("2023-10-02"), date("2024-03-29"));
  parameters_.holiday_addon = true;
  const auto m = margin();
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  EXPECT_EQ(m->holiday_days, 3);
  EXPECT_EQ(m->holiday_addon_hkd, dec("4731"));
  EXPECT_EQ(m->rounded_hkd, dec("20000"));
}

TEST_F(TierPMarginTest, BeforeTheVarPlatformMarginIsPositionTimesRate) {
  // margin position max(100,000, 18,900) × 6 % × 1 = 6,000. With 00005 bought for 105,000 the
  // MTM is −5,000 + 1,100 = −3,900: a requirement, nothing favourable to offset. Net 6,000;
  // after the 1,000 credit 5,000; total 5,000 + 3,900 = 8,900.
  parameters_.regime = MarginRegime::kMarginRate;
  parameters_.margin_rate = dec("0.06");
  parameters_.margin_multiplier = dec("1");
  positions_[0].contract_value_hkd = dec("105000");
  const auto m = margin();
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  EXPECT_EQ(m->margin_position_hkd, dec("100000"));
  EXPECT_EQ(m->rate_margin_hkd, dec("6000"));
  EXPECT_EQ(m->mtm_requirement_hkd, dec("3900"));
  EXPECT_TRUE(m->favourable_mtm_hkd.is_zero());
  EXPECT_EQ(m->net_margin_after_credit_hkd, dec("5000"));
  EXPECT_EQ(m->total_requirement_hkd, dec("8900"));
}

}  // namespace
}  // namespace cp::risk
