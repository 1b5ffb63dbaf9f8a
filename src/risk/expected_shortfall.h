// The expected-shortfall kernels of HKSCC's portfolio margin (G14 §3.2.4.1): scenario P&Ls of a
// portfolio and the average of its worst tail. Integer arithmetic on decimal units: these run
// 700 participants × 3,000 instruments × 2,000 scenarios in the benchmark.
#pragma once

#include <cstdint>
#include <vector>

#include "core/decimal.h"

namespace cp::risk {

// The tail of N scenarios at confidence level CL: ceil((1 − CL) × N) (G14 fn 23: 99.4% of 1,000
// → 6; fn 27: 98% of 1,018 → 21), worked in decimals so that 6 is 6 (in binary floating point
// (1 − 0.994) × 1000 exceeds 6 and its ceiling is 7).
// REQUIRES: 0 < CL < 1, N ≥ 1.
int64_t tail_count(const Decimal& confidence_level, int64_t scenario_count);

// Each scenario's portfolio P&L in whole HKD: Σ over instruments of market value × return, each
// term rounded to the nearest dollar, half away from zero (G14 fn 20–22: "round off any (Market
// value × Return) term to the nearest integer"; [D] the guide does not say which way a half
// goes). `returns[i]` holds instrument i's returns at kReturnScale (price_history.h), one per
// scenario. Negative is a loss.
// REQUIRES: market_values_hkd.size() == returns.size(); every returns[i] has the same size; the
// market values are whole HKD.
std::vector<int64_t> scenario_pnls(const std::vector<int64_t>& market_values_hkd,
                                   const std::vector<std::vector<Decimal>>& returns,
                                   size_t scenario_count);

// The same over returns held as units of 10^-10 (a return of 0.0123456789 is 123,456,789): one
// row of `scenario_count` per instrument. What a run over many participants and one return
// matrix uses (bench/margin_benchmark.cpp): a term whose product fits 62 bits, as nearly all
// do, takes integer division by a constant; the rest the 128-bit path.
std::vector<int64_t> scenario_pnls_units(const std::vector<int64_t>& market_values_hkd,
                                         const std::vector<const int64_t*>& return_rows,
                                         size_t scenario_count);

// The average of the `tail` lowest P&Ls, at the cent, half-up (G14 §2.2 "ES (Discrete)": no
// interpolation; [D] the guide shows ES at two decimals). Negative when the tail loses.
// REQUIRES: 1 ≤ tail ≤ pnls.size().
Decimal expected_shortfall(std::vector<int64_t> pnls, int64_t tail);

}  // namespace cp::risk
