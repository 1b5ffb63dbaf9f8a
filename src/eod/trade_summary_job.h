// The foundation's end-of-day job: read a day's executions from the database, summarize them
// (clearing/trade_summary.h) and store the result, all in one transaction, so a rerun replaces
// the previous result and a crash leaves the database as it was.
#pragma once

#include <string>
#include <vector>

#include "clearing/trade_summary.h"
#include "core/date.h"
#include "store/database.h"

namespace cp::eod {

struct TradeSummaryReport {
  Date business_date;
  int64_t executions = 0;
  std::vector<clearing::TradeSummaryRow> rows;
  std::string digest;       // of the canonical result text
  double seconds_load = 0;  // wall time of each stage, for the summary only
  double seconds_compute = 0;
  double seconds_store = 0;
};

Result<TradeSummaryReport> run_trade_summary(store::Database& db, Date business_date,
                                             const Clock& clock);

}  // namespace cp::eod
