// What HKSCC's risk parameter file says of each instrument, as dated reference data (G14 §2.1
// FieldType 3 and 4, research/risk-and-obligations.md §1), each row with its source.
//
// risk_instruments.csv := security,flat_rate_group,lra_bucket_rate,lra_beta,lra_threshold_hkd,
//                         listing_date,effective_from,effective_to,source
//   security           five-digit SEHK code
//   flat_rate_group    Tier N sub-margin group (integer ≥ 1): the instrument is Tier N
//                      whatever the securities master says; empty = the master decides
//   lra_bucket_rate    liquidation-risk bucket rate, ratio in [0, 1)
//   lra_beta           beta to the hedge instrument (FieldType 4 col 2)
//   lra_threshold_hkd  delta-equivalent market value threshold, whole HKD
//                      (the three LRA fields go together; without them no LRA)
//   listing_date       first trading day on SEHK; empty = listed long ago (IPO segregation,
//                      G14 fn 18)
// A security's rows may not overlap in time. Tier P or N follows the securities master unless
// a flat-rate group is given (margin.h).
#pragma once

#include <optional>
#include <string>

#include "core/csv.h"
#include "core/date.h"
#include "core/decimal.h"
#include "refdata/dated.h"

namespace cp::risk {

struct LraBucket {
  Decimal rate;           // ratio
  Decimal beta;           // ratio
  Decimal threshold_hkd;  // whole HKD
};

struct RiskInstrument {
  std::optional<int64_t> flat_rate_group;
  std::optional<LraBucket> lra;
  std::optional<Date> listing_date;
};

class RiskInstrumentTable {
 public:
  static Result<RiskInstrumentTable> parse(CsvReader& reader);

  // The row of `security` in force on `date`, or nullptr (no LRA, default group, not an IPO).
  const RiskInstrument* on(std::string_view security, Date date) const;
  const refdata::DatedTable<RiskInstrument>& table() const { return table_; }

 private:
  refdata::DatedTable<RiskInstrument> table_;
};

}  // namespace cp::risk
