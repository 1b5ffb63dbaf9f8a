// Operator additions to the market calendars (migration 0004).
#pragma once

#include "refdata/market_calendar.h"
#include "store/database.h"

namespace cp::store {

struct AddedBy {
  std::string at;  // UTC ISO-8601
  std::string by;  // operator
};

Result<void> insert_closure(Database& db, const refdata::Closure& closure, const AddedBy& added);
Result<void> insert_weather(Database& db, const refdata::WeatherEvent& event, const AddedBy& added);

// Merges every stored addition into `data` (each checked like a file row).
Result<void> merge_calendar_additions(Database& db, refdata::MarketCalendarData& data);

}  // namespace cp::store
