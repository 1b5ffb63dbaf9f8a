// The EOD run's pre-clearing stage (SPEC CLR-13, CLR-14; seed 002 附件4 第34、37条): for each
// client investor with money or fees at stake at T's close, its cash rolled forward from its
// statement, the frozen funds adjusted to the settlement data, T's portfolio fee frozen, and its
// available funds for Southbound and for A shares with the corporate-action cash and non-trade
// transfer fees they include (clearing/pre_clearing.h); those below zero for Southbound are to be
// notified.
#pragma once

#include <vector>

#include "clearing/client_clearing.h"
#include "eod/day_context.h"
#include "eod/eod_results.h"
#include "store/investor_funds_store.h"

namespace cp::eod {

// By account. An account is at stake with T's trades, fees or frozen buys, trade money still
// unsettled, or other money (T's `ca_credits` and `non_trade_fees`, and earlier runs') settling
// after T. Refuses (naming it) a client account at stake without an RMB cash statement on or
// before the date.
Result<std::vector<store::PreClearingRow>> pre_clear_investors(
    DayContext& day, const clearing::ClearingResult& result,
    const std::vector<InvestorPortfolioFee>& fees, const std::vector<CaCredit>& ca_credits,
    const std::vector<NonTradeFee>& non_trade_fees);

}  // namespace cp::eod
