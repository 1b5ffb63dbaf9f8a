// Closing a Southbound permission at the counter (SPEC SUIT-5; seed 002 附件2 第12条): refused
// while the investor traded HK shares that day, has HK trades whose securities have not settled,
// or HK sale money not yet settled. Read from the EOD's records of the investor's trades (their
// settlement dates by the Southbound calendar, STL-2, typhoons and holidays included), not from
// a flag. Pure: the shell passes the trades.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "core/market.h"

namespace cp::investors {

// One of the investor's trades on the channel, with its settlement dates as scheduled.
struct TradeOnRecord {
  std::string trade_id;
  Date trade_date;
  Side side = Side::kBuy;
  Date securities_settlement_date;  // T+2 at the day's end (STL-1)
  Date money_settlement_date;       // a sale's money: T+2 18:00 (STL-2)
  Decimal amount_rmb;               // the trade's money
};

struct ClosingCheck {
  bool allowed = false;
  std::vector<std::string> reasons;  // each refusal, naming the trades
};

// [D] docs/investors.md: a counter closes during the day, before the day's settlement, so a
// trade whose securities settle `today` is still unsettled, and so is sale money settling today
// (18:00).
ClosingCheck check_closing(const std::vector<TradeOnRecord>& trades, Date today);

}  // namespace cp::investors
