// The day-end margin figures each `obligations run` worked from (migration 0039), per participant
// and day: what the home page's chart of the last 60 days and the printable day read, without
// working the margin out again (docs/risk.md, "The portal").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "store/database.h"

namespace cp::store {

struct MarginDay {
  std::string participant;
  Date as_of;
  std::string regime;              // margin_rate | var_platform
  Decimal net_margin_hkd;          // after favourable marks and the margin credit
  Decimal mtm_requirement_hkd;     // the marks
  Decimal total_requirement_hkd;   // margin + marks
  Decimal collateral_on_hand_hkd;  // paid in toward marks and margin before the day
  std::string figures_json;        // every component, as `risk margin --json` prints them
};

// Replaces the row of (participant, as_of).
Result<void> save_margin_day(Database& db, const MarginDay& day);

// The participant's days from `from` to `to`, both included, oldest first.
Result<std::vector<MarginDay>> margin_days(Database& db, const std::string& participant, Date from,
                                           Date to);

// The participant's latest day on or before `date`, if any.
Result<std::optional<Date>> latest_margin_date(Database& db, const std::string& participant,
                                               Date date);

}  // namespace cp::store
