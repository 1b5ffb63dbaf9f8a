// The checks a mainland broker applies before forwarding a Southbound order, in order; the
// first that fails decides (rule ids from SPEC; SESSION and POS cite research/domain-facts.md
// §4.1 and §4.2, docs/trading.md):
//   SUIT    the investor holds the channel's Southbound permission (SUIT-1, SUIT-2), and a buy
//           waits while its risk assessment has expired (SUIT-6): read from the registry
//   SESSION the phase takes new orders, of this type
//   TRD-1/2 the security is eligible; sell-only holdings cannot be bought
//   TRD-6   board lots (odd lots only sold, in continuous trading, under one lot), at most the
//           maximum lots, price on the tick
//   POS     pre-opening input within ±band of the previous close (from 2020-10-19)
//   TRD-5   closing auction: covered security, within ±5% of the reference price; from the
//           no-cancellation period also between the lowest ask and the highest bid of the book
//           when order input ended (auction.h no_cancel_range)
//   TRD-4   inside a VCM cooling-off, within its band
//   TRD-3   a buy needs quota; an accepted buy takes its value from the quota
#pragma once

#include <optional>
#include <string>

#include "core/market.h"
#include "trading/eligibility.h"
#include "trading/quota.h"
#include "trading/tick.h"
#include "trading/vcm.h"

namespace cp::trading {

// One security's state on the day.
struct SecurityDay {
  std::string code;
  int64_t board_lot = 0;
  Eligibility eligibility = Eligibility::kNotEligible;
  std::string eligibility_reason;
  bool cas_covered = false;
  VcmMonitor vcm;
  std::optional<Decimal> previous_close;
  std::optional<Decimal> best_bid;
  std::optional<Decimal> best_ask;
  std::optional<Decimal> cas_reference;
  // The book when closing-auction order input ended (16:06:00; 12:06:00 on a half day): the
  // no-cancellation period's limits (TRD-5), fixed then whatever the live book does after.
  std::optional<Decimal> cas_input_end_bid;
  std::optional<Decimal> cas_input_end_ask;
};

// What holds for every order of the day.
struct DayRules {
  Channel channel = Channel::kShanghai;
  DayShape shape;
  std::optional<Decimal> opening_band;  // ratio; none before the 2020 POS enhancement
  std::optional<Decimal> closing_band;  // ratio; none before the closing auction existed
  int64_t max_board_lots = 3000;
  TickLadder ticks;
};

// The investor's standing on the channel that day, as the permission registry has it (the shell
// reads it: investors/reassessment.h, store/investor_permission_store.h).
struct Standing {
  bool permitted = false;    // holds the channel's permission on the day (SUIT-1, SUIT-2)
  std::string buys_refused;  // not empty: why new buys wait (the assessment expired, SUIT-6)
};

struct OrderRequest {
  int at_s = 0;
  Side side = Side::kBuy;
  Decimal price;
  int64_t price_milli = 0;  // price × 1000 (to_milli); REQUIRES: price has ≤ 3 decimals
  int64_t quantity = 0;
  std::optional<OrderType> type;  // none: the phase's own type
  // None when the order names no investor (a replay of the market's rules only).
  std::optional<Standing> standing;
};

struct Verdict {
  bool accepted = true;
  const char* rule = "";
  std::string message;  // empty when accepted
};

// Checks an order; an accepted buy is charged to the quota.
Verdict check_order(const OrderRequest& order, const SecurityDay& security, const DayRules& rules,
                    QuotaTracker& quota);

// Whether a cancellation is allowed at `at_s`.
Verdict check_cancel(int at_s, const DayRules& rules);

}  // namespace cp::trading
