#include "clearing/risk_funds.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"

namespace cp::clearing {
namespace {

struct Position {
  int64_t quantity = 0;
  Decimal value_hkd;
};

// (account, security), the account empty when positions aggregate per reserve account: views
// of the executions' ids, which outlive the computation.
using PositionKey = std::pair<std::string_view, std::string_view>;

// Net quantity and trade value per (account, security). The sums are exact, so the hash
// order does not change them.
absl::flat_hash_map<PositionKey, Position> positions_of(const RiskFundsInputs& in) {
  absl::flat_hash_map<PositionKey, Position> positions;
  const bool per_account = in.aggregation == RiskAggregation::kAccountSecurity;
  for (const ExecutionRef& e : in.unsettled) {
    Position& p = positions[{per_account ? e.account_id() : std::string_view(), e.security_code()}];
    const bool buy = e.side() == Side::kBuy;
    p.quantity += buy ? e.quantity() : -e.quantity();
    p.value_hkd += buy ? e.consideration_hkd() : -e.consideration_hkd();
  }
  return positions;
}

// Shares held per (account, security), and per security over all the reserve's accounts under
// an empty account: each short position looks its collateral up once.
absl::flat_hash_map<PositionKey, int64_t> holdings_of(const RiskFundsInputs& in) {
  absl::flat_hash_map<PositionKey, int64_t> held;
  for (const auto& [holder, securities] : in.holdings) {
    for (const auto& [code, shares] : securities) {
      held[{holder, code}] += shares;
      held[{std::string_view(), code}] += shares;
    }
  }
  return held;
}

}  // namespace

Result<RiskAggregation> parse_risk_aggregation(std::string_view text) {
  if (text == "reserve") return RiskAggregation::kReserve;
  if (text == "account_security") return RiskAggregation::kAccountSecurity;
  return invalid_input(
      "risk.aggregation is '" + std::string(text) + "': it must be reserve or account_security",
      "risk.aggregation");
}

Result<RiskMarginMethod> parse_risk_margin_method(std::string_view text) {
  if (text == "rate") return RiskMarginMethod::kRate;
  if (text == "hkscc_rpf") return RiskMarginMethod::kHkscRpf;
  return invalid_input(
      "risk.margin_method is '" + std::string(text) + "': it must be rate or hkscc_rpf",
      "risk.margin_method");
}

const char* risk_margin_method_code(RiskMarginMethod method) {
  return method == RiskMarginMethod::kRate ? "rate" : "hkscc_rpf";
}

Result<RiskFunds> compute_risk_funds(const RiskFundsInputs& inputs) {
  const Decimal zero = Decimal::from_units(0, 2);
  RiskFunds funds{zero, zero, zero, zero, zero, zero, zero, zero, zero, inputs.method, {}};
  const bool rpf = inputs.method == RiskMarginMethod::kHkscRpf;
  if (rpf && inputs.aggregation != RiskAggregation::kReserve) {
    return invalid_input(
        "risk.margin_method hkscc_rpf margins the reserve account's portfolio; it cannot be "
        "combined with risk.aggregation account_security (no source applies a portfolio "
        "method to each position alone)",
        "risk.aggregation");
  }
  const auto holdings = holdings_of(inputs);
  std::vector<NetPosition> net;  // hkscc_rpf: what the portfolio margin reads
  for (const auto& [key, p] : positions_of(inputs)) {
    auto close = inputs.closes_hkd.find(key.second);
    if (close == inputs.closes_hkd.end()) {
      return rule_violation("no closing price for " + std::string(key.second) +
                            " to mark its unsettled position");
    }
    const Decimal market_value = close->second * Decimal::from_int(p.quantity);
    const Decimal marks = market_value - p.value_hkd;
    funds.marks_hkd += marks;
    Decimal collateral = zero;
    if (p.quantity > 0) funds.long_value_hkd += market_value;
    if (p.quantity < 0) {
      funds.short_value_hkd -= market_value;
      const auto held = holdings.find(key);
      collateral = close->second * Decimal::from_int(held == holdings.end() ? 0 : held->second);
      funds.collateral_hkd += collateral;
    }
    if (rpf && p.quantity != 0) {
      const auto held = holdings.find(key);
      net.push_back({std::string(key.second), p.quantity, p.value_hkd,
                     p.quantity < 0 && held != holdings.end() ? held->second : 0});
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
    if (!rpf) {
      funds.margin_position_hkd = std::max({funds.long_value_hkd - funds.collateral_hkd,
                                            funds.short_value_hkd - funds.collateral_hkd, zero});
    }
  }
  if (rpf) {
    if (!inputs.portfolio_margin) {
      return rule_violation("risk.margin_method hkscc_rpf needs HKSCC's risk parameters");
    }
    // The hash order above is not the report's: by security.
    std::sort(net.begin(), net.end(),
              [](const NetPosition& a, const NetPosition& b) { return a.security < b.security; });
    CP_ASSIGN_OR_RETURN(PortfolioMargin margin, inputs.portfolio_margin(net));
    funds.margin_hkd = margin.margin_hkd.round(2, Rounding::kHalfUp);
    funds.margin_figures_json = std::move(margin.figures_json);
  } else {
    funds.margin_hkd = (funds.margin_position_hkd * inputs.margin_rate * inputs.margin_multiplier)
                           .round(2, Rounding::kHalfUp);
  }
  funds.risk_funds_hkd = (funds.marks_payable_hkd + funds.margin_hkd).round(2, Rounding::kHalfUp);
  funds.risk_funds_rmb =
      (funds.risk_funds_hkd * inputs.rate_rmb_per_hkd).round(2, Rounding::kHalfUp);
  return funds;
}

}  // namespace cp::clearing
