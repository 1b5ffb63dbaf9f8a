// CSDC's clearing of a cash dividend to the broker (SPEC CLR-7, STL-2; seed 002 附件4 第23条):
// after HKSCC pays it (the event's payment date), CSDC converts it at its own rate and clears
// it within three Southbound trading days; the money settles at 10:30 on the day after clearing
// (stl.corporate_action_funds) and enters that settlement day's funds transfer (CLR-11).
//
// ca_payments.csv := header "event_id,channel,currency,rmb_per_unit,clearing_date,source", then
// one row per event and channel (CSDC's Shanghai and Shenzhen branches clear their own):
//   currency       the event's currency (a rate for another is refused)
//   rmb_per_unit   CSDC's rate, RMB per unit of the currency, above zero, up to 8 decimals
//   clearing_date  a Southbound trading day of the channel, on or after the payment date and on
//                  or before its ca.csdc_clearing_days-th Southbound trading day after it
#pragma once

#include <map>
#include <string>
#include <vector>

#include "calendar/southbound_calendar.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/market.h"
#include "corpactions/corporate_action.h"

namespace cp::corpactions {

struct CsdcPayment {
  std::string event_id;
  Channel channel = Channel::kShanghai;
  Currency currency = Currency::kHKD;
  Decimal rmb_per_unit;
  Date clearing_date;
  std::string source;
};

// The rows of a ca_payments.csv, each checked by itself (grammar above).
Result<std::vector<CsdcPayment>> read_payment_file(CsvReader& reader);

// A payment against its event and the channel's calendar: the event pays cash in this currency,
// the clearing date is a Southbound trading day within the window. `clearing_days_max` is
// ca.csdc_clearing_days on the payment date. A rights issue's or open offer's row is CSDC's
// collection of the subscription money: in the event's currency, cleared from CSDC's deadline's
// date to the payment date [D].
Result<void> check_payment(const CsdcPayment& payment, const CorporateAction& action,
                           const calendar::SouthboundCalendar& southbound, int clearing_days_max);

}  // namespace cp::corpactions
