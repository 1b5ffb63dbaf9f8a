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

namespace cp::eod {

// Refuses (naming it) a trade date with trades on the channel settling in the window whose EOD
// has not been run.
Result<std::vector<ledger::Posting>> settlement_entries(DayContext& day);

}  // namespace cp::eod
