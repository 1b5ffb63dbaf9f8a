#include "clearing/csv_fields.h"

namespace cp::clearing {

Result<Decimal> decimal_field(const CsvReader& reader, const CsvRecord& record, size_t col,
                              int max_scale, bool positive) {
  auto value = Decimal::parse(record[col], max_scale);
  if (!value.ok()) return reader.field_error(record, col, value.error().message);
  if (positive ? value->sign() <= 0 : value->is_negative()) {
    return reader.field_error(record, col, positive ? "must be positive" : "must not be negative");
  }
  return *value;
}

Result<Date> date_field(const CsvReader& reader, const CsvRecord& record, size_t col) {
  auto value = Date::parse(record[col]);
  if (!value.ok()) return reader.field_error(record, col, value.error().message);
  return *value;
}

Result<Channel> channel_field(const CsvReader& reader, const CsvRecord& record, size_t col) {
  auto value = parse_channel(record[col]);
  if (!value.ok()) return reader.field_error(record, col, value.error().message);
  return *value;
}

}  // namespace cp::clearing
