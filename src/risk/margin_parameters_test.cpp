// The shipped data/risk_parameters.csv read on the dates its rows change.
#include "risk/margin_parameters.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::risk {
namespace {

constexpr auto day = &test_values::d;
constexpr auto dec = &test_values::D;

refdata::ParameterTable shipped() {
  return refdata::ParameterTable::load(CONNECTPOST_SOURCE_DIR "/data/risk_parameters.csv",
                                       "data/risk_parameters.csv")
      .value();
}

TEST(MarginParameters, TheDayBeforeTheVarPlatformUsesTheMarginRate) {
  const auto p = margin_parameters_on(shipped(), day("2022-06-10"));
  ASSERT_TRUE(p.ok()) << p.error().to_string();
  EXPECT_EQ(p->regime, MarginRegime::kMarginRate);
  EXPECT_EQ(p->margin_rate, dec("0.06"));
  EXPECT_EQ(p->margin_multiplier, dec("1"));
  EXPECT_EQ(p->margin_credit_hkd, dec("5000000"));
}

TEST(MarginParameters, TheVarPlatformFromItsLaunch) {
  const auto p = margin_parameters_on(shipped(), day("2022-06-13"));
  ASSERT_TRUE(p.ok()) << p.error().to_string();
  EXPECT_EQ(p->regime, MarginRegime::kVarPlatform);
  EXPECT_EQ(p->hvar.confidence_level, dec("0.994"));
  EXPECT_EQ(p->hvar.scenario_count, 1000);
  EXPECT_EQ(p->svar.scenario_count, 1018);
  EXPECT_EQ(p->hvar.weight + p->svar.weight, dec("1"));
  EXPECT_EQ(p->hvar.ewma_lambda, dec("0.94"));
  EXPECT_EQ(p->svar.ewma_lambda, dec("1"));
  EXPECT_EQ(p->floor_rate, dec("0.025"));
  EXPECT_EQ(p->rounding_hkd, 10'000);
  EXPECT_FALSE(p->holiday_addon);
  EXPECT_EQ(p->lra_hedge_instrument, "02800");
  ASSERT_EQ(p->flat_rates.size(), 1u);  // group 22 starts on 2022-12-16
  EXPECT_EQ(p->flat_rates.at(11), dec("0.12"));
}

TEST(MarginParameters, TheFloorRateAndTheFlatRateGroupsChangeByDate) {
  EXPECT_EQ(margin_parameters_on(shipped(), day("2023-08-13"))->floor_rate, dec("0.025"));
  EXPECT_EQ(margin_parameters_on(shipped(), day("2023-08-14"))->floor_rate, dec("0.032"));
  const auto p = margin_parameters_on(shipped(), day("2025-10-27"));
  ASSERT_TRUE(p.ok()) << p.error().to_string();
  ASSERT_EQ(p->flat_rates.size(), 3u);
  EXPECT_EQ(p->flat_rates.at(22), dec("0.30"));
  EXPECT_EQ(p->flat_rates.at(33), dec("0.55"));
}

TEST(MarginParameters, AParameterMissingForTheDateIsNamed) {
  auto table =
      refdata::ParameterTable::parse("risk_parameters.csv",
                                     "key,value,unit,effective_from,effective_to,source,note\n"
                                     "margin.regime,var_platform,text,2022-06-13,,test,\n"
                                     "margin.credit,5000000,HKD,2022-06-13,,test,\n"
                                     "margin.participant_multiplier,1,ratio,2022-06-13,,test,\n");
  ASSERT_TRUE(table.ok()) << table.error().to_string();
  const auto p = margin_parameters_on(*table, day("2024-03-15"));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(p.error().message.find("margin.hvar.confidence_level"), std::string::npos)
      << p.error().message;
  EXPECT_NE(p.error().message.find("2024-03-15"), std::string::npos) << p.error().message;
}

TEST(MarginParameters, AnAmountInAnotherCurrencyIsRefused) {
  auto table =
      refdata::ParameterTable::parse("risk_parameters.csv",
                                     "key,value,unit,effective_from,effective_to,source,note\n"
                                     "margin.regime,margin_rate,text,2014-11-17,,test,\n"
                                     "margin.credit,5000000,CNY,2014-11-17,,test,\n"
                                     "margin.participant_multiplier,1,ratio,2014-11-17,,test,\n"
                                     "margin.rate,6,percent,2014-11-17,,test,\n"
                                     "margin.rate_multiplier,1,ratio,2014-11-17,,test,\n");
  ASSERT_TRUE(table.ok()) << table.error().to_string();
  const auto p = margin_parameters_on(*table, day("2020-01-02"));
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message.find("margin.credit is in CNY"), std::string::npos)
      << p.error().message;
}

TEST(MarginParameters, ADecayOutsideItsRangeIsRefused) {
  for (const char* lambda : {"0", "1.01", "0.12345678901"}) {
    auto table = refdata::ParameterTable::load(CONNECTPOST_SOURCE_DIR "/data/risk_parameters.csv",
                                               "data/risk_parameters.csv")
                     .value();
    ASSERT_TRUE(table.set_value("margin.hvar.ewma_lambda", day("2024-03-15"), lambda).ok());
    const auto p = margin_parameters_on(table, day("2024-03-15"));
    ASSERT_FALSE(p.ok()) << lambda;
    EXPECT_NE(p.error().message.find("margin.hvar.ewma_lambda"), std::string::npos);
  }
}

}  // namespace
}  // namespace cp::risk
