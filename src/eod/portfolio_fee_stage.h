// The EOD run's portfolio-fee stage (SPEC CLR-6 证券组合费): every investor holding on a channel
// that trades on the date pays, from the date's holdings and closes, for the date and the
// calendar days before the channel's next Southbound trading day; collected on the STL-2
// portfolio-fee day, with a journal charge entry "PF:<account>:<channel>" per fee above zero.
#pragma once

#include <string>
#include <vector>

#include "eod/day_context.h"
#include "eod/eod_results.h"
#include "ledger/journal.h"

namespace cp::eod {

struct PortfolioFees {
  std::vector<InvestorPortfolioFee> fees;  // by channel, then account
  std::vector<ledger::Posting> charges;
};

// Refuses (naming it) a held security without a close, or a channel with holders but no rates.
Result<PortfolioFees> charge_portfolio_fees(DayContext& day);

// The client accounts' fees of `fees`, by account (the order the later stages merge in).
std::vector<const InvestorPortfolioFee*> client_fees_by_account(
    const std::vector<InvestorPortfolioFee>& fees);

}  // namespace cp::eod
