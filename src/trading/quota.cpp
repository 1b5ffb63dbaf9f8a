#include "trading/quota.h"

namespace cp::trading {

namespace {
bool before_continuous_trading(Phase phase) {
  return phase == Phase::kClosed || phase == Phase::kPreOpenInput ||
         phase == Phase::kPreOpenMatching;
}
}  // namespace

void QuotaTracker::observe(Phase phase) {
  // Exhausted: from the open of continuous trading on, no more buys today (research §3).
  if (balance_rmb_.sign() <= 0 && !before_continuous_trading(phase)) closed_ = true;
}

bool QuotaTracker::can_buy(Phase phase) {
  observe(phase);
  return !closed_ && balance_rmb_.sign() > 0;
}

}  // namespace cp::trading
