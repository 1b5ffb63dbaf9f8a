#include "clearing/csv_fields.h"

#include <charconv>
#include <string>

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

Result<int64_t> whole_number_field(const CsvReader& reader, const CsvRecord& record, size_t col,
                                   int64_t max) {
  const std::string_view text = record[col];
  int64_t value = 0;
  // from_chars alone would take a leading '-'; digits only are a count.
  const bool digits =
      !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits || std::from_chars(text.data(), text.data() + text.size(), value).ec != std::errc{} ||
      value > max) {
    return reader.field_error(record, col,
                              "a whole number from 0 to " + std::to_string(max) + " is expected");
  }
  return value;
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
