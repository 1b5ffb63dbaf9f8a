// Where an EOD run's snapshot comes from (issue 15 §2): one transaction that sees the stored
// inputs as of its start, and the date's own inputs read from it in one place.
#pragma once

#include <optional>
#include <string>

#include "eod/day_inputs.h"
#include "store/database.h"

namespace cp::store {

// Reads the date's closing prices, FX rates of both channels, cash statements, reserve balances
// and checks, and the transfers instructed for it, into `inputs` (whose date is set). The
// executions are the caller's (fetch_execution_segments, decoded beside this); the calendars and
// schedules are eod::prepare_day's.
Result<void> load_day_inputs(Database& db, eod::DayInputs& inputs);

// The result digest of the stored EOD run of `date`, if there is one.
Result<std::optional<std::string>> stored_run_digest(Database& db, Date date);

}  // namespace cp::store
