#include "calendar/weather.h"

namespace cp::calendar {
namespace {

const TimeOfDay kMorningOpen = *TimeOfDay::from_hms(9, 0, 0);
const TimeOfDay kTenThirty = *TimeOfDay::from_hms(10, 30, 0);
const TimeOfDay kNoon = *TimeOfDay::from_hms(12, 0, 0);
const TimeOfDay kClose = *TimeOfDay::from_hms(16, 10, 0);

bool in_force_at(const refdata::WeatherEvent& event, Date date, TimeOfDay time) {
  const refdata::HktDateTimeMinute at{date, time};
  return event.issued_at <= at && at < event.lifted_at;
}

bool stops_trading(refdata::WeatherSignal signal) {
  return signal != refdata::WeatherSignal::kBlackRainstorm;
}

}  // namespace

WeatherEffect weather_effect(Date date, const std::vector<refdata::WeatherEvent>& events,
                             bool severe_weather_trading) {
  WeatherEffect effect;
  for (const auto& event : events) {
    // Only events in force at some moment of the trading day matter.
    const refdata::HktDateTimeMinute day_start{date, TimeOfDay()};
    const refdata::HktDateTimeMinute day_close{date, kClose};
    if (event.lifted_at <= day_start || event.issued_at >= day_close) continue;
    if (!effect.description.empty()) effect.description += "; ";
    effect.description += std::string(refdata::weather_signal_code(event.signal)) + " " +
                          event.issued_at.to_string() + " to " + event.lifted_at.to_string();
    if (severe_weather_trading) continue;

    const bool at_nine = in_force_at(event, date, kMorningOpen);
    const bool at_noon = in_force_at(event, date, kNoon);
    const bool issued_today = event.issued_at.date == date;
    // Trading.
    WeatherTrading trading = WeatherTrading::kNormal;
    if (at_nine && at_noon) {
      trading = WeatherTrading::kWholeDayCancelled;
    } else if (at_nine) {
      trading = WeatherTrading::kMorningCancelled;
    } else if (issued_today && stops_trading(event.signal)) {
      trading = WeatherTrading::kStoppedDuringSession;
    }
    if (static_cast<int>(trading) > static_cast<int>(effect.trading)) effect.trading = trading;
    // Settlement (seed 004 §2.5 cases a, b, c).
    if (at_nine && at_noon) {
      effect.settlement = WeatherSettlement::kNonSettlementDay;
    } else if (!at_nine && at_noon && stops_trading(event.signal) &&
               effect.settlement != WeatherSettlement::kNonSettlementDay) {
      effect.settlement = WeatherSettlement::kMoneyRolls;
      effect.money_1030_settles = issued_today && event.issued_at.time > kTenThirty;
    }
  }
  if (severe_weather_trading && !effect.description.empty()) {
    effect.description += " (Severe Weather Trading: trading and settlement continue)";
  }
  return effect;
}

}  // namespace cp::calendar
