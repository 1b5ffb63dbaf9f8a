// A clearing participant's HKSCC margin and marks on a valuation date, every intermediate figure
// kept (SPEC MO-1; seed 001; research/risk-and-obligations.md §1; G14 = HKSCC VaR Platform
// Initial Margin Calculation Guide v1.4). All figures are whole HKD unless a rate.
//
// Positions come prepared (cns_positions.h: cover, then cross-day netting). Per instrument:
//   market value   = quantity × close on the valuation date, to the dollar, half-up (G14 fn 11,
//                    fn 42: "rounded off on position level")
//   contract value = the netted contract value, to the dollar, half-up (G14 fn 42)
//   MTM            = market value − contract value; the portfolio's MTM is their sum (G14
//                    §3.2.5.2): favourable when positive, an MTM requirement when negative.
//
// Regime "margin_rate" (before the VaR Platform, domain-facts §7.2):
//   margin position = max(gross long market value, gross short market value) [NC: the exact
//                     definition; collateral is already out of the positions]
//   margin          = margin position × margin.rate × margin.rate_multiplier, half-up
//
// Regime "var_platform" (from 13 Jun 2022, G14 §3.2.4–3.2.5):
//   Tier P  = the securities master's HSCI LargeCap and MidCap equities and every ETF (HKEX
//             Margin page); the rest is Tier N [D: warrants and rights are Tier N here], and so
//             is an instrument whose risk_instruments.csv row names a flat-rate group (the RPF's
//             FieldType 3 lists the flat-rate instruments, G14 §2.1).
//   Sub-portfolios: each Tier P instrument listed within margin.ipo_segregation_days calendar
//             days before the valuation date alone, the other Tier P instruments together.
//   HVaR / SVaR of a sub-portfolio = expected_shortfall over its scenario P&Ls (HVaR: the
//             margin.hvar.scenario_count returns ending on the valuation date; SVaR: the
//             margin.svar.scenario_count returns ending on margin.svar.window_end)
//   weighted  = Σ over sub-portfolios (HVaR × HVaR weight + SVaR × SVaR weight)
//   floor     = max(gross long, gross short market value of Tier P) × margin.tier_p_floor_rate,
//               half-up
//   portfolio margin = max(|weighted| to the dollar half-up, floor)
//   flat-rate margin = Σ per Tier N sub-margin group of the larger of its gross long and gross
//               short: Σ |market value| × the group's rate; × margin.participant_multiplier,
//               half-up (G14 §3.2.4.2; a tie takes the long side [D])
//   LRA       = instrument level: Σ max(|market value| − threshold, 0) × bucket rate, half-up
//             + portfolio level: max(0, |Σ market value × beta| − the hedge instrument's
//               threshold) × its bucket rate, half-up (G14 §3.2.4.3; a stock's cash delta is its
//               price, so its delta-equivalent value is its market value)
//   holiday add-on (margin.holiday_addon) = (portfolio + flat-rate margin) × (√H − 1), half-up,
//               H the SEHK non-trading weekdays right after the valuation date, √H − 1 truncated
//               at 10 decimals (G14 §2.2 Holiday_Factor)
//   rounded   = (portfolio + flat-rate + LRA + holiday) rounded up to margin.rounding
// [D] not built: structured-product add-on and corporate-action position margin (no such
// positions reach a Southbound participant's CNS here); position-limit, credit-risk and ad-hoc
// add-ons (HKSCC's discretion, not computable from positions).
//
// Both regimes: net margin = max(0, margin − favourable MTM); after credit = max(0, net margin −
// margin.credit) (G14 §3.2.5.2–3); total = after credit + MTM requirement (G14 §3.2.8).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "refdata/securities.h"
#include "risk/cns_positions.h"
#include "risk/margin_parameters.h"
#include "risk/price_history.h"
#include "risk/risk_instruments.h"

namespace cp::risk {

enum class MarginTier { kP, kN };
const char* margin_tier_code(MarginTier tier);  // "P", "N"

struct PositionFigures {
  std::string security;
  MarginTier tier = MarginTier::kN;
  std::string sub_portfolio;  // Tier P: "main" or "ipo:<code>"; Tier N: "group_<n>"
  int64_t quantity = 0;
  Decimal close_hkd;  // zero when the quantity is 0 (no price needed)
  Decimal market_value_hkd;
  Decimal contract_value_hkd;
  Decimal mtm_hkd;
};

struct SubPortfolioFigures {
  std::string name;
  Decimal hvar_hkd;  // negative: a loss
  Decimal svar_hkd;
  Decimal weighted_hkd;
};

struct FlatRateGroupFigures {
  int64_t group = 0;
  Decimal rate;
  Decimal gross_long_hkd;
  Decimal gross_short_hkd;
  Decimal margin_hkd;  // before the multiplier
};

struct MarginFigures {
  std::string participant;
  Date valuation_date;
  MarginRegime regime = MarginRegime::kVarPlatform;
  std::vector<PositionFigures> positions;

  Decimal market_value_hkd;
  Decimal contract_value_hkd;
  Decimal mtm_hkd;
  Decimal favourable_mtm_hkd;
  Decimal mtm_requirement_hkd;

  // margin_rate regime
  Decimal margin_position_hkd;
  Decimal rate_margin_hkd;

  // var_platform regime
  int64_t hvar_tail = 0;
  int64_t svar_tail = 0;
  std::vector<SubPortfolioFigures> sub_portfolios;
  // The HVaR window's worst day for the Tier P positions together (every sub-portfolio's P&L of
  // the day added): the historical stress scenario of stress_scenarios.h.
  std::optional<int64_t> hvar_worst_pnl_hkd;
  std::optional<Date> hvar_worst_day;
  Decimal hvar_hkd;  // Σ over sub-portfolios
  Decimal svar_hkd;
  Decimal weighted_hkd;
  Decimal floor_base_hkd;
  Decimal floor_hkd;
  Decimal portfolio_margin_hkd;
  std::vector<FlatRateGroupFigures> flat_rate_groups;
  Decimal flat_rate_margin_hkd;
  Decimal lra_instrument_hkd;
  Decimal lra_portfolio_hkd;
  Decimal lra_hkd;
  int64_t holiday_days = 0;
  Decimal holiday_factor;
  Decimal holiday_addon_hkd;
  Decimal aggregated_hkd;

  // both
  Decimal rounded_hkd;  // the margin before favourable MTM
  Decimal net_margin_hkd;
  Decimal margin_credit_hkd;
  Decimal net_margin_after_credit_hkd;
  Decimal total_requirement_hkd;
};

// Each security's filtered HVaR and SVaR returns, worked out once for several portfolios margined
// on one valuation date with one set of parameters over one price history (CSDC's margin of each
// reserve account in an EOD run): a margin is the same with or without it, only sooner.
class ScenarioReturns {
 public:
  struct Sets {
    std::vector<Decimal> hvar;
    std::vector<Decimal> svar;
    std::vector<Decimal> hvar_unfiltered;  // the window's plain daily returns
  };
  const Sets* find(const std::string& security) const {
    const auto found = by_security_.find(security);
    return found == by_security_.end() ? nullptr : &found->second;
  }
  const Sets& add(const std::string& security, Sets sets) {
    return by_security_.insert_or_assign(security, std::move(sets)).first->second;
  }

 private:
  std::map<std::string, Sets, std::less<>> by_security_;
};

struct MarginInputs {
  std::string participant;
  const MarginParameters* parameters = nullptr;
  std::vector<InstrumentPosition> positions;
  const refdata::SecurityMaster* securities = nullptr;
  const RiskInstrumentTable* instruments = nullptr;
  const PriceHistory* history = nullptr;
  const HkTradingDays* trading_days = nullptr;
  ScenarioReturns* returns = nullptr;  // optional: shared by portfolios of one date (above)
};

// The participant's margin on parameters->valuation_date. Errors (exit 2): a close missing for a
// held instrument, a history too short for a scenario count, the hedge instrument's LRA row
// missing, a Tier N group without a rate.
Result<MarginFigures> compute_margin(const MarginInputs& inputs);

// The MTM requirement of prepared positions at other prices (the 11:00 run, G14 §4.8):
// max(0, −Σ (quantity × price to the dollar − contract value to the dollar)). A price missing for
// a held instrument is an error naming it.
Result<Decimal> mtm_requirement_at(const std::vector<InstrumentPosition>& positions,
                                   const std::map<std::string, Decimal, std::less<>>& prices_hkd);

// √H − 1 truncated at 10 decimals; 0 when H ≤ 1 (G14 §2.2).
Decimal holiday_factor(int64_t holiday_days);

// The closes a margin on parameters.valuation_date reads: from the first day of the earlier
// scenario window to the later of the valuation date and the stress window's end. A window that
// leaves the calendar is not cut here: compute_margin reports it, naming it.
struct CloseSpan {
  Date from;
  Date to;
};
CloseSpan closes_needed(const MarginParameters& parameters, const HkTradingDays& days);

}  // namespace cp::risk
