// The EOD run's transfer stage: the CLR-11 instruction of every settlement day this run
// instructs (calendar/transfer_days.h), per channel and reserve account, each term from what is
// known at the date's close: CSDC's reserve balance, the stored nets of the trade dates whose
// trading money moves that day, the risk funds this run computed and the ones they replace, the
// portfolio fees collected that day, the corporate-action cash CSDC pays that day (this run's
// credits and earlier runs') (SPEC CLR-11; seed 002 附件4 第27、42条).
#pragma once

#include <vector>

#include "clearing/client_clearing.h"
#include "clearing/funds_transfer.h"
#include "eod/day_context.h"
#include "eod/eod_results.h"
#include "store/transfer_store.h"

namespace cp::eod {

// Refuses, naming what is missing: a reserve account with a term but no imported balance on or
// before the date, and a trade date with trades on the channel whose trading money moves on an
// instructed day but whose EOD has not been run.
Result<std::vector<clearing::TransferInstruction>> instruct_transfers(
    DayContext& day, const clearing::ClearingResult& result,
    const std::vector<ReserveDay>& reserves, const std::vector<InvestorPortfolioFee>& fees,
    const std::vector<CaCredit>& ca_credits);

// The transfers of the date recomputed and reissued after its 10:30 batch left a reserve account
// short (CLR-19, 第42条), from the imported reserve checks and the instruction a run made for it.
Result<std::vector<store::ReissueRow>> reissue_transfers(DayContext& day);

}  // namespace cp::eod
