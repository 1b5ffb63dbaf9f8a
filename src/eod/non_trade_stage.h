// CSDC's non-trade transfers cleared on the run's date (SPEC CLR-10, CLR-20; seed 002 附件4
// 第14、26条; corpactions/non_trade_transfer.h): the shares move at the date's close (the holdings
// of every stage read them: eod/closing_holdings.h), and the transfer fee and stamp duty CSDC's
// data names are debited to its account and settled with CSDC on the next Southbound trading
// day, 10:30 (STL-2 "other non-trade funds").
//
// Chosen [D] (docs/corpactions.md): the fees are not a term of the CLR-11 transfer — the seed's
// formula (第27条) names trading money, risk funds, the portfolio fee and dividends only; they
// are paid out of the reserve's balance with the 10:30 batch.
#pragma once

#include <vector>

#include "eod/day_context.h"
#include "eod/eod_results.h"
#include "ledger/journal.h"

namespace cp::eod {

// The fees of every transfer of the date, by transfer id. Refuses a transfer on a channel that
// does not trade on D, and an account of it not in the account book.
Result<std::vector<NonTradeFee>> debit_non_trade_fees(DayContext& day);

// The journal of the date's transfers, one "NTT:<id>" entry each: the fees owed by the account to
// CSDC on its reserve (investor_unsettled −, csdc_settlement +), and the shares from one account's
// holdings to the other's (none for a pledge). REQUIRES: `fees` are debit_non_trade_fees(day)'s,
// one per transfer in the same order.
std::vector<ledger::Posting> non_trade_postings(const DayContext& day,
                                                const std::vector<NonTradeFee>& fees);

// The journal of the channel's fees of earlier runs settling after `after` and on or before the
// run's date: the account's cash pays them ("NTT_SETTLE:<id>") and the reserve pays CSDC each
// day's total ("CSDC:non_trade:<settlement date>"). Appends to `out`.
Result<void> non_trade_settlement_postings(DayContext& day, Channel channel, Date after,
                                           std::vector<ledger::Posting>& out);

}  // namespace cp::eod
