// An investor judged on the broker's records (issue 18): assessed (SPEC SUIT-1..3) on the
// channel's rules in force on the date, its Southbound calendar's window of trading days and the
// evidence stored; and checked for closing (SUIT-5) on the trades still settling — what the
// investor commands, the online opening and the counter all judge by, so the command line and
// the portal decide alike.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "calendar/southbound_calendar.h"
#include "core/date.h"
#include "core/market.h"
#include "investors/closing.h"
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

struct ClosingOutcome {
  std::vector<investors::TradeOnRecord> trades;  // what the check read
  investors::ClosingCheck check;
};
// SUIT-5 on `today`: the trade dates still settling on `southbound`'s schedule, read from the
// EOD's results (or the executions imported before a date has run). Refuses an account not in
// the book and the broker's own account.
Result<ClosingOutcome> closing_on_record(Database& db, const refdata::ParameterTable& parameters,
                                         const calendar::SouthboundCalendar& southbound,
                                         const std::string& account_id, Channel channel,
                                         Date today);
// {account, channel, date, allowed, reasons, trades: [...]}
nlohmann::ordered_json closing_json(const ClosingOutcome& outcome, const std::string& account_id,
                                    Channel channel, Date today);

}  // namespace cp::store
