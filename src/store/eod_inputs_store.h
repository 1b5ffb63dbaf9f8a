// Where an EOD run's snapshot comes from (issue 15 §2): one transaction that sees the stored
// inputs as of its start, and the date's own inputs read from it in one place.
#pragma once

#include <optional>
#include <string>

#include "eod/day_inputs.h"
#include "store/database.h"

namespace cp::store {

// Begins the run's reading transaction: one snapshot from the first read to its end, so an
// import running meanwhile is either wholly seen or not at all, and no write lock is held while
// the run computes (Transaction::begin_snapshot). The run writes in a transaction of its own
// afterwards (eod/eod_run.cpp).
Result<Transaction> begin_snapshot(Database& db);

// Reads the date's executions, closing prices, FX rates of both channels, cash statements,
// reserve balances and checks, and the transfers instructed for it, into `inputs` (whose date is
// set). The calendars and schedules are eod::prepare_day's.
Result<void> load_day_inputs(Database& db, eod::DayInputs& inputs);

// The result digest of the stored EOD run of `date`, if there is one.
Result<std::optional<std::string>> stored_run_digest(Database& db, Date date);

}  // namespace cp::store
