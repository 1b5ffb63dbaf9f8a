#include "risk/risk_instruments.h"

#include "clearing/csv_fields.h"
#include "refdata/securities.h"

namespace cp::risk {
Result<RiskInstrumentTable> RiskInstrumentTable::parse(CsvReader& reader) {
  CP_RETURN_IF_ERROR(reader.require_columns({"security", "flat_rate_group", "lra_bucket_rate",
                                             "lra_beta", "lra_threshold_hkd", "listing_date",
                                             "effective_from", "effective_to", "source"}));
  const size_t security_col = *reader.column("security");
  const size_t group_col = *reader.column("flat_rate_group");
  const size_t rate_col = *reader.column("lra_bucket_rate");
  const size_t beta_col = *reader.column("lra_beta");
  const size_t threshold_col = *reader.column("lra_threshold_hkd");
  const size_t listing_col = *reader.column("listing_date");
  RiskInstrumentTable out;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    if (!refdata::is_security_code(record[security_col])) {
      return reader.field_error(record, security_col, "is not a five-digit SEHK code");
    }
    RiskInstrument row;
    if (!record[group_col].empty()) {
      auto group = Decimal::parse(record[group_col], 0);
      if (!group.ok() || group->sign() <= 0 || group->units() > 999) {
        return reader.field_error(record, group_col, "must be a sub-margin group from 1 to 999");
      }
      row.flat_rate_group = static_cast<int64_t>(group->units());
    }
    const bool any_lra =
        !record[rate_col].empty() || !record[beta_col].empty() || !record[threshold_col].empty();
    if (any_lra) {
      for (size_t col : {rate_col, beta_col, threshold_col}) {
        if (record[col].empty()) {
          return reader.field_error(record, col,
                                    "lra_bucket_rate, lra_beta and lra_threshold_hkd go together");
        }
      }
      LraBucket bucket;
      CP_ASSIGN_OR_RETURN(bucket.rate,
                          clearing::decimal_field(reader, record, rate_col, 10, false));
      if (bucket.rate >= Decimal::from_int(1)) {
        return reader.field_error(record, rate_col, "must be below 1");
      }
      auto beta = Decimal::parse(record[beta_col], 10);
      if (!beta.ok()) return reader.field_error(record, beta_col, beta.error().message);
      bucket.beta = *beta;
      CP_ASSIGN_OR_RETURN(bucket.threshold_hkd,
                          clearing::decimal_field(reader, record, threshold_col, 0, false));
      row.lra = bucket;
    }
    if (!record[listing_col].empty()) {
      CP_ASSIGN_OR_RETURN(row.listing_date, clearing::date_field(reader, record, listing_col));
    }
    CP_ASSIGN_OR_RETURN(refdata::Provenance provenance, refdata::read_provenance(reader, record));
    CP_RETURN_IF_ERROR(
        out.table_.add(std::string(record[security_col]), std::move(row), std::move(provenance)));
  }
  return out;
}

const RiskInstrument* RiskInstrumentTable::on(std::string_view security, Date date) const {
  const auto* entry = table_.in_force(security, date);
  return entry == nullptr ? nullptr : &entry->row;
}

}  // namespace cp::risk
