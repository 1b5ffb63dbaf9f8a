#include "refdata/dated.h"

namespace cp::refdata {

bool Provenance::overlaps(const Provenance& other) const {
  const bool this_ends_before = effective_to && *effective_to < other.effective_from;
  const bool other_ends_before = other.effective_to && *other.effective_to < effective_from;
  return !this_ends_before && !other_ends_before;
}

Result<Provenance> read_provenance(const CsvReader& reader, const CsvRecord& record) {
  CP_ASSIGN_OR_RETURN(size_t source_col, reader.column("source"));
  CP_ASSIGN_OR_RETURN(size_t from_col, reader.column("effective_from"));
  CP_ASSIGN_OR_RETURN(size_t to_col, reader.column("effective_to"));

  Provenance provenance;
  provenance.file = reader.file_name();
  provenance.line = record.line();
  provenance.source = std::string(record[source_col]);
  if (provenance.source.empty()) {
    return reader.field_error(record, source_col,
                              "every reference-data row needs a source (URL or document)");
  }
  auto from = Date::parse(record[from_col]);
  if (!from.ok()) return reader.field_error(record, from_col, from.error().message);
  provenance.effective_from = *from;
  if (!record[to_col].empty()) {
    auto to = Date::parse(record[to_col]);
    if (!to.ok()) return reader.field_error(record, to_col, to.error().message);
    if (*to < *from) {
      return reader.field_error(
          record, to_col,
          "effective_to " + to->to_string() + " is before effective_from " + from->to_string());
    }
    provenance.effective_to = *to;
  }
  return provenance;
}

}  // namespace cp::refdata
