#include "trading/quota.h"

namespace cp::trading {

bool QuotaTracker::can_buy(Phase phase) {
  if (closed_) return false;
  if (balance_rmb_.sign() > 0) return true;
  // Exhausted: from the open of continuous trading on, no more buys today (research §3).
  if (phase != Phase::kPreOpenInput && phase != Phase::kPreOpenMatching) closed_ = true;
  return false;
}

}  // namespace cp::trading
