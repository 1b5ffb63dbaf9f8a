#include "refdata/parameters.h"

#include <charconv>

namespace cp::refdata {
namespace {

Result<int64_t> parse_integer(const std::string& value) {
  int64_t out = 0;
  const char* end = value.data() + value.size();
  auto [ptr, ec] = std::from_chars(value.data(), end, out);
  if (value.empty() || ec != std::errc() || ptr != end) {
    return invalid_input("'" + value + "' is not an integer");
  }
  return out;
}

Result<bool> parse_bool(const std::string& value) {
  if (value == "true") return true;
  if (value == "false") return false;
  return invalid_input("'" + value + "' is not a boolean (true or false)");
}

}  // namespace

Result<void> validate_parameter_value(const std::string& value, const std::string& unit) {
  if (unit == "percent" || unit == "ratio") {
    auto parsed = Decimal::parse(value);
    if (!parsed.ok()) return parsed.error();
    return Ok{};
  }
  if (unit == "integer" || unit == "days" || unit == "minutes") {
    auto parsed = parse_integer(value);
    if (!parsed.ok()) return parsed.error();
    return Ok{};
  }
  if (unit == "date") {
    auto parsed = Date::parse(value);
    if (!parsed.ok()) return parsed.error();
    return Ok{};
  }
  if (unit == "time_hkt") {
    auto parsed = TimeOfDay::parse(value);
    if (!parsed.ok()) return parsed.error();
    return Ok{};
  }
  if (unit == "bool") {
    auto parsed = parse_bool(value);
    if (!parsed.ok()) return parsed.error();
    return Ok{};
  }
  if (unit == "text") {
    if (value.empty()) return invalid_input("empty text value");
    return Ok{};
  }
  auto currency = parse_currency(unit);
  if (!currency.ok()) {
    // The caller blames the unit column for an error whose field is "unit".
    if (unit == "RMB") return invalid_input(currency.error().message, "unit");  // use CNY
    return invalid_input(
        "unknown unit '" + unit +
            "' (percent, ratio, integer, days, minutes, date, time_hkt, bool, text, or "
            "an ISO 4217 currency code)",
        "unit");
  }
  auto amount = Money::parse(value, *currency);
  if (!amount.ok()) return amount.error();
  return Ok{};
}

Result<ParameterTable> ParameterTable::load(const std::filesystem::path& path,
                                            const std::string& display_name) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::open(path.string(), display_name));
  return from_reader(reader);
}

Result<ParameterTable> ParameterTable::parse(const std::string& name, std::string text) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::from_string(name, std::move(text)));
  return from_reader(reader);
}

Result<ParameterTable> ParameterTable::from_reader(CsvReader& reader) {
  ParameterTable out;
  out.name_ = reader.file_name();
  CP_RETURN_IF_ERROR(reader.require_columns(
      {"key", "value", "unit", "effective_from", "effective_to", "source", "note"}));
  const size_t key_col = *reader.column("key");
  const size_t value_col = *reader.column("value");
  const size_t unit_col = *reader.column("unit");
  const size_t note_col = *reader.column("note");

  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    const std::string key(record[key_col]);
    if (key.empty()) return reader.field_error(record, key_col, "empty parameter key");
    Parameter parameter{std::string(record[value_col]), std::string(record[unit_col]),
                        std::string(record[note_col])};
    auto valid = validate_parameter_value(parameter.value, parameter.unit);
    if (!valid.ok()) {
      const bool unit_problem = valid.error().field == "unit";
      return reader.field_error(record, unit_problem ? unit_col : value_col, valid.error().message);
    }
    CP_ASSIGN_OR_RETURN(Provenance provenance, read_provenance(reader, record));
    CP_RETURN_IF_ERROR(out.table_.add(key, std::move(parameter), std::move(provenance)));
  }
  return out;
}

Result<const DatedTable<Parameter>::Entry*> ParameterTable::find(std::string_view key,
                                                                 Date date) const {
  const auto* entry = table_.in_force(key, date);
  if (entry == nullptr) {
    Error error = make_error(ErrorCode::kNotFound, "parameter '" + std::string(key) +
                                                       "' is not in force on " + date.to_string());
    error.file = name_;
    return error;
  }
  return entry;
}

namespace {
Error unit_mismatch(std::string_view key, const std::string& unit, const char* wanted) {
  return make_error(ErrorCode::kInternal,
                    "parameter '" + std::string(key) + "' has unit '" + unit + "', not " + wanted);
}
}  // namespace

Result<Decimal> ParameterTable::ratio(std::string_view key, Date date) const {
  CP_ASSIGN_OR_RETURN(const auto* entry, find(key, date));
  const auto& p = entry->row;
  if (p.unit == "ratio") return Decimal::parse(p.value);
  if (p.unit == "percent") {
    // 22 percent = 22 / 100: exact, by moving the point two places (scale + 2).
    CP_ASSIGN_OR_RETURN(Decimal percent, Decimal::parse(p.value));
    return Decimal::from_units(percent.units(), percent.scale() + 2);
  }
  return unit_mismatch(key, p.unit, "percent or ratio");
}

Result<Money> ParameterTable::money(std::string_view key, Date date) const {
  CP_ASSIGN_OR_RETURN(const auto* entry, find(key, date));
  auto currency = parse_currency(entry->row.unit);
  if (!currency.ok()) return unit_mismatch(key, entry->row.unit, "a currency");
  return Money::parse(entry->row.value, *currency);
}

Result<int64_t> ParameterTable::integer(std::string_view key, Date date) const {
  CP_ASSIGN_OR_RETURN(const auto* entry, find(key, date));
  if (entry->row.unit != "integer" && entry->row.unit != "days" && entry->row.unit != "minutes") {
    return unit_mismatch(key, entry->row.unit, "integer, days or minutes");
  }
  return parse_integer(entry->row.value);
}

Result<Date> ParameterTable::date(std::string_view key, Date on) const {
  CP_ASSIGN_OR_RETURN(const auto* entry, find(key, on));
  if (entry->row.unit != "date") return unit_mismatch(key, entry->row.unit, "date");
  return Date::parse(entry->row.value);
}

Result<TimeOfDay> ParameterTable::time(std::string_view key, Date date) const {
  CP_ASSIGN_OR_RETURN(const auto* entry, find(key, date));
  if (entry->row.unit != "time_hkt") return unit_mismatch(key, entry->row.unit, "time_hkt");
  return TimeOfDay::parse(entry->row.value);
}

Result<bool> ParameterTable::boolean(std::string_view key, Date date) const {
  CP_ASSIGN_OR_RETURN(const auto* entry, find(key, date));
  if (entry->row.unit != "bool") return unit_mismatch(key, entry->row.unit, "bool");
  return parse_bool(entry->row.value);
}

Result<std::string> ParameterTable::text(std::string_view key, Date date) const {
  CP_ASSIGN_OR_RETURN(const auto* entry, find(key, date));
  if (entry->row.unit != "text") return unit_mismatch(key, entry->row.unit, "text");
  return entry->row.value;
}

Result<void> ParameterTable::set_value(std::string_view key, Date date, const std::string& value) {
  Parameter* row = table_.row_in_force(key, date);
  if (row == nullptr) {
    return invalid_input("parameter '" + std::string(key) + "' is not in force on " +
                             date.to_string() + " in " + name_,
                         std::string(key));
  }
  Result<void> valid = validate_parameter_value(value, row->unit);
  if (!valid.ok()) {
    return invalid_input(
        "parameter '" + std::string(key) + "' = '" + value + "': " + valid.error().message,
        std::string(key));
  }
  row->value = value;
  return Ok{};
}

}  // namespace cp::refdata
