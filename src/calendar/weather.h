// What a Hong Kong severe-weather signal does to one day's trading and settlement, by era
// (SPEC CAL-6, CAL-8; seed 004 §2.5; research/domain-facts.md §4.5).
//
// Before Severe Weather Trading (parameter calendar.severe_weather_trading = false):
//   trading    a signal in force at 09:00 cancels the morning session; still in force at 12:00,
//              the whole day. A T8 or Extreme Conditions issued during trading stops it for the
//              rest of the day; a black rainstorm issued during trading does not.
//   settlement (a) any signal in force at 09:00 and at 12:00: HKSCC treats the day as a
//              non-settlement day; its securities and money roll to the next settlement day.
//              (b) a T8 (or Extreme Conditions) issued after 09:00 and still in force at 12:00:
//              securities settle, money rolls to the next settlement day, the day still counts;
//              if issued after 10:30 the 10:30 money settlement runs normally.
//              (c) a black rainstorm issued after 09:00: normal settlement.
//              A signal issued after 12:00 is outside the seed's cases: we treat settlement as
//              normal (docs/calendar.md, [D]).
// From Severe Weather Trading: trading and settlement continue; the event is only reported.
#pragma once

#include <string>
#include <vector>

#include "refdata/market_calendar.h"

namespace cp::calendar {

enum class WeatherTrading { kNormal, kMorningCancelled, kStoppedDuringSession, kWholeDayCancelled };
enum class WeatherSettlement { kNormal, kNonSettlementDay, kMoneyRolls };

struct WeatherEffect {
  WeatherTrading trading = WeatherTrading::kNormal;
  WeatherSettlement settlement = WeatherSettlement::kNormal;
  // With kMoneyRolls: true when the signal came after 10:30, so the 10:30 flows still settle.
  bool money_1030_settles = false;
  std::string description;  // empty when no signal touched the day
};

// The effect on `date` of the events that overlap it. REQUIRES: events sorted by issued_at.
WeatherEffect weather_effect(Date date, const std::vector<refdata::WeatherEvent>& events,
                             bool severe_weather_trading);

}  // namespace cp::calendar
