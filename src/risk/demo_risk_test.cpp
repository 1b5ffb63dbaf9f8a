#include "risk/demo_risk.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::risk {
namespace {

constexpr auto day = &test_values::d;
constexpr auto dec = &test_values::D;

// Every weekday of January to March 2024 as SEHK's trading days (no holidays: enough here).
HkTradingDays weekdays_of_q1_2024() {
  std::vector<Date> days;
  for (Date d = day("2024-01-02"); d <= day("2024-03-29"); d = d.plus_days(1)) {
    if (!d.is_weekend()) days.push_back(d);
  }
  return HkTradingDays(days, day("2024-01-02"), day("2024-03-29"));
}

std::vector<clearing::ClosingPrice> closes_of_15_march() {
  return {{day("2024-03-15"), "00005", dec("65.2"), 0},
          {day("2024-03-15"), "00700", dec("300"), 0},
          {day("2024-03-15"), "02800", dec("16.5"), 0}};
}

TEST(DemoRisk, AHistoryWithoutGapsUpToTheDayAndPositionsAsTheGrammarSays) {
  const HkTradingDays trading = weekdays_of_q1_2024();
  const std::vector<clearing::ClosingPrice> closes = closes_of_15_march();
  const auto market =
      generate_demo_risk(day("2024-03-15"), closes, trading, day("2024-02-01"), {"B01234"}, 1, 7);
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
      generate_demo_risk(day("2024-03-15"), closes, trading, day("2024-02-01"), {"B01234"}, 1, 7);
  EXPECT_EQ(again->history.back().close_hkd, market->history.back().close_hkd);
}

TEST(DemoRisk, PositionsOnEachOfTheLastDaysValuedAtThatDaysClose) {
  const HkTradingDays trading = weekdays_of_q1_2024();
  const std::vector<clearing::ClosingPrice> closes = closes_of_15_march();
  const auto market =
      generate_demo_risk(day("2024-03-15"), closes, trading, day("2024-02-01"), {"B01234"}, 3, 7);
  ASSERT_TRUE(market.ok()) << market.error().to_string();
  // 13, 14 and 15 March, three positions each.
  ASSERT_EQ(market->positions.size(), 9u);
  EXPECT_EQ(market->positions[0].as_of, day("2024-03-13"));
  EXPECT_EQ(market->positions[8].as_of, day("2024-03-15"));
  // The 13th's long in 00005: 2,000,000 × 100 % (the first day) shares, at 103 % of the 13th's
  // close of the walked history; on the 15th (the third day) 2,000,000 × 110 % = 2,200,000.
  const auto& first = market->positions[0];
  EXPECT_EQ(first.security, "00005");
  EXPECT_EQ(first.quantity, 2'000'000);
  EXPECT_EQ(market->positions[6].quantity, 2'200'000);
  Decimal close_13;
  for (const auto& c : market->history) {
    if (c.price_date == day("2024-03-13") && c.security_code == "00005") close_13 = c.close_hkd;
  }
  EXPECT_EQ(first.contract_value_hkd,
            (close_13 * Decimal::from_int(2'000'000) * dec("1.03")).round(2, Rounding::kHalfUp));
  EXPECT_EQ(first.settlement_date, day("2024-03-15"));  // two trading days after the 13th
  // A history that starts after the first position day is refused.
  EXPECT_FALSE(
      generate_demo_risk(day("2024-03-15"), closes, trading, day("2024-03-14"), {"B01234"}, 3, 7)
          .ok());
}

}  // namespace
}  // namespace cp::risk
