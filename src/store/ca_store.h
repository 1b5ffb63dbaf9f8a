// Corporate actions in the database (issue 17): the announcements CSDC forwards and CSDC's
// clearing of their cash. Both are statements of fact: an import adds what is new, passes over
// what is stored as it is, and refuses — whole file, nothing stored — a row that says something
// else about an event already stored ("a second announcement of the same event").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clearing/holdings.h"
#include "core/text_map.h"
#include "corpactions/corporate_action.h"
#include "corpactions/csdc_payment.h"
#include "store/database.h"
#include "store/import_store.h"

namespace cp::store {

Result<ImportCounts> import_ca_events(Database& db,
                                      const std::vector<corpactions::CorporateAction>& events,
                                      const std::string& file);

// Every stored event, by record date (then holders' date) and id.
Result<std::vector<corpactions::CorporateAction>> ca_events(Database& db);
// The events that move securities (corpactions/securities_movement.h) with a step dated after
// `after` and on or before `through` (securities_steps_in), by payment date and id.
Result<std::vector<corpactions::CorporateAction>> ca_events_distributing_securities(Database& db,
                                                                                    Date after,
                                                                                    Date through);
// The event, or kNotFound naming it.
Result<corpactions::CorporateAction> ca_event(Database& db, const std::string& event_id);

// One security's holders in the channel's latest positions statement on or before `as_of`
// (import positions), with each holder's account type: what an event's entitlements start from
// without reading the whole statement and account book. `statement_date` is unset when there is
// no statement on or before `as_of`. The holdings are in the byte order of their account ids
// (what clearing::roll_forward merges without a map), whatever the database's collation.
struct SecurityHolders {
  std::optional<Date> statement_date;
  std::vector<clearing::Holding> holdings;
  std::vector<AccountType> account_types;  // holdings[i]'s account's type
};
Result<SecurityHolders> security_holders_in_statement(Database& db, Channel channel, Date as_of,
                                                      const std::string& security_code);
// The types of `account_ids` (those in the account book).
Result<TextMap<AccountType>> account_types_of(Database& db,
                                              const std::vector<std::string>& account_ids);

// REQUIRES: each payment was checked against its stored event (corpactions check_payment).
Result<ImportCounts> import_ca_payments(Database& db,
                                        const std::vector<corpactions::CsdcPayment>& payments,
                                        const std::string& file);
// CSDC's clearing of the event on the channel, if it has been imported.
Result<std::optional<corpactions::CsdcPayment>> ca_payment(Database& db,
                                                           const std::string& event_id,
                                                           Channel channel);

}  // namespace cp::store
