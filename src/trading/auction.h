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

// The prices the no-cancellation period takes (SPEC TRD-5; seed 004: from 16:06 "价格在最低卖价
// 和最高买价之间", between the lowest ask and the highest bid): those of the book as it stood
// when order input ended (16:06:00; 12:06:00 on a half day), not the live book. An auction's
// book can be crossed — a bid above an ask, nothing matches until the close — so the range runs
// from the lower of the two prices to the higher. None when the book lacked a side then: no such
// limit ([D], docs/trading.md).
struct PriceRange {
  Decimal low;
  Decimal high;
};
std::optional<PriceRange> no_cancel_range(const std::optional<Decimal>& highest_bid,
                                          const std::optional<Decimal>& lowest_ask);

// Whether `price` lies within ±band of `reference`, edges included.
bool within_band(const Decimal& price, const Decimal& reference, const Decimal& band);

}  // namespace cp::trading
