// The settlement days whose morning transfer the run of a trading day instructs, per channel
// (calendar/transfer_days.h; SPEC CLR-11, seed 002 附件4 第27条), and how two such sets differ:
// what a calendar change recorded after the run moves (eod/reinstruct.h).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/market.h"
#include "refdata/market_calendar.h"
#include "refdata/parameters.h"

namespace cp::eod {

using InstructedDays = std::map<Channel, std::vector<Date>>;

// Per channel trading on `run_date` under `markets`, the days its run instructs (possibly none);
// a channel not trading that day is absent.
Result<InstructedDays> instructed_days(const refdata::MarketCalendarData& markets,
                                       const refdata::ParameterTable& parameters, Date run_date);

// "sh 2024-12-27 → 2024-12-30" for each channel whose days differ, "; " between channels; ""
// when none do.
std::string describe_move(const InstructedDays& before, const InstructedDays& after);

}  // namespace cp::eod
