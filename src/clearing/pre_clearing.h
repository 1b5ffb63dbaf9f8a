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
//   available for Southbound buys = cash − unsettled buys − T's portfolio fee (frozen for its
//                         T+1 collection, 第37条) + unsettled Southbound sales ([D]: a sale's
//                         money may buy Southbound shares at once; docs/eod.md)
//   available for A shares = cash − unsettled buys − T's portfolio fee: Southbound sale money
//                         reaches A shares only when it settles, T+2 (第34条)
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

struct PreClearingInputs {
  Date business_date;  // T
  Date cash_statement_date;
  Decimal cash_statement_rmb;
  // Every trade date of the investor settling after the statement: settled by T's close or not.
  std::vector<InvestorTradeMoney> trades;
  Decimal fees_collected_since_rmb;  // collected after the statement, on or before T
  Decimal portfolio_fee_rmb;         // charged at T, collected T+1
  Decimal frozen_at_reference_rmb;   // what T's buys froze during the day
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
  bool notify = false;  // available for Southbound below zero
};

// REQUIRES amounts in fen; trade dates on or before T.
PreClearing pre_clear(const PreClearingInputs& inputs);

}  // namespace cp::clearing
