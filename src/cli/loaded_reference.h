// What the commands that work on the Southbound calendar load first: the shipped reference data
// and market calendars, the operators' calendar additions stored in the database merged in, and
// the database itself.
#pragma once

#include <memory>

#include "cli/app_context.h"
#include "refdata/market_calendar.h"
#include "refdata/refdata.h"
#include "store/database.h"

namespace cp::cli {

struct LoadedReference {
  refdata::RefData refdata;
  refdata::MarketCalendarData calendars;
  std::unique_ptr<store::Database> db;
};

Result<LoadedReference> load_reference(const AppContext& context);

}  // namespace cp::cli
