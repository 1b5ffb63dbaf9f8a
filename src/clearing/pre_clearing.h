// Pre-clearing on T and each client investor's available funds (SPEC CLR-13, CLR-14; seed 002
// 附件4 第34、37条), computed at T's close for the next trading day.
//
//   cash at T's close   = the latest RMB cash statement (its date S ≤ T)
//                         + Σ trade money settled after S and on or before T (sells − buys,
//                           investor RMB; booked at T+2's end, CLR-3)
//                         − Σ portfolio fees collected after S and on or before T
//   frozen adjustment   = T's buys at the settlement data − what the counter froze for them at
//                         the reference sell rate (第37条: "对T日交易客户的冻结资金进行调整");
//                         positive: more is frozen
//                         + Σ other money settled after S and on or before T (below)
//   available for Southbound buys = cash − unsettled buys − T's portfolio fee (frozen for its
//                         T+1 collection, 第37条) + other money settling after T
//                         + unsettled Southbound sales ([D]: a sale's money may buy Southbound
//                         shares at once; docs/eod.md)
//   available for A shares = cash − unsettled buys − T's portfolio fee + other money settling
//                         after T: Southbound sale money reaches A shares only when it settles,
//                         T+2 (第34条)
// Other money is what CSDC cleared for the investor by T's close outside trading: corporate-action
// cash credited (CLR-7, STL-4: usable from the day after CSDC clears it, the day these figures
// are for) and non-trade transfer fees debited (CLR-10, settled the next Southbound trading day).
// What settles after T counts in both figures at once: a credit is the investor's on T+1 and a fee
// is owed by then ([D], docs/corpactions.md).
// Negative available funds for Southbound are listed and the investor notified, to avoid the
// T+2 overdraft (第37条). A-share sale money of T, usable for Southbound buys the same day
// (第34条), would add to both figures: it comes from the A-share system, not an input here.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"

namespace cp::clearing {

// One trade date's money of one investor (both channels together), investor RMB.
struct InvestorTradeMoney {
  Date trade_date;
  Date settlement_date;
  Decimal buys_rmb;
  Decimal sells_rmb;
};

// Money other than trades (see above), investor RMB: a credit above zero, a debit below.
struct InvestorOtherMoney {
  Date settlement_date;
  Decimal rmb;
};

struct PreClearingInputs {
  Date business_date;  // T
  Date cash_statement_date;
  Decimal cash_statement_rmb;
  // Every trade date of the investor settling after the statement: settled by T's close or not.
  std::vector<InvestorTradeMoney> trades;
  Decimal fees_collected_since_rmb;  // collected after the statement, on or before T
  Decimal portfolio_fee_rmb;         // charged at T, collected T+1
  Decimal frozen_at_reference_rmb;   // what T's buys froze during the day
  // Cleared on or before T and settling after the statement: settled by T's close or not.
  std::vector<InvestorOtherMoney> other_money;
};

struct PreClearing {
  Decimal settled_since_rmb;  // sells − buys settled after the statement
  Decimal cash_rmb;           // at T's close
  Decimal unsettled_buys_rmb;
  Decimal unsettled_sells_rmb;
  Decimal todays_buys_rmb;
  Decimal frozen_adjustment_rmb;
  Decimal available_southbound_rmb;
  Decimal available_a_share_rmb;
  bool notify = false;              // available for Southbound below zero
  Decimal other_settled_since_rmb;  // other money settled after the statement, by T's close
  Decimal other_unsettled_rmb;      // other money settling after T
};

// REQUIRES amounts in fen; trade dates on or before T.
PreClearing pre_clear(const PreClearingInputs& inputs);

}  // namespace cp::clearing
