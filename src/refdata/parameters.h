// Parameters: dated key/value reference data (rates, quotas, cut-off times, rule eras), each
// with its unit and source.
//
// parameters.csv := header "key,value,unit,effective_from,effective_to,source,note", then one
//                   row per value in force over a date range:
//   key            dotted name, e.g. "risk.margin_rate"
//   value          text parsed according to unit
//   unit           "percent" (value 22 means 22%), "ratio" (plain decimal), an ISO 4217 code
//                  (money: CNY, HKD…), "integer", "days", "minutes", "date" (YYYY-MM-DD),
//                  "time_hkt" (HH:MM), "bool" (true/false), or "text"
//   effective_from first day in force; effective_to last day in force, empty = open
//   source         URL or document the value comes from (required)
//   note           free text: SPEC rule ids, confidence, choices made where facts are missing
#pragma once

#include <filesystem>
#include <string>

#include "core/date.h"
#include "core/decimal.h"
#include "core/money.h"
#include "refdata/dated.h"

namespace cp::refdata {

struct Parameter {
  std::string value;  // as written in the file, already checked against the unit
  std::string unit;
  std::string note;
};

class ParameterTable {
 public:
  // Loads parameters.csv; all-or-nothing: any bad row fails the whole load.
  static Result<ParameterTable> load(const std::filesystem::path& path,
                                     const std::string& display_name = {});
  static Result<ParameterTable> parse(const std::string& name, std::string text);

  const DatedTable<Parameter>& table() const { return table_; }

  // The value of `key` in force on `date` replaced by `value` (checked against its unit) over
  // that row's whole range: what `eod what-if --set KEY=VALUE` computes under. Refuses a key not
  // in force that day, naming it.
  Result<void> set_value(std::string_view key, Date date, const std::string& value);

  // Typed look-ups of the value in force on `date`. A key not in force is kNotFound, naming
  // the key, the date and the file; asking for the wrong type (time() of a percent) is a
  // programmer error, kInternal, naming the key and its unit.
  Result<Decimal> ratio(std::string_view key, Date date) const;  // "percent" is divided by 100
  Result<Money> money(std::string_view key, Date date) const;
  Result<int64_t> integer(std::string_view key, Date date) const;
  Result<Date> date(std::string_view key, Date date) const;
  Result<TimeOfDay> time(std::string_view key, Date date) const;
  Result<bool> boolean(std::string_view key, Date date) const;
  Result<std::string> text(std::string_view key, Date date) const;

 private:
  static Result<ParameterTable> from_reader(CsvReader& reader);
  Result<const DatedTable<Parameter>::Entry*> find(std::string_view key, Date date) const;
  DatedTable<Parameter> table_;
  std::string name_;
};

// Checks that `value` is valid for `unit`; the error message says what was expected.
Result<void> validate_parameter_value(const std::string& value, const std::string& unit);

}  // namespace cp::refdata
