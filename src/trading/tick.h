// Tick sizes and price validity on the SEHK spread table (SPEC TRD-6; data/spread_table.csv).
#pragma once

#include <string>

#include "refdata/spread_table.h"

namespace cp::trading {

struct TickResult {
  Decimal price;
  Decimal tick;       // the band's tick; zero when the price is outside the table
  Decimal band_from;  // the band: above band_from, up to and including band_to
  Decimal band_to;
  bool valid = false;  // inside the table and on the tick
  std::string reason;  // why not valid
};

// The tick of `price` on `date`. A price with more decimals than any tick in the table has, or
// one that is not positive, is an input error (exit 2), not merely an invalid price.
Result<TickResult> check_tick(const refdata::SpreadTable& table, Date date, const Decimal& price);

// The spread-table version of one day in integer thousandths of a dollar, for the order-check
// hot path: ticks are at most 0.001, so every valid price is a whole number of thousandths.
class TickLadder {
 public:
  static TickLadder from(const refdata::SpreadTableVersion& version);
  // The tick in thousandths for a price in thousandths, or 0 when outside the table.
  int64_t tick_milli(int64_t price_milli) const;
  bool on_tick(int64_t price_milli) const;

 private:
  struct Band {
    int64_t from_milli;
    int64_t to_milli;
    int64_t tick_milli;
  };
  std::vector<Band> bands_;
};

// A price for people: at most 3 decimals (rounded half-up), at least 2: "270.00", "316.26",
// "0.20", "0.005".
std::string format_price(const Decimal& price);

// price × 1000 as an integer; nullopt when the price has more than 3 decimals or is too large.
std::optional<int64_t> to_milli(const Decimal& price);

}  // namespace cp::trading
