#include "refdata/spread_table.h"

#include <algorithm>

#include "core/csv.h"

namespace cp::refdata {

Result<SpreadTable> SpreadTable::load(const std::filesystem::path& path, const std::string& shown) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::open(path.string(), shown));
  CP_RETURN_IF_ERROR(reader.require_columns(
      {"effective_from", "effective_to", "price_from", "price_to", "tick", "source"}));
  const size_t from_col = *reader.column("effective_from");
  const size_t to_col = *reader.column("effective_to");
  const size_t price_from_col = *reader.column("price_from");
  const size_t price_to_col = *reader.column("price_to");
  const size_t tick_col = *reader.column("tick");
  const size_t source_col = *reader.column("source");

  SpreadTable table;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    auto from = Date::parse(record[from_col]);
    if (!from.ok()) return reader.field_error(record, from_col, from.error().message);
    std::optional<Date> to;
    if (!record[to_col].empty()) {
      auto parsed = Date::parse(record[to_col]);
      if (!parsed.ok()) return reader.field_error(record, to_col, parsed.error().message);
      if (*parsed < *from) return reader.field_error(record, to_col, "before effective_from");
      to = *parsed;
    }
    auto decimal = [&](size_t col) -> Result<Decimal> {
      auto value = Decimal::parse(record[col]);
      if (!value.ok()) return reader.field_error(record, col, value.error().message);
      if (value->sign() <= 0) return reader.field_error(record, col, "must be positive");
      return *value;
    };
    CP_ASSIGN_OR_RETURN(Decimal price_from, decimal(price_from_col));
    CP_ASSIGN_OR_RETURN(Decimal price_to, decimal(price_to_col));
    CP_ASSIGN_OR_RETURN(Decimal tick, decimal(tick_col));
    if (record[source_col].empty())
      return reader.field_error(record, source_col, "source required");
    // SEHK quotes to at most 3 decimals (the smallest tick is 0.001, SPEC TRD-6); the integer
    // tick ladder of the order checks (trading/tick.h) counts in thousandths and relies on it.
    for (const auto& [value, col] :
         {std::pair{&price_from, price_from_col}, std::pair{&price_to, price_to_col},
          std::pair{&tick, tick_col}}) {
      if (!value->fits_scale(3)) {
        return reader.field_error(record, col,
                                  "has more than 3 decimals (" + value->to_string() + ")");
      }
    }
    if (price_to <= price_from) {
      return reader.field_error(record, price_to_col, "price_to must be above price_from");
    }
    // Band edges must sit on the band's tick grid, or "price on the tick" would be ambiguous.
    if (!(divide(price_to - price_from, tick, 0, Rounding::kTowardZero) * tick ==
          price_to - price_from)) {
      return reader.field_error(record, tick_col, "the band's width is not a multiple of its tick");
    }
    SpreadBand band{price_from, price_to, tick, std::string(record[source_col]),
                    shown + ":" + std::to_string(record.line())};
    table.max_tick_scale_ = std::max(table.max_tick_scale_, tick.normalized().scale());

    SpreadTableVersion* version = nullptr;
    for (auto& existing : table.versions_) {
      if (existing.effective_from == *from && existing.effective_to == to) version = &existing;
    }
    if (version == nullptr) {
      for (const auto& existing : table.versions_) {
        const bool before = to && *to < existing.effective_from;
        const bool after = existing.effective_to && *existing.effective_to < *from;
        if (!before && !after) {
          return reader.field_error(
              record, from_col,
              "this version overlaps the one starting " + existing.effective_from.to_string());
        }
      }
      table.versions_.push_back({*from, to, {}});
      version = &table.versions_.back();
    } else if (!(version->bands.back().price_to == price_from)) {
      return reader.field_error(record, price_from_col,
                                "bands must be contiguous: the previous band ends at " +
                                    version->bands.back().price_to.to_string());
    }
    version->bands.push_back(std::move(band));
  }
  if (table.versions_.empty()) return invalid_input(shown + ": no spread-table rows");
  std::sort(table.versions_.begin(), table.versions_.end(),
            [](const auto& a, const auto& b) { return a.effective_from < b.effective_from; });
  return table;
}

Result<const SpreadTableVersion*> SpreadTable::version_on(Date date) const {
  for (const auto& version : versions_) {
    if (version.effective_from <= date &&
        (!version.effective_to || date <= *version.effective_to)) {
      return &version;
    }
  }
  return make_error(ErrorCode::kNotFound, "no spread table in force on " + date.to_string());
}

const SpreadBand* band_for(const SpreadTableVersion& version, const Decimal& price) {
  const auto& bands = version.bands;
  if (bands.empty() || price < bands.front().price_from || price > bands.back().price_to) {
    return nullptr;
  }
  for (const auto& band : bands) {
    if (price <= band.price_to) return &band;
  }
  return nullptr;
}

}  // namespace cp::refdata
