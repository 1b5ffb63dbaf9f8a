// The wiring of corporate actions (issue 17), like cp_risk_run: an event's entitlements worked
// out from what is stored — its announcement, the holdings at the holders' close on each
// channel (eod/closing_holdings.h, STL-3), the accounts' types and CSDC's clearing of its cash —
// by the pure functions of this module. Shared by the command line and the server.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calendar/southbound_calendar.h"
#include "corpactions/corporate_action.h"
#include "corpactions/csdc_payment.h"
#include "corpactions/dividend.h"
#include "corpactions/entitlement.h"
#include "refdata/market_calendar.h"
#include "refdata/refdata.h"
#include "store/database.h"

namespace cp::corpactions {

// One channel's part of an event.
struct ChannelPart {
  Channel channel = Channel::kShanghai;
  // CSDC's clearing of the cash (rate, clearing date), once imported; for an action that pays
  // cash, the RMB columns wait for it.
  std::optional<CsdcPayment> payment;
  // The day the cash settles with the broker and the investor may use it: the clearing date's
  // corporate-action flow (STL-2 T+1 10:30, STL-4).
  std::optional<Date> settlement_date;
  // Bonus shares and warrants credited on the payment date become tradable on the channel's
  // next Southbound trading day (CLR-8).
  std::optional<Date> tradable_from;
};

struct EntitlementReport {
  CorporateAction action;
  Date holders_date;
  int64_t board_lot = 0;  // the lot after the action (a split's new lot, else the master's)
  std::vector<ChannelPart> channels;
  std::vector<Entitlement> entitlements;  // by channel, then account
  // Parallel to `entitlements` for a cash action: the RMB once its channel's rate is in; for a
  // take-up, the subscription money the account pays (below zero) for the shares it took up.
  std::vector<std::optional<DividendMoney>> money;
};

// Every account holding `security_code` at the close of `date` on each channel open by then
// (eod/closing_holdings.h, STL-3), ordered by channel then account, with its type from the
// account book; a holder not in the book is refused (its type decides the tax).
Result<std::vector<Holder>> holders_at(store::Database& db, const refdata::RefData& refdata,
                                       const refdata::MarketCalendarData& markets,
                                       const std::string& security_code, Date date);

// The entitlements of `event_id`. Refuses an event not stored, a holders' date beyond the
// calendars, and a holder whose account is not in the account book (its type decides the tax).
// A channel not yet open on the holders' date has no part.
Result<EntitlementReport> entitlement_report(store::Database& db, const refdata::RefData& refdata,
                                             const refdata::MarketCalendarData& markets,
                                             const std::string& event_id);

}  // namespace cp::corpactions
