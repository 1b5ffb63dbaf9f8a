// The broker's Southbound book under stress (SPEC ORG-4; seed 002 附件1 第26条: a participant
// stress-tests its Southbound business), per channel and reserve account, from the day's run.
//   book        ReserveDay::book_shares: the unsettled net position per security (what CSDC
//               margins, CLR-9), plus for the own reserve the firm's holdings at the close
//               (its proprietary book; a client's fully paid holdings are the client's risk
//               [D]), at D's closes, each to the cent
//   scenarios   data/stress_scenarios.csv in force on D (risk/stress_scenarios.h: HKSCC's HK
//               market ±22 %, structured products −100 %, a security's own shock), one result
//               per scenario; the historical one is the book's worst day over the HVaR
//               look-back's unfiltered daily returns where the day's risk funds read the price
//               history (risk.margin_method hkscc_rpf) and every return is there, otherwise
//               shown as not applicable
//   collateral  what CSDC holds against the reserve: its risk funds of the day, HKD [D]
//   shortfall   max(0, loss − collateral): what the broker would bear
#pragma once

#include <vector>

#include "eod/day_context.h"
#include "eod/eod_results.h"

namespace cp::eod {

// Every reserve's results in `reserves`' order, scenario by scenario; none when the run has no
// scenario library (csdc_risk not loaded). Refuses a book security without a close.
Result<std::vector<BookStress>> stress_book(DayContext& day,
                                            const std::vector<ReserveDay>& reserves);

}  // namespace cp::eod
