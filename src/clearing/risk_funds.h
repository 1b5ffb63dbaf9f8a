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
// From 2022-06-13 CSDC's margin follows HKSCC's risk parameters (RPF replaces the rate and
// multiplier, research §1–2); the 22% × 1 stays the stand-in until the VaR margin (issue 16).
#pragma once

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

struct RiskFundsInputs {
  std::vector<ExecutionRef> unsettled;  // this channel and reserve account
  TextMap<Decimal> closes_hkd;          // by security
  // Shares held at the close, by account then security (the reserve account's accounts).
  std::map<std::string, std::map<std::string, int64_t>> holdings;
  Decimal margin_rate;  // ratio
  Decimal margin_multiplier;
  Decimal rate_rmb_per_hkd;
  RiskAggregation aggregation = RiskAggregation::kReserve;
};

struct RiskFunds {
  Decimal marks_hkd;          // Σ q × close − v (negative: unfavourable)
  Decimal marks_payable_hkd;  // max(0, −marks), or Σ of it per position (account_security)
  Decimal long_value_hkd;
  Decimal short_value_hkd;
  Decimal collateral_hkd;
  Decimal margin_position_hkd;
  Decimal margin_hkd;  // at the cent, half-up
  Decimal risk_funds_hkd;
  Decimal risk_funds_rmb;  // at the fen, half-up
};

// REQUIRES: a close for every security in `unsettled` and `holdings` of net-sold securities.
Result<RiskFunds> compute_risk_funds(const RiskFundsInputs& inputs);

}  // namespace cp::clearing
