// When a Southbound trade settles: securities at T+2 counted in HKSCC settlement days
// (SPEC STL-1), the money flows between CSDC and the broker with their day and cut-off time
// (STL-2, dated parameters stl.<flow>.day_offset / .cutoff), and the entitlement dates (STL-3).
//
// Counting rules (SPEC CAL-3, CAL-6, CAL-7; seed 004 §2.5):
//   - offsets count HKSCC settlement days after T; half-days and weather non-settlement days do
//     not count, except that the channel may settle risk funds on a half-day
//     (calendar.half_day_risk_funds_settle.<channel>; Shenzhen does, per seed 004);
//   - on a day where weather makes money roll (CAL-6b), a flow due that day moves to the next
//     settlement day, unless it is a 10:30 flow and the signal came after 10:30;
//   - a flow whose HKSCC day is a mainland holiday (possible from 2023-04-24) moves to the next
//     Southbound settlement day, when both sides are open ([D], docs/calendar.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "calendar/southbound_calendar.h"

namespace cp::calendar {

struct MoneyFlow {
  std::string flow;  // trading_money_payable, trading_money_receivable, risk_funds, …
  int64_t day_offset = 0;
  Date hk_date;  // the T+n HKSCC settlement day
  Date date;     // the day the money moves between CSDC and the broker
  TimeOfDay cutoff_hkt;
  std::string note;  // why `date` differs from the plain count, when it does
};

struct SettlementSchedule {
  Date trade_date;
  Channel channel = Channel::kShanghai;
  Date securities_settlement_date;  // T+2 in HKSCC settlement days
  Date seller_entitled_through;     // the seller keeps entitlements through this evening (STL-3)
  Date buyer_entitled_from;         // the buyer has them from this evening
  std::vector<MoneyFlow> money_flows;
};

// A trade settles within T+2 settlement days: this many calendar days before a date reach every
// trade date still settling on or after it, across the longest closures (Lunar New Year,
// National Day, with weekends and a typhoon) with room to spare.
inline constexpr int kSettlementLookBackDays = 40;

// The date of the named STL-2 flow of a schedule (every schedule has every flow).
Date money_flow_date(const SettlementSchedule& schedule, std::string_view flow);

// The names of the STL-2 flows, in the order they are reported.
const std::vector<std::string>& money_flow_names();

// REQUIRES nothing of trade_date: a day that is not a Southbound trading day is a rule
// violation whose message says why.
Result<SettlementSchedule> settlement_schedule(const SouthboundCalendar& calendar,
                                               const refdata::ParameterTable& parameters,
                                               Date trade_date);

}  // namespace cp::calendar
