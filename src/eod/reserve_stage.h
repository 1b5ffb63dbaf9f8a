// The EOD run's reserve-account stage: per channel and reserve account (client, own), the risk
// funds over the trades not yet settled at the date's close (SPEC CLR-9), due at the next
// settlement day (T+1 10:30). The transfers that pay them are transfer_stage.h's.
#pragma once

#include <vector>

#include "clearing/client_clearing.h"
#include "eod/day_context.h"
#include "eod/eod_results.h"

namespace cp::eod {

// Every channel and reserve account with unsettled trades, a CSDC net or a portfolio fee, in
// that key order. Refuses (naming it) an unsettled security without a close or missing rates.
Result<std::vector<ReserveDay>> settle_reserves(DayContext& day,
                                                const clearing::ClearingResult& result,
                                                const std::vector<InvestorPortfolioFee>& fees);

}  // namespace cp::eod
