// The days an investor's assets are averaged over (SPEC SUIT-1, SUIT-2; research/domain-facts.md
// §9 [M]): the channel's Southbound trading days before the application, by the Southbound
// calendar (both markets' holidays, the minimal-intersection rule of its era), not weekdays.
#pragma once

#include <cstdint>
#include <vector>

#include "calendar/southbound_calendar.h"
#include "core/date.h"
#include "core/result.h"

namespace cp::investors {

// The `days` Southbound trading days of `southbound` before `application` (the application's own
// day not counted), oldest first. Refuses an application whose window reaches back before the
// calendar's coverage (the channel not yet open), naming the date.
Result<std::vector<Date>> asset_window(const calendar::SouthboundCalendar& southbound,
                                       Date application, int32_t days);

}  // namespace cp::investors
