// Closing a Southbound permission at the counter (SPEC SUIT-5; seed 002 附件2 第12条): refused
// while the investor traded HK shares that day, has HK trades whose securities have not settled,
// or HK sale money not yet settled. Read from what the EOD recorded of the investor's trades —
// its results where the trade date has run, the executions imported before that — with their
// settlement dates by the Southbound calendar (STL-1, STL-2; typhoons and holidays included),
// not from a flag. Pure: the shell reads the trades and the schedules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calendar/settlement.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/market.h"

namespace cp::investors {

// One of the investor's trades on the channel as the store holds it.
struct AccountTrade {
  std::string trade_id;
  Date trade_date;
  Side side = Side::kBuy;
  // The investor's RMB as the EOD cleared it (CLR-1); none before the trade date's run.
  std::optional<Decimal> investor_rmb;
};

// A trade with its settlement dates as scheduled.
struct TradeOnRecord {
  std::string trade_id;
  Date trade_date;
  Side side = Side::kBuy;
  Date securities_settlement_date;    // T+2 at the day's end (STL-1)
  Date money_settlement_date;         // a buy's at 10:30, a sale's at 18:00 (STL-2)
  std::optional<Decimal> amount_rmb;  // the investor's money; none before the EOD's run
};

// `trade` with the dates of its trade date's `schedule` (the same date and channel): securities
// at T+2, money on the trading_money_payable day for a buy, trading_money_receivable for a sale.
TradeOnRecord on_record(const AccountTrade& trade, const calendar::SettlementSchedule& schedule);

// The schedules of the channel's trade dates whose trades a closing on `today` must read: today
// when the channel trades, and every earlier Southbound trading day within
// calendar::kSettlementLookBackDays whose securities or money settle on or after today.
// Oldest first.
Result<std::vector<calendar::SettlementSchedule>> unsettled_trade_dates(
    const calendar::SouthboundCalendar& southbound, const refdata::ParameterTable& parameters,
    Date today);

// What the counter knows of today's trades: the executions of `today` imported (kKnown), none
// to import because the channel does not trade today (kNoTrading), or not imported yet.
enum class TodaysTrades : uint8_t { kKnown, kNoTrading, kNotImported };

struct ClosingCheck {
  bool allowed = false;
  std::vector<std::string> reasons;  // each refusal, naming the trades
};

// [D] docs/investors.md: a counter closes during the day, before the day's settlement, so a
// trade whose securities settle `today` is still unsettled, and so is sale money settling today
// (18:00). While today's executions are not imported, today's trades cannot be ruled out: refused.
ClosingCheck check_closing(const std::vector<TradeOnRecord>& trades, Date today,
                           TodaysTrades todays_trades);

}  // namespace cp::investors
