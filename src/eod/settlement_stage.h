// The EOD run's settlement-day entries (SPEC CLR-3, STL-2; seed 002 附件4 第21条): the run of D
// posts what settled on each channel after the previous Southbound trading day and on or before
// D — so a settlement day without a run of its own (a mainland holiday, a typhoon's deferral) is
// posted by the next run. Per trade date settling: each investor's money moves from unsettled to
// cash on the trading-money date (Art.40: investors' clearing dates follow CSDC's), its shares
// into holdings on the securities date, and each reserve account pays or receives CSDC's net on
// its STL-2 date and pays the portfolio fees collected then.
#pragma once

#include <vector>

#include "eod/day_context.h"
#include "ledger/journal.h"
#include "store/journal_store.h"

namespace cp::eod {

// The channel's previous Southbound trading day before D, or the look-back's start: the run of D
// posts what fell after it (a day without a run of its own is posted by the next one).
Result<Date> previous_run_date(const DayContext& day,
                               const calendar::SouthboundCalendar& southbound);

// Refuses (naming it) a trade date with trades on the channel settling in the window whose EOD
// has not been run.
Result<std::vector<ledger::Posting>> settlement_entries(DayContext& day);

// Settlement delays (SPEC CLR-18; seed 002 附件4 第40条): every earlier trade date still to
// settle whose STL-2 trading-money date the calendar now puts elsewhere (a holiday, a typhoon or
// a half day added since its run) has its investors' clearing date and CSDC's dates to move
// (`moves`, which the run stores before the other stages read the stored dates); the investors
// of a trade date planned to settle after the previous run and on or before D but moved are in
// `delays`, to be told (an overdraft it causes is then advanced like any other).
struct SettlementMove {
  Date trade_date;
  Channel channel = Channel::kShanghai;
  Date payable_date;
  Date receivable_date;
};
// A portfolio fee whose collection date the calendar now puts elsewhere: it is collected with the
// trading money of the day it moves to (第22条, 第40条).
struct FeeCollectionMove {
  Date business_date;
  Channel channel = Channel::kShanghai;
  Date collection_date;
};
struct DelayedSettlements {
  std::vector<SettlementMove> moves;
  std::vector<store::SettlementDelay> delays;
  std::vector<FeeCollectionMove> fee_moves;
};
Result<DelayedSettlements> delayed_settlements(DayContext& day);

}  // namespace cp::eod
