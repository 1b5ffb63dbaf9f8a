// An investor assessed on the broker's records (issue 18; SPEC SUIT-1..3): the channel's rules
// in force on the date, its Southbound calendar's window of trading days, and the evidence
// stored — what `investor check`, `investor grant` and the online opening all judge by, so the
// command line and the portal decide alike.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "calendar/southbound_calendar.h"
#include "core/date.h"
#include "core/market.h"
#include "investors/suitability.h"
#include "refdata/parameters.h"
#include "store/database.h"

namespace cp::store {

// Every suitability rule of `channel` on `date` against `account_id`'s evidence; `southbound`
// is the channel's calendar. Refuses an account not in the book and the broker's own account.
Result<investors::Assessment> assess_on_record(Database& db,
                                               const refdata::ParameterTable& parameters,
                                               const calendar::SouthboundCalendar& southbound,
                                               const std::string& account_id, Channel channel,
                                               Date date);

// {account, channel, date, eligible, rules: [{rule, passed, evidence, reason}]}: the decision
// as the registry, the archive and the answers keep it.
nlohmann::ordered_json assessment_json(const investors::Assessment& assessment,
                                       const std::string& account_id, Channel channel, Date date);

}  // namespace cp::store
