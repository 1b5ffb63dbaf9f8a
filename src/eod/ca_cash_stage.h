// The corporate-action cash CSDC clears on the run's date (SPEC CLR-2, CLR-7, STL-2, STL-4; seed
// 002 附件4 第23、27条): each event CSDC cleared on D on a channel credits every holder at its
// record date's close (STL-3) with the net RMB — gross × CSDC's rate, less the tax withheld
// (corpactions/dividend.h) — payable by CSDC at D's corporate-action flow (T+1 10:30) and usable
// by the investor that day. The CLR-11 instruction of that settlement day counts the credits of
// its reserve account as "dividends / takeover money receivable" (transfer_stage.h).
//
// A rights issue's or open offer's clearing is the other way round: CSDC collects the
// subscription money of the shares filed for take-up (CA-3) — taken × price at CSDC's rate,
// rounded up to the fen (ca.subscription_rounding [NC]) — as a credit below zero with the same
// payable date, which the transfer counts as corporate-action money payable.
#pragma once

#include <vector>

#include "eod/day_context.h"
#include "eod/eod_results.h"
#include "ledger/journal.h"

namespace cp::eod {

// The credits of every clearing of the date, by event, channel and account. Refuses a holder not
// in the account book and a clearing on a channel closed on D.
Result<std::vector<CaCredit>> clear_ca_cash(DayContext& day);

// The securities the corporate actions distributed since each channel's previous run move (CLR-8;
// corpactions/securities_movement.h), from the holders at each one's close: one "CAS:<event>:<ch>"
// entry per event and channel, each account's holding up or down against the broker's custody
// at CSDC. The holdings of the date's close include them (eod/closing_holdings.h).
Result<std::vector<ledger::Posting>> ca_securities_postings(DayContext& day);

// The journal of the date's credits: one "CA:" entry per credit (ledger::add_ca_credit).
std::vector<ledger::Posting> ca_credit_postings(const std::vector<CaCredit>& credits);

// The journal of the channel's credits of earlier runs that settle after `after` and on or
// before the run's date (CLR-3, STL-4): each investor's credit becomes usable cash, and CSDC
// pays each event's total into the reserve account (a "CSDC:ca:<event>" entry per payable date
// and reserve). Appends to `out`.
Result<void> ca_settlement_postings(DayContext& day, Channel channel, Date after,
                                    std::vector<ledger::Posting>& out);

}  // namespace cp::eod
