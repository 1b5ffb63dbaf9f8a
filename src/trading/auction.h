// Auction price rules (SPEC TRD-5; research/domain-facts.md §4.2, §4.4).
#pragma once

#include <array>
#include <optional>

#include "core/decimal.h"
#include "trading/session.h"

namespace cp::trading {

// HKEX's nominal price: the best bid if it is above the last trade, the best ask if it is below
// it, else the last trade; without a last trade, the bid or ask that exists.
std::optional<Decimal> nominal_price(const std::optional<Decimal>& last,
                                     const std::optional<Decimal>& bid,
                                     const std::optional<Decimal>& ask);

// The CAS reference price: the median of the five nominal prices taken at 15-second steps from
// 15:59:00 to 16:00:00 (11:59:00 to 12:00:00 on a half day). A snapshot without a nominal price
// takes the previous close. None when neither exists.
std::optional<Decimal> cas_reference_price(const std::array<std::optional<Decimal>, 5>& nominal,
                                           const std::optional<Decimal>& previous_close);

// The five snapshot times, seconds since midnight.
std::array<int, 5> cas_snapshot_times(DayShape shape);

// Whether `price` lies within ±band of `reference`, edges included.
bool within_band(const Decimal& price, const Decimal& reference, const Decimal& band);

}  // namespace cp::trading
