// Stress scenarios worked by hand on tests/golden/margin's TP001 of 2024-03-15 (market values
// 00005 −18,810,000, 00388 9,576,000, 00700 286,008,000; net margin after credit 6,936,000).
#include "risk/stress_scenarios.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::risk {
namespace {

constexpr auto dec = &test_values::D;
constexpr auto day = &test_values::d;

class StressTest : public ::testing::Test {
 protected:
  void SetUp() override {
    securities_ = refdata::SecurityMaster::parse(
                      "securities.csv",
                      "code,name,board_lot,kind,hsci_size,hsi_hscei,ah_venue,a_share_status,"
                      "currency,avg_mcap_hkd,effective_from,effective_to,source\n"
                      "00005,A,400,equity,large,true,none,none,HKD,,2014-11-17,,test\n"
                      "00388,B,100,equity,large,true,none,none,HKD,,2014-11-17,,test\n"
                      "00700,C,100,equity,large,true,none,none,HKD,,2014-11-17,,test\n"
                      "12345,W,1000,warrant,none,false,none,none,HKD,,2014-11-17,,test\n")
                      .value();
    auto reader = CsvReader::open(CONNECTPOST_SOURCE_DIR "/data/stress_scenarios.csv",
                                  "data/stress_scenarios.csv");
    library_ = StressLibrary::parse(reader.value()).value();
    margin_.valuation_date = day("2024-03-15");
    for (const auto& [code, quantity, value] :
         {std::tuple{"00005", -500'000, "-18810000"}, std::tuple{"00388", 60'000, "9576000"},
          std::tuple{"00700", 800'000, "286008000"}}) {
      PositionFigures p;
      p.security = code;
      p.quantity = quantity;
      p.market_value_hkd = dec(value);
      margin_.positions.push_back(p);
    }
    margin_.net_margin_after_credit_hkd = dec("6936000");
    inputs_ = participant_stress_inputs(margin_, securities_);
    inputs_.historical_worst_pnl_hkd = -15'542'637;  // 2024-03-07 (the golden README)
  }

  const StressResult& result(const std::vector<StressResult>& results, const std::string& name) {
    for (const auto& r : results) {
      if (r.scenario == name) return r;
    }
    ADD_FAILURE() << "no scenario " << name;
    return results.front();
  }

  refdata::SecurityMaster securities_;
  StressLibrary library_;
  MarginFigures margin_;
  StressInputs inputs_;
};

TEST_F(StressTest, TheShippedScenariosAgainstTheMarginHeld) {
  inputs_.rows = library_.rows_on(day("2024-03-15"));
  const auto results = run_stress_tests(inputs_);
  ASSERT_TRUE(results.ok()) << results.error().to_string();
  ASSERT_EQ(results->size(), 3u);
  // −22 %: 00005 −18,810,000 × −0.22 = +4,138,200; 00388 −2,106,720; 00700 −62,921,760.
  // P&L −60,890,280; less the 6,936,000 held: 53,954,280 uncovered.
  const StressResult& down = result(*results, "hk_market_down_22");
  EXPECT_EQ(down.pnl_hkd, dec("-60890280"));
  EXPECT_EQ(down.loss_hkd, dec("60890280"));
  EXPECT_EQ(down.collateral_hkd, dec("6936000"));
  EXPECT_EQ(down.shortfall_hkd, dec("53954280"));
  // +22 %: the same gain: no loss.
  const StressResult& up = result(*results, "hk_market_up_22");
  EXPECT_EQ(up.pnl_hkd, dec("60890280"));
  EXPECT_TRUE(up.loss_hkd.is_zero());
  EXPECT_TRUE(up.shortfall_hkd.is_zero());
  // The worst day of the window: 15,542,637 − 6,936,000 = 8,606,637.
  const StressResult& worst = result(*results, "historical_worst_day");
  EXPECT_EQ(worst.loss_hkd, dec("15542637"));
  EXPECT_EQ(worst.shortfall_hkd, dec("8606637"));
}

TEST_F(StressTest, AnOperatorsShockOnOneSecurity) {
  // 00700 −35 %: 286,008,000 × −0.35 = −100,102,800; nothing else moves.
  inputs_.rows = {parse_security_shock("00700=-0.35", "tencent_down_35").value()};
  const auto results = run_stress_tests(inputs_);
  ASSERT_TRUE(results.ok()) << results.error().to_string();
  EXPECT_EQ((*results)[0].pnl_hkd, dec("-100102800"));
  EXPECT_EQ((*results)[0].shortfall_hkd, dec("93166800"));
  EXPECT_FALSE(parse_security_shock("00700=-1.5", "x").ok());  // below zero
  EXPECT_FALSE(parse_security_shock("00700=11", "x").ok());
  EXPECT_FALSE(parse_security_shock("700=-0.1", "x").ok());
  EXPECT_FALSE(parse_security_shock("00700", "x").ok());
}

TEST_F(StressTest, StructuredProductsTakeTheirOwnShock) {
  // A warrant worth 1,000,000 loses all of it under the fall (−100 %), the stocks 22 %.
  inputs_.positions.push_back({"12345", dec("1000000")});
  inputs_.rows = library_.rows_on(day("2024-03-15"));
  const auto results = run_stress_tests(inputs_);
  ASSERT_TRUE(results.ok());
  EXPECT_EQ(result(*results, "hk_market_down_22").pnl_hkd, dec("-61890280"));
}

TEST_F(StressTest, WithoutAVarWindowTheHistoricalScenarioDoesNotApply) {
  inputs_.historical_worst_pnl_hkd.reset();
  inputs_.rows = library_.rows_on(day("2024-03-15"));
  const auto results = run_stress_tests(inputs_);
  ASSERT_TRUE(results.ok()) << results.error().to_string();
  const StressResult& worst = result(*results, "historical_worst_day");
  EXPECT_TRUE(worst.loss_hkd.is_zero());
  EXPECT_NE(worst.description.find("not applicable"), std::string::npos);
  EXPECT_EQ(result(*results, "hk_market_down_22").shortfall_hkd, dec("53954280"));
}

}  // namespace
}  // namespace cp::risk
