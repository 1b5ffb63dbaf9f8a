#include "investors/asset_window.h"

#include <algorithm>
#include <string>

namespace cp::investors {

Result<std::vector<Date>> asset_window(const calendar::SouthboundCalendar& southbound,
                                       Date application, int32_t days) {
  std::vector<Date> out;
  out.reserve(static_cast<size_t>(std::max(days, 0)));
  for (Date day = application.plus_days(-1); static_cast<int32_t>(out.size()) < days;
       day = day.plus_days(-1)) {
    if (day < southbound.covered_from()) {
      return invalid_input("the " + std::to_string(days) + " Southbound trading days before " +
                               application.to_string() +
                               " reach back before the channel opened on " +
                               southbound.covered_from().to_string(),
                           "application_date");
    }
    CP_ASSIGN_OR_RETURN(const calendar::DayInfo* info, southbound.day(day));
    if (info->southbound_trading) out.push_back(day);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace cp::investors
