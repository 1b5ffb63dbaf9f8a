#include "calendar/southbound_calendar.h"

#include <algorithm>

namespace cp::calendar {
namespace {

constexpr std::string_view kRuleBothSides = "settlement_days_on_both_sides";
constexpr std::string_view kRuleCommonDays = "common_trading_days";

const char* weekday_name(Weekday day) {
  static const char* const kNames[] = {"",         "Monday", "Tuesday",  "Wednesday",
                                       "Thursday", "Friday", "Saturday", "Sunday"};
  return kNames[static_cast<int>(day)];
}

std::string weather_trading_text(WeatherTrading trading) {
  switch (trading) {
    case WeatherTrading::kNormal:
      return "";
    case WeatherTrading::kMorningCancelled:
      return "morning session cancelled";
    case WeatherTrading::kStoppedDuringSession:
      return "trading stopped during the session";
    case WeatherTrading::kWholeDayCancelled:
      return "whole day trading cancelled";
  }
  return "";
}

}  // namespace

std::string DayInfo::reason_text() const {
  std::string text;
  for (const auto& reason : reasons) text += (text.empty() ? "" : "; ") + reason;
  return text;
}

Result<SouthboundCalendar> SouthboundCalendar::build(const refdata::MarketCalendarData& data,
                                                     const refdata::ParameterTable& parameters,
                                                     Channel channel) {
  const refdata::Market mainland =
      channel == Channel::kShanghai ? refdata::Market::kSse : refdata::Market::kSzse;
  const char* mainland_name = channel == Channel::kShanghai ? "SSE" : "SZSE";
  const auto* hk_coverage = data.coverage_of(refdata::Market::kSehk);
  const auto* mainland_coverage = data.coverage_of(mainland);
  if (hk_coverage == nullptr || mainland_coverage == nullptr) {
    return invalid_input("calendar coverage is missing for SEHK or " + std::string(mainland_name));
  }
  SouthboundCalendar calendar;
  calendar.channel_ = channel;
  calendar.from_ = std::max(hk_coverage->covered_from, mainland_coverage->covered_from);
  const Date to = std::min(hk_coverage->covered_to, mainland_coverage->covered_to);
  const std::string channel_key = "calendar.channel_open." + std::string(channel_code(channel));

  const size_t count = static_cast<size_t>(days_between(calendar.from_, to) + 1);
  calendar.days_.resize(count);
  std::vector<std::string> hk_holiday(count);
  std::vector<std::string> mainland_holiday(count);
  std::vector<std::string> half_day(count);
  for (const auto& closure : data.closures) {
    if (closure.date < calendar.from_ || closure.date > to) continue;
    const auto index = static_cast<size_t>(days_between(calendar.from_, closure.date));
    if (closure.market == refdata::Market::kSehk) {
      (closure.kind == refdata::ClosureKind::kHalfDay ? half_day : hk_holiday)[index] =
          closure.reason;
    } else if (closure.market == mainland) {
      mainland_holiday[index] = closure.reason;
    }
  }

  // Pass 1: each market on its own, and weather.
  for (size_t i = 0; i < count; ++i) {
    DayInfo& day = calendar.days_[i];
    day.date = calendar.from_.plus_days(static_cast<int64_t>(i));
    const bool weekday = !day.date.is_weekend();
    CP_ASSIGN_OR_RETURN(bool severe_weather_trading,
                        parameters.boolean("calendar.severe_weather_trading", day.date));
    CP_ASSIGN_OR_RETURN(day.rule, parameters.text("calendar.southbound_rule", day.date));
    if (day.rule != kRuleBothSides && day.rule != kRuleCommonDays) {
      return invalid_input("calendar.southbound_rule '" + day.rule + "' on " +
                           day.date.to_string() + " is not " + std::string(kRuleBothSides) +
                           " or " + std::string(kRuleCommonDays));
    }
    day.weather = weather_effect(day.date, data.weather, severe_weather_trading);
    if (!weekday) day.reasons.push_back(std::string(weekday_name(day.date.weekday())));
    if (!hk_holiday[i].empty()) day.reasons.push_back("SEHK holiday: " + hk_holiday[i]);
    if (!mainland_holiday[i].empty()) {
      day.reasons.push_back(std::string(mainland_name) + " holiday: " + mainland_holiday[i]);
    }
    day.half_day = weekday && hk_holiday[i].empty() && !half_day[i].empty();
    if (day.half_day) {
      day.reasons.push_back("SEHK half day (" + half_day[i] +
                            "): morning trading, not a settlement day (CAL-3)");
    }
    const bool hk_open = weekday && hk_holiday[i].empty();
    if (hk_open && !day.weather.description.empty()) {
      const std::string trading = weather_trading_text(day.weather.trading);
      std::string text = "weather " + day.weather.description;
      if (!trading.empty()) text += ": " + trading;
      if (day.weather.settlement == WeatherSettlement::kNonSettlementDay) {
        text += "; HKSCC non-settlement day (CAL-6a)";
      } else if (day.weather.settlement == WeatherSettlement::kMoneyRolls) {
        text += "; securities settle, money rolls to the next settlement day (CAL-6b)";
      }
      day.reasons.push_back(text);
    }
    day.hk_trading = hk_open && day.weather.trading != WeatherTrading::kWholeDayCancelled;
    day.planned_hk_settlement_day = hk_open && !day.half_day;
    day.hk_settlement_day = day.planned_hk_settlement_day &&
                            day.weather.settlement != WeatherSettlement::kNonSettlementDay;
    day.mainland_trading = weekday && mainland_holiday[i].empty();
    day.southbound_settlement_day = day.hk_settlement_day && day.mainland_trading;
  }

  // Pass 2: the Southbound trading day (needs later days under the rule before 2023-04-24).
  for (size_t i = 0; i < count; ++i) {
    DayInfo& day = calendar.days_[i];
    if (!day.hk_trading || !day.mainland_trading) continue;
    auto open = parameters.date(channel_key, day.date);
    if (!open.ok()) {
      day.reasons.push_back(channel == Channel::kShanghai ? "before Shanghai Southbound launched"
                                                          : "before Shenzhen Southbound launched");
      continue;
    }
    if (day.rule == kRuleCommonDays) {
      day.southbound_trading = true;
      continue;
    }
    // CAL-4: T+1 and T+2 in planned HKSCC settlement days must be mainland business days.
    size_t found = 0;
    bool ok = true;
    for (size_t j = i + 1; j < count && found < 2; ++j) {
      const DayInfo& later = calendar.days_[j];
      if (!later.planned_hk_settlement_day) continue;
      ++found;
      if (!later.mainland_trading) {
        ok = false;
        day.reasons.push_back("its T+" + std::to_string(found) + " settlement day " +
                              later.date.to_string() +
                              " is a mainland holiday (CAL-4, rule before 2023-04-24)");
        break;
      }
    }
    if (ok && found < 2) {
      day.undecided = true;
      continue;
    }
    day.southbound_trading = ok;
  }
  return calendar;
}

Result<const DayInfo*> SouthboundCalendar::day(Date date) const {
  if (date < from_ || date > covered_to()) {
    return invalid_input("the calendar covers " + from_.to_string() + " to " +
                             covered_to().to_string() + "; " + date.to_string() + " is outside it",
                         "date");
  }
  const DayInfo* info = &days_[static_cast<size_t>(days_between(from_, date))];
  if (info->undecided) {
    return make_error(ErrorCode::kNotFound,
                      "whether " + date.to_string() +
                          " is a Southbound trading day depends on settlement days after the "
                          "calendar data ends (" +
                          covered_to().to_string() + ")");
  }
  return info;
}

Result<const DayInfo*> SouthboundCalendar::southbound_settlement_day_on_or_after(Date date) const {
  CP_ASSIGN_OR_RETURN(const DayInfo* start, day(date));
  for (size_t index = static_cast<size_t>(days_between(from_, start->date)); index < days_.size();
       ++index) {
    if (days_[index].southbound_settlement_day) return &days_[index];
  }
  return beyond_coverage(date);
}

Error SouthboundCalendar::beyond_coverage(Date date) const {
  return make_error(ErrorCode::kNotFound, "settlement after " + date.to_string() +
                                              " falls beyond the calendar data, which ends " +
                                              covered_to().to_string());
}

}  // namespace cp::calendar
