#include "clearing/risk_funds.h"

#include <algorithm>
#include <utility>

namespace cp::clearing {
namespace {

struct Position {
  int64_t quantity = 0;
  Decimal value_hkd;
};

// Net quantity and trade value per (account, security), the account left empty when the
// positions aggregate per reserve account.
std::map<std::pair<std::string, std::string>, Position> positions_of(const RiskFundsInputs& in) {
  std::map<std::pair<std::string, std::string>, Position> positions;
  const bool per_account = in.aggregation == RiskAggregation::kAccountSecurity;
  for (const Execution* e : in.unsettled) {
    Position& p = positions[{per_account ? e->account_id : std::string(), e->security_code}];
    const bool buy = e->side == Side::kBuy;
    p.quantity += buy ? e->quantity : -e->quantity;
    p.value_hkd += buy ? e->consideration_hkd() : -e->consideration_hkd();
  }
  return positions;
}

// Shares of `code` held by `account`, or by all the reserve's accounts when `account` is empty.
int64_t held(const RiskFundsInputs& in, const std::string& account, const std::string& code) {
  int64_t shares = 0;
  for (const auto& [holder, securities] : in.holdings) {
    if (!account.empty() && holder != account) continue;
    const auto found = securities.find(code);
    if (found != securities.end()) shares += found->second;
  }
  return shares;
}

}  // namespace

Result<RiskAggregation> parse_risk_aggregation(std::string_view text) {
  if (text == "reserve") return RiskAggregation::kReserve;
  if (text == "account_security") return RiskAggregation::kAccountSecurity;
  return invalid_input(
      "risk.aggregation is '" + std::string(text) + "': it must be reserve or account_security",
      "risk.aggregation");
}

Result<RiskFunds> compute_risk_funds(const RiskFundsInputs& inputs) {
  const Decimal zero = Decimal::from_units(0, 2);
  RiskFunds funds{zero, zero, zero, zero, zero, zero, zero, zero, zero};
  for (const auto& [key, p] : positions_of(inputs)) {
    const auto& [account, code] = key;
    auto close = inputs.closes_hkd.find(code);
    if (close == inputs.closes_hkd.end()) {
      return rule_violation("no closing price for " + code + " to mark its unsettled position");
    }
    const Decimal market_value = close->second * Decimal::from_int(p.quantity);
    const Decimal marks = market_value - p.value_hkd;
    funds.marks_hkd += marks;
    Decimal collateral = zero;
    if (p.quantity > 0) funds.long_value_hkd += market_value;
    if (p.quantity < 0) {
      funds.short_value_hkd -= market_value;
      collateral = close->second * Decimal::from_int(held(inputs, account, code));
      funds.collateral_hkd += collateral;
    }
    if (inputs.aggregation == RiskAggregation::kAccountSecurity) {
      if (marks.is_negative()) funds.marks_payable_hkd -= marks;
      // One position is long or short: its own value against its own holding.
      funds.margin_position_hkd +=
          p.quantity > 0 ? market_value : std::max(-market_value - collateral, zero);
    }
  }
  if (inputs.aggregation == RiskAggregation::kReserve) {
    funds.marks_payable_hkd = funds.marks_hkd.is_negative() ? -funds.marks_hkd : zero;
    funds.margin_position_hkd = std::max({funds.long_value_hkd - funds.collateral_hkd,
                                          funds.short_value_hkd - funds.collateral_hkd, zero});
  }
  funds.margin_hkd = (funds.margin_position_hkd * inputs.margin_rate * inputs.margin_multiplier)
                         .round(2, Rounding::kHalfUp);
  funds.risk_funds_hkd = (funds.marks_payable_hkd + funds.margin_hkd).round(2, Rounding::kHalfUp);
  funds.risk_funds_rmb =
      (funds.risk_funds_hkd * inputs.rate_rmb_per_hkd).round(2, Rounding::kHalfUp);
  return funds;
}

}  // namespace cp::clearing
