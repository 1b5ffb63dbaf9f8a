#include "risk/demo_risk.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::risk {
namespace {

constexpr auto day = &test_values::d;
constexpr auto dec = &test_values::D;

TEST(DemoRisk, AHistoryWithoutGapsUpToTheDayAndPositionsAsTheGrammarSays) {
  std::vector<Date> days;
  for (Date d = day("2024-01-02"); d <= day("2024-03-29"); d = d.plus_days(1)) {
    if (!d.is_weekend()) days.push_back(d);
  }
  const HkTradingDays trading(days, day("2024-01-02"), day("2024-03-29"));
  const std::vector<clearing::ClosingPrice> closes{{day("2024-03-15"), "00005", dec("65.2"), 0},
                                                   {day("2024-03-15"), "00700", dec("300"), 0},
                                                   {day("2024-03-15"), "02800", dec("16.5"), 0}};
  const auto market =
      generate_demo_risk(day("2024-03-15"), closes, trading, day("2024-02-01"), {"B01234"}, 7);
  ASSERT_TRUE(market.ok()) << market.error().to_string();
  // 2024-02-01 … 2024-03-14: 31 weekdays for each of the three securities, and no gap.
  EXPECT_EQ(market->history.size(), 3u * 31u);
  EXPECT_TRUE(check_price_history(market->history, trading, "demo").ok());
  for (const auto& close : market->history) {
    EXPECT_LT(close.price_date, day("2024-03-15"));
    EXPECT_GT(close.close_hkd.sign(), 0);
  }
  ASSERT_EQ(market->positions.size(), 3u);
  for (const auto& p : market->positions) {
    EXPECT_EQ(p.contract_value_hkd.sign(), p.quantity > 0 ? 1 : -1);
    EXPECT_GE(p.settlement_date, day("2024-03-15"));
  }
  EXPECT_EQ(market->positions[2].settlement_date, day("2024-03-15"));  // the day's money
  // The same seed, the same market.
  const auto again =
      generate_demo_risk(day("2024-03-15"), closes, trading, day("2024-02-01"), {"B01234"}, 7);
  EXPECT_EQ(again->history.back().close_hkd, market->history.back().close_hkd);
}

}  // namespace
}  // namespace cp::risk
