#include "eod/instructed_days.h"

#include <set>

#include "calendar/southbound_calendar.h"
#include "calendar/transfer_days.h"

namespace cp::eod {
namespace {

std::string list(const std::vector<Date>& days) {
  if (days.empty()) return "none";
  std::string out;
  for (const Date day : days) out += (out.empty() ? "" : ", ") + day.to_string();
  return out;
}

const std::vector<Date>& days_of(const InstructedDays& days, Channel channel) {
  static const std::vector<Date> kNone;
  const auto found = days.find(channel);
  return found == days.end() ? kNone : found->second;
}

}  // namespace

Result<InstructedDays> instructed_days(const refdata::MarketCalendarData& markets,
                                       const refdata::ParameterTable& parameters, Date run_date) {
  InstructedDays out;
  for (const Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
    CP_ASSIGN_OR_RETURN(auto southbound,
                        calendar::SouthboundCalendar::build(markets, parameters, channel));
    CP_ASSIGN_OR_RETURN(const calendar::DayInfo* info, southbound.day(run_date));
    if (!info->southbound_trading) continue;
    CP_ASSIGN_OR_RETURN(const auto days, calendar::transfer_days(southbound, parameters, run_date));
    auto& dates = out[channel];
    for (const auto& day : days) dates.push_back(day.settlement_date);
  }
  return out;
}

std::string describe_move(const InstructedDays& before, const InstructedDays& after) {
  std::set<Channel> channels;
  for (const auto& [channel, days] : before) channels.insert(channel);
  for (const auto& [channel, days] : after) channels.insert(channel);
  std::string out;
  for (const Channel channel : channels) {
    const auto& was = days_of(before, channel);
    const auto& now = days_of(after, channel);
    if (was == now) continue;
    out += (out.empty() ? "" : "; ") + std::string(channel_code(channel)) + " " + list(was) +
           " → " + list(now);
  }
  return out;
}

}  // namespace cp::eod
