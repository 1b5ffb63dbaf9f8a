// An enum's codes in reference-data files, as one table both directions read: the code of a
// value for output, and the value a CSV field names, with an error that lists the choices in
// the table's order ("kind must be equity, etf, warrant or rights").
#pragma once

#include <array>
#include <cstddef>
#include <string>

#include "core/csv.h"
#include "core/result.h"

namespace cp::refdata {

template <typename Enum>
struct Code {
  const char* text;
  Enum value;
};

template <typename Enum, size_t N>
const char* code_of(const std::array<Code<Enum>, N>& codes, Enum value) {
  for (const auto& code : codes) {
    if (code.value == value) return code.text;
  }
  return codes.back().text;
}

// The value field `index` of `record` names, or an error naming the field and its choices.
template <typename Enum, size_t N>
Result<Enum> read_code(const CsvReader& reader, const CsvRecord& record, size_t index,
                       const char* field, const std::array<Code<Enum>, N>& codes) {
  std::string choices;
  for (size_t i = 0; i < N; ++i) {
    if (record[index] == codes[i].text) return codes[i].value;
    choices += std::string(i == 0 ? "" : i + 1 == N ? " or " : ", ") + codes[i].text;
  }
  return reader.field_error(record, index, std::string(field) + " must be " + choices);
}

}  // namespace cp::refdata
