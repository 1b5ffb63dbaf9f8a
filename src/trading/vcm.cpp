#include "trading/vcm.h"

#include <algorithm>

namespace cp::trading {

bool VcmMonitor::monitored_at(int at_s) const {
  if (!rules_.covered) return false;
  const int morning_start = hms(9, 30) + rules_.start_exclusion_s;
  const int morning_end = shape_.half_day ? hms(12, 0) - rules_.end_exclusion_s : hms(12, 0);
  if (at_s >= morning_start && at_s < morning_end) return true;
  if (shape_.half_day) return false;
  return at_s >= hms(13, 0) + rules_.start_exclusion_s &&
         at_s < hms(16, 0) - rules_.end_exclusion_s;
}

std::optional<Decimal> VcmMonitor::last_price_at(int at_s) const {
  auto after = std::upper_bound(trades_.begin(), trades_.end(), at_s,
                                [](int t, const auto& trade) { return t < trade.first; });
  if (after == trades_.begin()) return std::nullopt;
  return std::prev(after)->second;
}

const VcmTrigger* VcmMonitor::cooling_off_at(int at_s) const {
  if (last_trigger_ && at_s >= last_trigger_->at_s && at_s < last_trigger_->until_s) {
    return &*last_trigger_;
  }
  return nullptr;
}

std::optional<VcmTrigger> VcmMonitor::on_trade(int at_s, const Decimal& price) {
  const int session = at_s < hms(12, 30) ? 0 : 1;
  if (monitored_at(at_s) && !triggered_in_session_[session] && cooling_off_at(at_s) == nullptr) {
    if (auto reference = last_price_at(at_s - rules_.lookback_s)) {
      const Decimal one = Decimal::from_int(1);
      const Decimal lower = *reference * (one - rules_.band);
      const Decimal upper = *reference * (one + rules_.band);
      if (price < lower || price > upper) {
        triggered_in_session_[session] = true;
        last_trigger_ =
            VcmTrigger{at_s, at_s + rules_.cooling_off_s, *reference, lower, upper, price};
        return last_trigger_;
      }
    }
  }
  trades_.emplace_back(at_s, price);
  return std::nullopt;
}

}  // namespace cp::trading
