// Writing an EOD run's results: the date's earlier rows go and these come in, inside the
// caller's transaction, so a reader sees the old results or the new ones, never a mix.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "clearing/client_clearing.h"
#include "core/date.h"
#include "eod/eod_run.h"
#include "ledger/journal.h"
#include "store/database.h"

namespace cp::eod {

struct DayResults {
  const clearing::ClearingResult& result;
  const std::map<Channel, std::string>& settles_on;  // STL-2 trading-money date per channel
  const std::vector<ledger::Posting>& postings;
  const EodReport& report;  // settlements, reserves, fees, exceptions and the digest
};

// Replaces every result table's rows for the date and records the run in eod_run.
Result<void> write_results(store::Database& db, Date date, const DayResults& day_results,
                           std::string_view finished_at_utc);

}  // namespace cp::eod
