// For tests: exact values from literals, so that a worked example reads like its arithmetic.
// REQUIRES a well-formed literal (a typo fails the test at once).
#pragma once

#include "core/date.h"
#include "core/decimal.h"

namespace cp::test_values {

inline Decimal D(const char* text) {
  return *Decimal::parse(text);
}

inline Date d(const char* text) {
  return *Date::parse(text);
}

}  // namespace cp::test_values
