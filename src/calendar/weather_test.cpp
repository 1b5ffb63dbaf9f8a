// Weather effects by era, on events made up to sit exactly on the seed's boundaries
// (seed 004 §2.5 cases 1-3; research/domain-facts.md §4.5).
#include "calendar/weather.h"

#include <gtest/gtest.h>

namespace cp::calendar {
namespace {

using refdata::WeatherSignal;

refdata::WeatherEvent event(WeatherSignal signal, const char* issued, const char* lifted) {
  return {
      signal, *refdata::parse_hkt_minute(issued), *refdata::parse_hkt_minute(lifted), "", "test",
      "test"};
}

const Date kDay = *Date::parse("2019-06-12");  // a Wednesday; the events below are invented

WeatherEffect effect_of(const refdata::WeatherEvent& e, bool severe_weather_trading = false) {
  return weather_effect(kDay, {e}, severe_weather_trading);
}

TEST(Weather, NoEventNoEffect) {
  const WeatherEffect none = weather_effect(kDay, {}, false);
  EXPECT_EQ(none.trading, WeatherTrading::kNormal);
  EXPECT_EQ(none.settlement, WeatherSettlement::kNormal);
  EXPECT_TRUE(none.description.empty());
}

TEST(Weather, SignalInForceAtNineAndNoonCancelsTheDayAndItsSettlement) {
  // Case 1: issued before 09:00, not lifted by 12:00.
  const auto e = effect_of(event(WeatherSignal::kT8, "2019-06-11 22:00", "2019-06-12 12:01"));
  EXPECT_EQ(e.trading, WeatherTrading::kWholeDayCancelled);
  EXPECT_EQ(e.settlement, WeatherSettlement::kNonSettlementDay);
  // The same for a black rainstorm (case 1 names both signals).
  const auto rain =
      effect_of(event(WeatherSignal::kBlackRainstorm, "2019-06-12 08:59", "2019-06-12 12:30"));
  EXPECT_EQ(rain.trading, WeatherTrading::kWholeDayCancelled);
  EXPECT_EQ(rain.settlement, WeatherSettlement::kNonSettlementDay);
}

TEST(Weather, LiftedAtNoonExactlyLeavesTheAfternoon) {
  // "not lifted by 12:00": lifted at 12:00 means not in force at 12:00.
  const auto e = effect_of(event(WeatherSignal::kT8, "2019-06-12 06:00", "2019-06-12 12:00"));
  EXPECT_EQ(e.trading, WeatherTrading::kMorningCancelled);
  EXPECT_EQ(e.settlement, WeatherSettlement::kNormal);
}

TEST(Weather, SignalIssuedAtNineIsInForceAtNine) {
  const auto e = effect_of(event(WeatherSignal::kT8, "2019-06-12 09:00", "2019-06-12 13:00"));
  EXPECT_EQ(e.trading, WeatherTrading::kWholeDayCancelled);
  EXPECT_EQ(e.settlement, WeatherSettlement::kNonSettlementDay);
}

TEST(Weather, TyphoonAfterNineStillUpAtNoonRollsMoneyOnly) {
  // Case 2: securities settle, money rolls, the day counts as a settlement day; issued before
  // 10:30, so the 10:30 settlement rolls too.
  const auto e = effect_of(event(WeatherSignal::kT8, "2019-06-12 10:00", "2019-06-12 15:00"));
  EXPECT_EQ(e.trading, WeatherTrading::kStoppedDuringSession);
  EXPECT_EQ(e.settlement, WeatherSettlement::kMoneyRolls);
  EXPECT_FALSE(e.money_1030_settles);
  // Issued after 10:30: "则10:30的交收正常进行".
  const auto late = effect_of(event(WeatherSignal::kT8, "2019-06-12 10:31", "2019-06-12 15:00"));
  EXPECT_EQ(late.settlement, WeatherSettlement::kMoneyRolls);
  EXPECT_TRUE(late.money_1030_settles);
}

TEST(Weather, BlackRainstormAfterNineChangesNothing) {
  // Case 2's last line: a black rainstorm issued after 09:00 settles normally, and trading goes on.
  const auto e =
      effect_of(event(WeatherSignal::kBlackRainstorm, "2019-06-12 09:30", "2019-06-12 13:00"));
  EXPECT_EQ(e.trading, WeatherTrading::kNormal);
  EXPECT_EQ(e.settlement, WeatherSettlement::kNormal);
  EXPECT_FALSE(e.description.empty());  // still reported
}

TEST(Weather, SignalAfterNoonStopsTradingButNotSettlement) {
  const auto e = effect_of(event(WeatherSignal::kT8, "2019-06-12 13:40", "2019-06-12 23:40"));
  EXPECT_EQ(e.trading, WeatherTrading::kStoppedDuringSession);
  EXPECT_EQ(e.settlement, WeatherSettlement::kNormal);
}

TEST(Weather, SignalsOutsideTheTradingDayDoNotCount) {
  EXPECT_TRUE(effect_of(event(WeatherSignal::kT8, "2019-06-11 17:00", "2019-06-12 00:00"))
                  .description.empty());
  EXPECT_TRUE(effect_of(event(WeatherSignal::kT8, "2019-06-12 16:10", "2019-06-12 20:00"))
                  .description.empty());
}

TEST(Weather, SevereWeatherTradingKeepsTradingAndSettlementGoing) {
  const auto e = effect_of(event(WeatherSignal::kT8, "2019-06-11 22:00", "2019-06-12 18:00"), true);
  EXPECT_EQ(e.trading, WeatherTrading::kNormal);
  EXPECT_EQ(e.settlement, WeatherSettlement::kNormal);
  EXPECT_NE(e.description.find("Severe Weather Trading"), std::string::npos);
}

TEST(Weather, TheWorstOfTwoEventsWins) {
  const auto e =
      weather_effect(kDay,
                     {event(WeatherSignal::kBlackRainstorm, "2019-06-12 04:00", "2019-06-12 10:30"),
                      event(WeatherSignal::kT8, "2019-06-11 12:40", "2019-06-12 12:40")},
                     false);
  EXPECT_EQ(e.trading, WeatherTrading::kWholeDayCancelled);
  EXPECT_EQ(e.settlement, WeatherSettlement::kNonSettlementDay);
}

}  // namespace
}  // namespace cp::calendar
