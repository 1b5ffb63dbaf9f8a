// Filtered historical simulation (G14 §2.2: HVaR and SVaR are "FHS Expected Shortfall"): each
// instrument's historical returns rescaled from the volatility of their own day to today's, with
// an EWMA volatility. The guide does not publish the decay factor or the start of the recursion
// [NC]; these are the choices (docs/risk.md):
//   σ²₁     = the mean of the window's squared returns
//   σ²ₜ₊₁   = λ σ²ₜ + (1 − λ) rₜ²            at 16 decimals, half-up, for t = 1 … N (the seed too)
//   r̃ₜ      = rₜ × √(σ²ₙ₊₁ / σ²ₜ)           the ratio at 20 decimals half-up, its root truncated
//                                          at 10, the product half-up at 10 (kReturnScale)
// λ = 1 keeps every σ² at the seed: the returns come back unchanged (and are not computed). A
// window whose σ²ₜ is 0 (no move yet) keeps its return (there is nothing to scale it by).
// A window so violent that a variance ratio leaves a Decimal's 38 digits (returns of some
// thousands of per cent) is refused, naming `what`.
#pragma once

#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/result.h"

namespace cp::risk {

// REQUIRES: 0 < lambda ≤ 1; returns at kReturnScale.
Result<std::vector<Decimal>> filter_returns(const std::vector<Decimal>& returns,
                                            const Decimal& lambda, const std::string& what);

// ⌊√x⌋ at 10 decimals of a non-negative x: the truncated root the filter and the holiday factor
// use.
Decimal sqrt_truncated(const Decimal& x);

}  // namespace cp::risk
