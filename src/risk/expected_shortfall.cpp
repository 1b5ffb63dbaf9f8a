#include "risk/expected_shortfall.h"

#include <algorithm>

#include "risk/price_history.h"

namespace cp::risk {

int64_t tail_count(const Decimal& confidence_level, int64_t scenario_count) {
  CP_ASSERT(confidence_level.sign() > 0 && confidence_level < Decimal::from_int(1),
            "confidence level in (0, 1)");
  CP_ASSERT(scenario_count >= 1, "at least one scenario");
  const Decimal tail =
      (Decimal::from_int(1) - confidence_level) * Decimal::from_int(scenario_count);
  return static_cast<int64_t>(tail.round(0, Rounding::kCeiling).units());
}

std::vector<int64_t> scenario_pnls(const std::vector<int64_t>& market_values_hkd,
                                   const std::vector<std::vector<Decimal>>& returns,
                                   size_t scenario_count) {
  CP_ASSERT(market_values_hkd.size() == returns.size(), "one row of returns per instrument");
  // A term's units are at kReturnScale; half a dollar is 5 × 10^(scale − 1) units.
  Int128 one = 1;
  for (int i = 0; i < kReturnScale; ++i) one *= 10;
  const Int128 half = one / 2;
  std::vector<int64_t> pnls(scenario_count, 0);
  for (size_t i = 0; i < returns.size(); ++i) {
    CP_ASSERT(returns[i].size() == scenario_count, "every instrument has every scenario");
    const Int128 value = market_values_hkd[i];
    for (size_t j = 0; j < scenario_count; ++j) {
      const Decimal& r = returns[i][j];
      CP_ASSERT(r.scale() == kReturnScale, "returns at the return scale");
      const Int128 term = value * r.units();
      const Int128 rounded = term >= 0 ? (term + half) / one : -((-term + half) / one);
      pnls[j] += static_cast<int64_t>(rounded);
    }
  }
  return pnls;
}

Decimal expected_shortfall(std::vector<int64_t> pnls, int64_t tail) {
  CP_ASSERT(tail >= 1 && static_cast<size_t>(tail) <= pnls.size(), "tail within the scenarios");
  std::nth_element(pnls.begin(), pnls.begin() + (tail - 1), pnls.end());
  Int128 sum = 0;
  for (int64_t i = 0; i < tail; ++i) sum += pnls[static_cast<size_t>(i)];
  return divide(Decimal::from_units(sum, 0), Decimal::from_int(tail), 2, Rounding::kHalfUp);
}

}  // namespace cp::risk
