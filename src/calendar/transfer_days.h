// Which settlement days' morning funds transfer the EOD run of a trading day instructs, and
// which trade dates pay or receive trading money on each (SPEC CLR-11, STL-2; seed 002 附件4
// 第27条; research/risk-and-obligations.md §3).
//
// The transfer of settlement day S is computed the morning of S, before the 10:00 funding
// deadline, from what is known at the close of the last trading day before it. So the run of
// trading day D instructs every money day S with first(D) ≤ S < first(D'), where first(X) is
// the earliest STL-2 flow date of X's trades (its T+1 risk funds) and D' the channel's next
// Southbound trading day. The window is empty when D' is traded before first(D) moves (the half
// day of Christmas Eve: the 23rd's run instructs nothing, the 24th's instructs the 27th), and
// holds several days when D' is far (pre-2023 closures: the money of a trade date that rolled
// past a mainland holiday settles on a day no run precedes directly). [D], docs/eod.md.
#pragma once

#include <vector>

#include "calendar/settlement.h"
#include "calendar/southbound_calendar.h"

namespace cp::calendar {

// One trade date whose trading money moves on a settlement day: the net payable moves at the
// 10:30 batch of `payable_on`, the net receivable at 18:00 of `receivable_on` (STL-2).
struct TradeDateMoney {
  Date trade_date;
  Date payable_on;
  Date receivable_on;
};

struct TransferDay {
  Date settlement_date;
  // Trade dates whose payable or receivable date is `settlement_date`, oldest first.
  std::vector<TradeDateMoney> trade_dates;
};

// The settlement days the run of `trading_day` instructs, in date order (possibly none). When
// the calendar data ends before the next trading day, only first(trading_day) is instructed.
// REQUIRES nothing of trading_day: a day that is not a Southbound trading day is a rule
// violation saying why.
Result<std::vector<TransferDay>> transfer_days(const SouthboundCalendar& calendar,
                                               const refdata::ParameterTable& parameters,
                                               Date trading_day);

// The earliest money flow of a trade date's schedule (its T+1 10:30 risk funds).
Date first_money_day(const SettlementSchedule& schedule);

}  // namespace cp::calendar
