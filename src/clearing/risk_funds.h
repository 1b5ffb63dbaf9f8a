// Risk funds of one channel and reserve account (SPEC CLR-9; seed 002 附件4 第25条): paid in
// RMB out of the reserve account as a whole, never cleared to individual investors.
//
// Over the positions not yet settled at the end of T (trades whose securities settle after T),
// per security: net quantity q (buys − sells) and trade value v (buy − sell consideration, HKD).
//   marks           = Σ (q × close − v): favourable when positive. Net unfavourable marks are
//                     payable: marks_payable = max(0, −marks)
//   long value      = Σ q × close over securities with q > 0
//   short value     = Σ −q × close over securities with q < 0
//   collateral      = value at the close of the holdings of the securities net sold (q < 0)
//   margin position = max(long value − collateral, short value − collateral, 0)
//   margin          = margin position × margin rate × margin multiplier (risk.margin_rate,
//                     risk.margin_multiplier; CSDC notice: 22%, 1)
//   risk funds      = marks payable + margin, HKD, then RMB at the channel's settlement buy rate,
//                     half-up to the fen ([D]: which rate converts is not in the sources; the
//                     concentration collateral is not collected, CLR-9)
//
// The level at which positions aggregate is not confirmed (research/risk-and-obligations.md §2,
// parameter risk.aggregation): the seed identifies positions per securities account and security
// under each reserve account, and settles per reserve account.
//   reserve          (default) the formulas above over the reserve account's positions: gains
//                    offset losses across accounts and securities; collateral = the reserve's
//                    holdings of what it net sold.
//   account_security each (account, security) position alone: marks payable = Σ max(0, −marks
//                    of the position); margin position = Σ long value of a bought position, or
//                    max(0, short value − that account's holding of the security) of a sold one.
//
// The margin's method is the dated parameter risk.margin_method:
//   rate       the formula above (to 2022-06-12)
//   hkscc_rpf  from 2022-06-13 HKSCC's risk parameters replace the rate and multiplier
//              (research §2: "RPF replaces the margin rate and multiplier"): the margin is
//              `portfolio_margin` of the reserve's net positions with their collateral (per
//              security: net quantity, trade value, shares held), the caller's HKSCC VaR margin
//              (eod/csdc_margin.h over risk/margin.h). Marks stay as above. Only the reserve
//              reading: a portfolio method per single position has no source, so
//              account_security with hkscc_rpf is refused naming both parameters.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "clearing/execution_table.h"
#include "core/text_map.h"

namespace cp::clearing {

enum class RiskAggregation { kReserve, kAccountSecurity };
// "reserve" or "account_security"; anything else is refused naming the parameter.
Result<RiskAggregation> parse_risk_aggregation(std::string_view text);

enum class RiskMarginMethod { kRate, kHkscRpf };
// "rate" or "hkscc_rpf"; anything else is refused naming risk.margin_method.
Result<RiskMarginMethod> parse_risk_margin_method(std::string_view text);
const char* risk_margin_method_code(RiskMarginMethod method);

// One security's unsettled position over the reserve account (the reserve reading).
struct NetPosition {
  std::string security;
  int64_t quantity = 0;     // buys − sells, shares
  Decimal value_hkd;        // buy − sell consideration
  int64_t held_shares = 0;  // the reserve's holdings at the close; collateral of a net sale
};

// The margin of a portfolio by HKSCC's risk parameters, HKD, with its figures (JSON text) for
// the report; positions by security.
struct PortfolioMargin {
  Decimal margin_hkd;
  std::string figures_json;
};
using PortfolioMarginModel =
    std::function<Result<PortfolioMargin>(const std::vector<NetPosition>& positions)>;

struct RiskFundsInputs {
  std::vector<ExecutionRef> unsettled;  // this channel and reserve account
  TextMap<Decimal> closes_hkd;          // by security
  // Shares held at the close, by account then security (the reserve account's accounts).
  std::map<std::string, std::map<std::string, int64_t>> holdings;
  Decimal margin_rate;  // ratio
  Decimal margin_multiplier;
  Decimal rate_rmb_per_hkd;
  RiskAggregation aggregation = RiskAggregation::kReserve;
  RiskMarginMethod method = RiskMarginMethod::kRate;
  PortfolioMarginModel portfolio_margin = nullptr;  // REQUIRED with kHkscRpf
};

struct RiskFunds {
  Decimal marks_hkd;          // Σ q × close − v (negative: unfavourable)
  Decimal marks_payable_hkd;  // max(0, −marks), or Σ of it per position (account_security)
  Decimal long_value_hkd;
  Decimal short_value_hkd;
  Decimal collateral_hkd;
  Decimal margin_position_hkd;  // rate method only (0 with hkscc_rpf)
  Decimal margin_hkd;           // at the cent, half-up
  Decimal risk_funds_hkd;
  Decimal risk_funds_rmb;  // at the fen, half-up
  RiskMarginMethod method = RiskMarginMethod::kRate;
  std::string margin_figures_json;  // hkscc_rpf: every figure of the VaR margin
};

// REQUIRES: a close for every security in `unsettled` and `holdings` of net-sold securities.
Result<RiskFunds> compute_risk_funds(const RiskFundsInputs& inputs);

}  // namespace cp::clearing
