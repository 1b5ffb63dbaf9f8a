// The EOD run's exceptions: each client account's overdraft (projected cash below zero after the
// day's trading money and portfolio fee: the broker advances it from own funds and charges
// penalty interest, SPEC CLR-12, CLR-14), and each reserve account's settlement default from the
// balances after CSDC's 10:30 and 18:00 batches (CLR-16). Penalties accrue over the date and the
// calendar days before the next Southbound trading day.
#pragma once

#include <vector>

#include "clearing/client_clearing.h"
#include "eod/day_context.h"
#include "eod/eod_results.h"

namespace cp::eod {

// Overdrafts by account, then defaults by channel:reserve. Refuses (naming it) a charged client
// account without an RMB cash statement on or before the date.
Result<std::vector<MoneyException>> find_exceptions(DayContext& day,
                                                    const clearing::ClearingResult& result,
                                                    const std::vector<InvestorPortfolioFee>& fees);

}  // namespace cp::eod
