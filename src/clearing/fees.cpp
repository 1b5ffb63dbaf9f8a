#include "clearing/fees.h"

namespace cp::clearing {

DayFees DayFees::for_date(const refdata::FeeSchedule& schedule, Date date) {
  DayFees fees;
  for (size_t i = 0; i < refdata::kFeeCodes.size(); ++i) {
    if (const auto* entry = schedule.in_force(refdata::kFeeCodes[i], date))
      fees.rules_[i] = entry->row;
  }
  return fees;
}

void DayFees::compute_into(const Decimal& consideration_hkd, bool etf,
                           FeeBreakdown& breakdown) const {
  const Decimal zero = Decimal::from_units(0, 2);
  // Every line is at 2 decimals: the total starts there too, so each sum is one of equal scales.
  breakdown.total_hkd = zero;
  for (size_t i = 0; i < rules_.size(); ++i) {
    Decimal amount = zero;
    if (const auto& rule = rules_[i]; rule && (!etf || rule->applies_to_etf)) {
      amount = rule->per_trade
                   ? rule->amount_hkd
                   : (consideration_hkd * rule->rate).round(rule->scale, rule->rounding);
      if (rule->min_hkd && amount < *rule->min_hkd) amount = *rule->min_hkd;
      if (rule->max_hkd && amount > *rule->max_hkd) amount = *rule->max_hkd;
      amount = amount.round(2, Rounding::kHalfUp);  // exact: every line is at ≤ 2 decimals here
    }
    breakdown.lines[i] = {refdata::kFeeCodes[i], amount};
    breakdown.total_hkd += amount;
  }
  CP_ASSERT(breakdown.total_hkd.sign() >= 0, "fees are never negative");
}

}  // namespace cp::clearing
