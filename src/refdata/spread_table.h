// The SEHK spread table (Part A, equities) by date: the tick size for each price band
// (SPEC TRD-6; research/domain-facts.md §2.1).
//
// spread_table.csv := effective_from,effective_to,price_from,price_to,tick,source
//   One row per band. A band covers prices above price_from up to and including price_to: a
//   price exactly on an edge takes the lower band's tick ("From X to Y / Over Y to Z"). The first
//   band of a version also includes its price_from (the lowest price, 0.01). The rows of one
//   version (same effective range) must be contiguous and ascending; versions must not overlap.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"

namespace cp::refdata {

struct SpreadBand {
  Decimal price_from;
  Decimal price_to;
  Decimal tick;
  std::string source;
  std::string location;
};

struct SpreadTableVersion {
  Date effective_from;
  std::optional<Date> effective_to;
  std::vector<SpreadBand> bands;  // ascending
};

class SpreadTable {
 public:
  static Result<SpreadTable> load(const std::filesystem::path& path, const std::string& shown);

  // The version in force on `date`, or an error naming the date.
  Result<const SpreadTableVersion*> version_on(Date date) const;
  const std::vector<SpreadTableVersion>& versions() const { return versions_; }
  // The largest number of decimals of any tick in any version (3: 0.001).
  int max_tick_scale() const { return max_tick_scale_; }

 private:
  std::vector<SpreadTableVersion> versions_;
  int max_tick_scale_ = 0;
};

// The band of `version` containing `price`, or nullptr when the price is outside the table.
const SpreadBand* band_for(const SpreadTableVersion& version, const Decimal& price);

}  // namespace cp::refdata
