// The daily quota of one channel (SPEC TRD-3; research/domain-facts.md §3):
//   balance = daily quota − buy orders + sell trades + cancelled or SEHK-rejected buy orders
//             + price improvement on executed buys
// in RMB; HKD order values are converted at one rate for the day (fx_rate, RMB per HKD; which
// rate is [NC], docs/trading.md). When the balance is zero or below, buy orders are refused.
// From 09:30 that lasts for the rest of the day; in the pre-opening order input, buys are taken
// again if cancellations restore a positive balance. An order is checked against the balance
// before it: the order that exhausts the quota is itself accepted.
#pragma once

#include "core/decimal.h"
#include "trading/session.h"

namespace cp::trading {

class QuotaTracker {
 public:
  QuotaTracker(Decimal daily_quota_rmb, Decimal fx_rate_rmb_per_hkd)
      : balance_rmb_(daily_quota_rmb), fx_rate_(fx_rate_rmb_per_hkd) {}

  // Whether a buy order may be accepted now. Latches the day closed when the balance is
  // exhausted in or after continuous trading.
  bool can_buy(Phase phase);
  // Notes the phase at an event: a balance at zero or below seen from 09:30 on closes buying
  // for the day even if a later sell or cancellation lifts it again (research §3).
  void observe(Phase phase);
  void on_buy_accepted(const Decimal& value_hkd) { balance_rmb_ -= value_hkd * fx_rate_; }
  // A cancelled or SEHK-rejected buy: the unfilled part's value comes back.
  void on_buy_released(const Decimal& value_hkd) { balance_rmb_ += value_hkd * fx_rate_; }
  // An executed buy below its order price: the difference comes back.
  void on_buy_improvement(const Decimal& value_hkd) { balance_rmb_ += value_hkd * fx_rate_; }
  void on_sell_executed(const Decimal& value_hkd) { balance_rmb_ += value_hkd * fx_rate_; }

  const Decimal& balance_rmb() const { return balance_rmb_; }
  bool closed_for_the_day() const { return closed_; }

 private:
  Decimal balance_rmb_;  // exact; rounded only for display
  Decimal fx_rate_;
  bool closed_ = false;
};

}  // namespace cp::trading
