// The double-entry journal (DESIGN "Key decisions"; SPEC CLR-17): every movement of money (per
// currency) or securities (per security) is an entry of postings that sum to zero per asset.
//
// Accounts and what a positive balance means (the broker's liabilities positive, its assets
// negative, so that every entry sums to zero):
//   investor_cash:<account>                 the investor's money with the broker (broker owes it)
//   investor_unsettled:<account>            the investor's trade money not yet settled: negative
//                                           for what its buys will take, positive for sales
//   investor_securities:<account>           shares the investor is to receive (+) or deliver (−)
//   investor_holdings:<account>             shares the broker holds for the investor
//   csdc_settlement:<channel>:<reserve>     money the broker owes CSDC on that reserve account
//   csdc_reserve:<channel>:<reserve>        the broker's reserve account at CSDC (an asset: a
//                                           payment out of it posts +, money in posts −)
//   csdc_securities:<channel>               shares CSDC is to deliver (−) or receive (+)
//   custody:<channel>                       the shares at CSDC in the broker's name (an asset)
//   commission_income                       the broker's commission (own money)
// Trade money reaches the investor's cash at the end of its settlement day (SPEC CLR-3; seed 002
// 附件4 第21条): the trade date books it as unsettled, the settlement day moves it.
// Assets: "CNY", or "security:<code>" for quantities of shares.
// Client money and own money never share an account: an entry of a client account settles
// through the channel's client reserve, an own account through the own reserve.
#pragma once

#include <string>
#include <vector>

#include "clearing/client_clearing.h"
#include "core/date.h"

namespace cp::ledger {

struct Posting {
  std::string entry;    // the entry it belongs to (a trade id)
  std::string account;  // see above
  std::string asset;    // "CNY" or "security:<code>"
  Decimal amount;
};

// The trade date's obligation entry of one investor on one channel ("TRADES:<account>:<ch>"):
// the money of all the investor's executions on the channel and the net quantity of each
// security. Per-execution detail stays in the execution results; the journal carries what moves.
// Appends to `out`.
void add_trade_date_entry(const clearing::InvestorObligation& investor, std::vector<Posting>& out);

// Every investor's entry, in the investors' order (all at once: tests and small days; the EOD
// run writes entry by entry, since a busy day's journal has tens of millions of postings).
std::vector<Posting> trade_date_postings(const clearing::ClearingResult& result);

// The settlement of one trade-date entry ("TRADES:<account>:<channel>" postings, as written):
// "SETTLE:<trade date>:<account>:<channel>" moves its money from investor_unsettled to
// investor_cash (`money` true), or its shares from investor_securities to investor_holdings,
// CSDC delivering from csdc_securities into custody (`money` false); the two legs can fall on
// different days (a typhoon defers only the money, CAL-6). Appends to `out`.
void add_settlement_entry(const std::vector<Posting>& trades_entry, Date trade_date, bool money,
                          std::vector<Posting>& out);

// The broker's settlement with CSDC on a reserve account ("CSDC:<what>:<date>:<ch>:<reserve>"):
// what it owed on csdc_settlement is paid out of csdc_reserve (a receivable, negative, comes in).
void add_csdc_payment(const std::string& what, Date date, Channel channel, MoneyKind reserve,
                      const Decimal& amount_rmb, std::vector<Posting>& out);

// A charge to an investor collected for CSDC (the portfolio fee): the investor's cash goes down,
// the broker owes CSDC on the investor's reserve account.
void add_charge(std::vector<Posting>& postings, const std::string& entry,
                const std::string& account_id, Channel channel, MoneyKind reserve,
                const Decimal& amount_rmb);

// A corporate action's cash credited to an investor on CSDC's clearing date (SPEC CLR-7; entry
// "CA:<event>:<account>:<channel>"): the investor is owed it, not yet usable (investor_unsettled
// +), and CSDC owes it to the broker on the account's reserve (csdc_settlement −). A take-up's
// subscription is the same entry below zero: the investor owes it, and the reserve owes CSDC.
void add_ca_credit(std::vector<Posting>& postings, const std::string& event_id,
                   const std::string& account_id, Channel channel, MoneyKind reserve,
                   const Decimal& net_rmb);

// Its settlement day (STL-2 T+1 10:30, STL-4: usable from then; entry
// "CA_SETTLE:<event>:<account>:<channel>"): from investor_unsettled to investor_cash. CSDC's
// payment of the event's total is add_csdc_payment("ca:<event>", …, −total).
void add_ca_settlement(std::vector<Posting>& postings, const std::string& event_id,
                       const std::string& account_id, Channel channel, const Decimal& net_rmb);

struct Break {
  std::string entry;
  std::string message;
};

// Every break of the journal's rules: an entry whose postings do not sum to zero for an asset,
// and an entry mixing client and own money. Postings are checked a run of one entry at a time
// (memory stays that of one entry): an entry's postings must be adjacent, as they are when
// written or read back ordered by entry; an entry split in two runs is checked as two, which can
// only report more breaks, never fewer.
std::vector<Break> check_journal(const std::vector<Posting>& postings);

}  // namespace cp::ledger
