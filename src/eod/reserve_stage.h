// The EOD run's reserve-account stage: per channel and reserve account (client, own), the risk
// funds over the trades not yet settled at the date's close (SPEC CLR-9) and the day's
// funds-transfer instruction between the bank and the CSDC reserve (CLR-11, with the 18:00
// portfolio fee in the 10:30 calculation, seed 002 附件4 第42条).
#pragma once

#include <vector>

#include "clearing/client_clearing.h"
#include "eod/day_context.h"
#include "eod/eod_run.h"

namespace cp::eod {

// Every channel and reserve account with unsettled trades, a CSDC net or a portfolio fee, in
// that key order. Refuses (naming it) an unsettled security without a close, missing rates, or
// a reserve account without a balance before the date.
Result<std::vector<ReserveDay>> settle_reserves(DayContext& day,
                                                const std::vector<clearing::Execution>& todays,
                                                const clearing::ClearingResult& result,
                                                const std::vector<InvestorPortfolioFee>& fees);

}  // namespace cp::eod
