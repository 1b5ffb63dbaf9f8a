#include "risk/price_history.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::risk {
namespace {

constexpr auto day = &test_values::d;

// 2024-03-25 to 2024-04-05: Good Friday 03-29 and Easter Monday 04-01 closed, and Ching Ming
// 04-04 too.
HkTradingDays march_april() {
  std::vector<Date> days;
  for (const char* d : {"2024-03-25", "2024-03-26", "2024-03-27", "2024-03-28", "2024-04-02",
                        "2024-04-03", "2024-04-05"}) {
    days.push_back(day(d));
  }
  return HkTradingDays(days, day("2024-03-25"), day("2024-04-05"));
}

clearing::ClosingPrice close(const char* date, const char* security, const char* value,
                             int64_t line) {
  return {day(date), security, Decimal::parse(value).value(), line};
}

TEST(PriceHistory, AHistoryOverTheHolidaysHasNoGap) {
  EXPECT_TRUE(check_price_history(
                  {close("2024-03-28", "00005", "60", 2), close("2024-04-02", "00005", "61", 3),
                   close("2024-04-03", "00005", "62", 4)},
                  march_april(), "history.csv")
                  .ok());
}

TEST(PriceHistory, AMissingTradingDayIsAGapNamedAtTheCloseAfterIt) {
  const auto checked = check_price_history(
      {close("2024-03-27", "00005", "60", 2), close("2024-04-02", "00005", "61", 3)}, march_april(),
      "history.csv");
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().to_string(),
            "history.csv:3: field 'price_date': 00005 has no close on 2024-03-28, an SEHK "
            "trading day between 2024-03-27 (line 2) and this one");
}

TEST(PriceHistory, ACloseOnAClosedDayOrOutsideTheCalendarIsRefused) {
  auto checked =
      check_price_history({close("2024-04-01", "00005", "60", 7)}, march_april(), "history.csv");
  ASSERT_FALSE(checked.ok());
  EXPECT_NE(checked.error().to_string().find("history.csv:7: field 'price_date': 2024-04-01 is "
                                             "not an SEHK trading day"),
            std::string::npos);
  checked = check_price_history({close("2024-04-08", "00005", "60", 2)}, march_april(), "h.csv");
  ASSERT_FALSE(checked.ok());
  EXPECT_NE(checked.error().message.find("outside the SEHK calendar's coverage"),
            std::string::npos);
}

TEST(PriceHistory, ReturnsAreEachCloseOverThePreviousLessOne) {
  PriceHistory history;
  history.add("00005", day("2024-03-27"), Decimal::parse("60").value());
  history.add("00005", day("2024-03-28"), Decimal::parse("66").value());
  history.add("00005", day("2024-04-02"), Decimal::parse("64.35").value());
  history.add("00005", day("2024-04-03"), Decimal::parse("65").value());
  const auto days = march_april().ending_on(day("2024-04-03"), 4).value();
  const auto returns = daily_returns(history, "00005", days, "test");
  ASSERT_TRUE(returns.ok()) << returns.error().to_string();
  // 66/60 − 1 = 0.1; 64.35/66 − 1 = −0.025; 65/64.35 − 1 = 0.010101010101… → 0.0101010101.
  ASSERT_EQ(returns->size(), 3u);
  EXPECT_EQ((*returns)[0].to_string(), "0.1000000000");
  EXPECT_EQ((*returns)[1].to_string(), "-0.0250000000");
  EXPECT_EQ((*returns)[2].to_string(), "0.0101010101");
  const auto short_history = daily_returns(
      history, "00005", march_april().ending_on(day("2024-04-03"), 5).value(), "hvar");
  ASSERT_FALSE(short_history.ok());
  EXPECT_NE(short_history.error().message.find("no close of 00005 on 2024-03-26: hvar needs"),
            std::string::npos);
}

TEST(PriceHistory, AMoreThanTenfoldDayIsRefusedAsBadData) {
  // 1.00 → 11.01: a return of 10.01, above the 1,000 % the margin takes.
  PriceHistory history;
  history.add("00005", day("2024-03-27"), Decimal::parse("1.00").value());
  history.add("00005", day("2024-03-28"), Decimal::parse("11.01").value());
  const auto returns = daily_returns(history, "00005",
                                     march_april().ending_on(day("2024-03-28"), 2).value(), "hvar");
  ASSERT_FALSE(returns.ok());
  EXPECT_NE(returns.error().message.find("the close of 00005 on 2024-03-28"), std::string::npos)
      << returns.error().message;
}

}  // namespace
}  // namespace cp::risk
