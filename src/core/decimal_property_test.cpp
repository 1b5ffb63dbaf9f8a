// Properties of Decimal over random values (rapidcheck): what must hold for every number, not
// just the worked cases of decimal_test.cpp.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "core/decimal.h"

namespace cp {
namespace {

// A random value with |units| < 10^digits and the given scale.
Decimal random_decimal(int digits, int scale) {
  const auto high = *rc::gen::arbitrary<uint64_t>();
  const auto low = *rc::gen::arbitrary<uint64_t>();
  const UInt128 raw = (static_cast<UInt128>(high) << 64) | low;
  const auto bound = static_cast<UInt128>(pow10_int128(digits));
  const auto magnitude = static_cast<Int128>(raw % bound);
  const bool negative = *rc::gen::arbitrary<bool>();
  return Decimal::from_units(negative ? -magnitude : magnitude, scale);
}

RC_GTEST_PROP(DecimalProperty, FormatThenParseGivesTheSameUnitsAndScale, ()) {
  const int scale = *rc::gen::inRange(0, Decimal::kMaxInputScale + 1);
  const int digits = *rc::gen::inRange(1, Decimal::kMaxDigits + 1);
  const Decimal value = random_decimal(digits, scale);
  const auto parsed = Decimal::parse(value.to_string());
  RC_ASSERT(parsed.ok());
  RC_ASSERT(parsed->units() == value.units());
  RC_ASSERT(parsed->scale() == value.scale());
}

RC_GTEST_PROP(DecimalProperty, AddingThenSubtractingIsExact, ()) {
  const Decimal a = random_decimal(30, *rc::gen::inRange(0, 8));
  const Decimal b = random_decimal(30, *rc::gen::inRange(0, 8));
  RC_ASSERT((a + b) - b == a);
  RC_ASSERT(a + b == b + a);
}

RC_GTEST_PROP(DecimalProperty, MultiplicationCommutesAndScalesAdd, ()) {
  const Decimal a = random_decimal(18, *rc::gen::inRange(0, 10));
  const Decimal b = random_decimal(18, *rc::gen::inRange(0, 10));
  RC_ASSERT(a * b == b * a);
  RC_ASSERT((a * b).scale() == a.scale() + b.scale());
}

RC_GTEST_PROP(DecimalProperty, RoundingStaysWithinOneUnitAndModesAgreeOffTies, ()) {
  const Decimal value = random_decimal(20, *rc::gen::inRange(3, 12));
  const int scale = *rc::gen::inRange(0, value.scale());
  const Decimal floor = value.round(scale, Rounding::kFloor);
  const Decimal ceiling = value.round(scale, Rounding::kCeiling);
  RC_ASSERT(floor <= value);
  RC_ASSERT(value <= ceiling);
  const Decimal unit = Decimal::from_units(1, scale);
  RC_ASSERT(ceiling - floor == (value.fits_scale(scale) ? Decimal() : unit));
  // Half-up and half-even differ only on an exact tie, and then by one unit.
  const Decimal half_up = value.round(scale, Rounding::kHalfUp);
  const Decimal half_even = value.round(scale, Rounding::kHalfEven);
  const Decimal distance = (value - floor).abs();
  const bool tie = distance + distance == unit;
  RC_ASSERT(tie || half_up == half_even);
  RC_ASSERT((half_up - half_even).abs() <= unit);
}

}  // namespace
}  // namespace cp
