#include "trading/auction.h"

#include <algorithm>
#include <vector>

namespace cp::trading {

std::optional<Decimal> nominal_price(const std::optional<Decimal>& last,
                                     const std::optional<Decimal>& bid,
                                     const std::optional<Decimal>& ask) {
  if (last) {
    if (bid && *bid > *last) return bid;
    if (ask && *ask < *last) return ask;
    return last;
  }
  if (bid) return bid;
  return ask;
}

std::optional<Decimal> cas_reference_price(const std::array<std::optional<Decimal>, 5>& nominal,
                                           const std::optional<Decimal>& previous_close) {
  std::vector<Decimal> prices;
  for (const auto& price : nominal) {
    if (price) {
      prices.push_back(*price);
    } else if (previous_close) {
      prices.push_back(*previous_close);
    } else {
      return std::nullopt;
    }
  }
  std::sort(prices.begin(), prices.end());
  return prices[2];
}

std::array<int, 5> cas_snapshot_times(DayShape shape) {
  const int start = shape.half_day ? hms(11, 59) : hms(15, 59);
  return {start, start + 15, start + 30, start + 45, start + 60};
}

bool within_band(const Decimal& price, const Decimal& reference, const Decimal& band) {
  const Decimal one = Decimal::from_int(1);
  return price >= reference * (one - band) && price <= reference * (one + band);
}

std::optional<PriceRange> no_cancel_range(const std::optional<Decimal>& highest_bid,
                                          const std::optional<Decimal>& lowest_ask) {
  if (!highest_bid || !lowest_ask) return std::nullopt;
  if (*highest_bid <= *lowest_ask) return PriceRange{*highest_bid, *lowest_ask};
  return PriceRange{*lowest_ask, *highest_bid};
}

}  // namespace cp::trading
