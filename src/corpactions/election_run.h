// The wiring of elections (SPEC CA-3; corpactions/elections.h): an investor's instruction checked
// against what the account holds when it is given and stored; the filing to CSDC worked out from
// every stored instruction against the holders' date (a take-up: the close before CSDC's
// deadline, securities_movement.h take_up_basis). Shared by the command line and the server.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "corpactions/corporate_action.h"
#include "corpactions/elections.h"
#include "refdata/market_calendar.h"
#include "refdata/refdata.h"
#include "store/database.h"

namespace cp::corpactions {

// What `instruction`'s account may instruct on when it is given: once the holders' date has
// closed (the instruction's date after it), the entitlement — the rights a take-up carries, the
// shares held otherwise; before, the shares held (or their rights) at the latest close before
// the instruction's date. A rights issue's rights, once credited (the day after the record
// date), are sold and not bought: what may be taken up is the rights held at the close before
// the instruction's date.
// The same for every account at once, by channel and account (an account not there holds none):
// what the holder's notices in the portal show.
Result<std::map<std::pair<Channel, std::string>, int64_t>> eligible_at_instant(
    store::Database& db, const refdata::RefData& refdata,
    const refdata::MarketCalendarData& markets, const CorporateAction& action, HktInstant at);

Result<int64_t> eligible_for(store::Database& db, const refdata::RefData& refdata,
                             const refdata::MarketCalendarData& markets,
                             const CorporateAction& action, const ElectionInstruction& instruction);

// Checks `instruction` (check_instruction against eligible_for) and stores it; returns its
// sequence. A refusal stores nothing.
Result<int64_t> elect(store::Database& db, const refdata::RefData& refdata,
                      const refdata::MarketCalendarData& markets, const std::string& event_id,
                      const ElectionInstruction& instruction, const std::string& entered_by);

struct ElectionReport {
  CorporateAction action;
  Date holders_date;
  std::vector<ElectionInstruction> instructions;  // every one, in arrival order
  std::vector<FiledElection> filed;               // the prevailing ones, as filed
  std::vector<OptionTotal> totals;                // what the broker files to CSDC
};

Result<ElectionReport> election_report(store::Database& db, const refdata::RefData& refdata,
                                       const refdata::MarketCalendarData& markets,
                                       const std::string& event_id);

}  // namespace cp::corpactions
