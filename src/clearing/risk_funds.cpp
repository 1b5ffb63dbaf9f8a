#include "clearing/risk_funds.h"

#include <algorithm>

namespace cp::clearing {

Result<RiskFunds> compute_risk_funds(const RiskFundsInputs& inputs) {
  struct Position {
    int64_t quantity = 0;
    Decimal value_hkd;
  };
  std::map<std::string, Position> positions;
  for (const Execution* e : inputs.unsettled) {
    Position& p = positions[e->security_code];
    const bool buy = e->side == Side::kBuy;
    p.quantity += buy ? e->quantity : -e->quantity;
    p.value_hkd += buy ? e->consideration_hkd() : -e->consideration_hkd();
  }
  const Decimal zero = Decimal::from_units(0, 2);
  RiskFunds funds{zero, zero, zero, zero, zero, zero, zero, zero, zero};
  for (const auto& [code, p] : positions) {
    auto close = inputs.closes_hkd.find(code);
    if (close == inputs.closes_hkd.end()) {
      return rule_violation("no closing price for " + code + " to mark its unsettled position");
    }
    const Decimal market_value = close->second * Decimal::from_int(p.quantity);
    funds.marks_hkd += market_value - p.value_hkd;
    if (p.quantity > 0) funds.long_value_hkd += market_value;
    if (p.quantity < 0) {
      funds.short_value_hkd -= market_value;
      auto held = inputs.holdings.find(code);
      if (held != inputs.holdings.end()) {
        funds.collateral_hkd += close->second * Decimal::from_int(held->second);
      }
    }
  }
  funds.marks_payable_hkd = funds.marks_hkd.is_negative() ? -funds.marks_hkd : zero;
  funds.margin_position_hkd = std::max({funds.long_value_hkd - funds.collateral_hkd,
                                        funds.short_value_hkd - funds.collateral_hkd, zero});
  funds.margin_hkd = (funds.margin_position_hkd * inputs.margin_rate * inputs.margin_multiplier)
                         .round(2, Rounding::kHalfUp);
  funds.risk_funds_hkd = (funds.marks_payable_hkd + funds.margin_hkd).round(2, Rounding::kHalfUp);
  funds.risk_funds_rmb =
      (funds.risk_funds_hkd * inputs.rate_rmb_per_hkd).round(2, Rounding::kHalfUp);
  return funds;
}

}  // namespace cp::clearing
