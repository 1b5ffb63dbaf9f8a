// The Volatility Control Mechanism for one security on one day (SPEC TRD-4;
// research/domain-facts.md §4.3). A trade that would deviate by more than the band from the
// reference price (the last trade at least `lookback` earlier) triggers a cooling-off period in
// which trades and orders must stay within the band around that reference. Monitoring skips the
// first minutes of each continuous session and the last minutes of the day (of the morning on a
// half day); at most one trigger per session. Exactly at the band's edge does not trigger.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "core/decimal.h"
#include "trading/session.h"

namespace cp::trading {

struct VcmRules {
  bool covered = false;  // the security is in the VCM's scope that day
  Decimal band;          // ratio, e.g. 0.10
  int lookback_s = 300;
  int cooling_off_s = 300;
  int start_exclusion_s = 900;
  int end_exclusion_s = 900;
};

struct VcmTrigger {
  int at_s = 0;
  int until_s = 0;  // cooling-off ends (exclusive)
  Decimal reference;
  Decimal lower;
  Decimal upper;
  Decimal trigger_price;
};

class VcmMonitor {
 public:
  VcmMonitor(VcmRules rules, DayShape shape) : rules_(std::move(rules)), shape_(shape) {}

  // A trade or potential trade at `at_s` (seconds since midnight, non-decreasing). Returns the
  // trigger when this price fires the VCM; then the price is not recorded as traded.
  std::optional<VcmTrigger> on_trade(int at_s, const Decimal& price);
  // A trade that happened (our own execution): recorded as a reference, never a trigger.
  void record_trade(int at_s, const Decimal& price) { trades_.emplace_back(at_s, price); }
  // The cooling-off in force at `at_s`, or nullptr.
  const VcmTrigger* cooling_off_at(int at_s) const;
  // The last traded price at or before `at_s`.
  std::optional<Decimal> last_price_at(int at_s) const;
  bool monitored_at(int at_s) const;

 private:
  VcmRules rules_;
  DayShape shape_;
  std::vector<std::pair<int, Decimal>> trades_;
  bool triggered_in_session_[2] = {false, false};
  std::optional<VcmTrigger> last_trigger_;
};

}  // namespace cp::trading
