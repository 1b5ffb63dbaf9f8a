#include "trading/tick.h"

namespace cp::trading {

std::string format_price(const Decimal& price) {
  Decimal shown = price.round(3, Rounding::kHalfUp).normalized();
  if (shown.scale() < 2) shown = shown.round(2, Rounding::kHalfUp);  // adds zeros, exact
  return shown.to_string();
}

std::optional<int64_t> to_milli(const Decimal& price) {
  if (!price.fits_scale(3)) return std::nullopt;
  // Exact when it fits (fits_scale(3)); a price of 36 digits or more does not fit 38 digits at
  // 3 decimals, and is no price (found by fuzz/replay_fuzz: it threw from a file's reader).
  const auto scaled = price.checked_round(3, Rounding::kTowardZero);
  if (!scaled.ok()) return std::nullopt;
  if (scaled->units() > Int128(1'000'000'000'000) || scaled->units() < 0) return std::nullopt;
  return static_cast<int64_t>(scaled->units());
}

Result<TickResult> check_tick(const refdata::SpreadTable& table, Date date, const Decimal& price) {
  if (price.sign() <= 0)
    return invalid_input("price " + price.to_string() + " is not positive", "price");
  if (!price.fits_scale(table.max_tick_scale())) {
    return invalid_input("price " + price.to_string() + " has more decimals than any tick (" +
                             std::to_string(table.max_tick_scale()) + ")",
                         "price");
  }
  CP_ASSIGN_OR_RETURN(const refdata::SpreadTableVersion* version, table.version_on(date));
  TickResult result;
  result.price = price;
  const refdata::SpreadBand* band = refdata::band_for(*version, price);
  if (band == nullptr) {
    result.reason = "outside the spread table (" + version->bands.front().price_from.to_string() +
                    " to " + version->bands.back().price_to.to_string() + ")";
    return result;
  }
  result.tick = band->tick;
  result.band_from = band->price_from;
  result.band_to = band->price_to;
  // Valid prices are band_from + k × tick (band edges sit on the grid, refdata/spread_table.h).
  const Decimal steps = divide(price - band->price_from, band->tick, 0, Rounding::kFloor);
  result.valid = steps * band->tick == price - band->price_from;
  if (!result.valid) {
    result.reason = price.to_string() + " is not on the " + band->tick.to_string() +
                    " tick of the band " + band->price_from.to_string() + " to " +
                    band->price_to.to_string();
  }
  return result;
}

TickLadder TickLadder::from(const refdata::SpreadTableVersion& version) {
  TickLadder ladder;
  for (const auto& band : version.bands) {
    // Safe to dereference: SpreadTable::load refuses an edge or tick with more than 3 decimals.
    ladder.bands_.push_back(
        {*to_milli(band.price_from), *to_milli(band.price_to), *to_milli(band.tick)});
  }
  return ladder;
}

int64_t TickLadder::tick_milli(int64_t price_milli) const {
  if (bands_.empty() || price_milli < bands_.front().from_milli) return 0;
  for (const Band& band : bands_) {
    if (price_milli <= band.to_milli) return band.tick_milli;
  }
  return 0;
}

bool TickLadder::on_tick(int64_t price_milli) const {
  if (bands_.empty() || price_milli < bands_.front().from_milli) return false;
  for (const Band& band : bands_) {
    if (price_milli <= band.to_milli) return (price_milli - band.from_milli) % band.tick_milli == 0;
  }
  return false;
}

}  // namespace cp::trading
