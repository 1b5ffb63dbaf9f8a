// Exact decimal numbers for amounts, prices, quantities and rates (docs/decisions/0001).
//
// A Decimal is an integer coefficient (128-bit) and a scale: value = units × 10^-scale. The
// scale is kept as given, so "1.50" stays "1.50" on output; arithmetic is exact (+, -, × give
// the exact result or report overflow) and every loss of digits is an explicit round() or
// divide() with a stated Rounding. There is no conversion from or to binary floating point.
//
// Overflow: the checked_* functions return an Error (code kOverflow). The operators and round()
// throw cp::DecimalOverflow, which the command line turns into an error message and exit code 2;
// code that computes on external input without bounds checks uses the checked_* forms.
#pragma once

#include <compare>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/assert.h"
#include "core/result.h"

namespace cp {

__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

// How digits that do not fit the target scale are removed.
enum class Rounding {
  kHalfUp,        // to nearest; a tie goes away from zero: 2.5 → 3, -2.5 → -3 (四舍五入)
  kHalfEven,      // to nearest; a tie goes to the even neighbour: 2.5 → 2, 3.5 → 4 (banker's)
  kCeiling,       // toward +infinity ("round up" of a positive fee): 2.1 → 3, -2.9 → -2
  kFloor,         // toward -infinity: 2.9 → 2, -2.1 → -3
  kAwayFromZero,  // 2.1 → 3, -2.1 → -3
  kTowardZero,    // truncation: 2.9 → 2, -2.9 → -2
};

// Returns "half_up", "half_even", "ceiling", "floor", "away_from_zero" or "toward_zero".
const char* rounding_name(Rounding mode);
Result<Rounding> parse_rounding(std::string_view name);

class DecimalOverflow : public std::overflow_error {
 public:
  using std::overflow_error::overflow_error;
};

// Packed to 8-byte alignment: a 128-bit member would align the whole to 16 and pad it to 32
// bytes; at 24 the day's millions of amounts (a dozen per investor, per pre-clearing row, per
// result) take a quarter less memory. The units are read and written by value, never through a
// reference, so the compiler's unaligned accesses are all there is to it.
class __attribute__((packed, aligned(8))) Decimal {
 public:
  // Largest scale (digits after the point) a Decimal may carry. Products of two inputs of
  // scale ≤ 18 fit; the inputs we read are limited to kMaxInputScale.
  static constexpr int kMaxScale = 36;
  static constexpr int kMaxInputScale = 18;
  // Largest number of significant digits: |units| < 10^38 (fits a signed 128-bit integer).
  static constexpr int kMaxDigits = 38;

  constexpr Decimal() = default;
  // The value units × 10^-scale. REQUIRES: 0 ≤ scale ≤ kMaxScale and |units| < 10^38.
  static Decimal from_units(Int128 units, int scale);
  static Decimal from_int(int64_t value) { return from_units(value, 0); }

  // Parses "[+|-]digits[.digits]": no exponent, no grouping, no spaces, at most
  // kMaxInputScale decimals and kMaxDigits digits. Keeps the written scale.
  static Result<Decimal> parse(std::string_view text);
  // Like parse(), and also refuses more than max_scale decimals (e.g. 2 for an HKD amount).
  static Result<Decimal> parse(std::string_view text, int max_scale);

  Int128 units() const { return units_; }
  int scale() const { return scale_; }
  int sign() const { return units_ < 0 ? -1 : (units_ > 0 ? 1 : 0); }
  bool is_zero() const { return units_ == 0; }
  bool is_negative() const { return units_ < 0; }

  // Plain decimal notation with exactly scale() decimals: "-0.05", "12", "1.50".
  std::string to_string() const;
  // to_string() with a thousands separator in the integer part: "1,234,567.89".
  std::string to_string_grouped() const;

  // The value at `scale` decimals. Adding decimals is exact; removing them rounds by `mode`.
  // Throws DecimalOverflow when the result does not fit.
  Decimal round(int scale, Rounding mode) const;
  Result<Decimal> checked_round(int scale, Rounding mode) const;
  // The value with trailing zeros after the point removed: 1.500 → 1.5, 2.00 → 2.
  Decimal normalized() const;
  // Returns true when round(scale, any mode) loses nothing.
  bool fits_scale(int scale) const;

  Decimal abs() const;
  Decimal operator-() const { return Decimal(-units_, scale_); }  // |units| < 10^38: exact

  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b);
  // Exact product; its scale is the sum of the scales (normalized if above kMaxScale).
  friend Decimal operator*(const Decimal& a, const Decimal& b);
  Decimal& operator+=(const Decimal& other) { return *this = *this + other; }
  Decimal& operator-=(const Decimal& other) { return *this = *this - other; }

  // Compares values, not representations: 1.5 == 1.50.
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
  friend bool operator==(const Decimal& a, const Decimal& b) {
    return (a <=> b) == std::strong_ordering::equal;
  }

 private:
  constexpr Decimal(Int128 units, int scale) : units_(units), scale_(scale) {}
  // The general paths of the operators (decimal.cpp), for what the inline ones below leave.
  friend Decimal add_general(const Decimal& a, const Decimal& b);
  friend Decimal multiply_general(const Decimal& a, const Decimal& b);
  friend std::strong_ordering compare_general(const Decimal& a, const Decimal& b);

  Int128 units_ = 0;
  int32_t scale_ = 0;
};
static_assert(sizeof(Decimal) == 24);

// The operators' common cases, inline: the clearing adds, multiplies and compares a dozen
// amounts per execution, ten million times at the end of a big day, and a call with a Result
// per operation was a quarter of its time. Units below 2^63 in magnitude ("small": every amount,
// price and rate of a day) leave room for the exact answer without a check: a small value scaled
// up by at most 18 decimals stays below 2^123, a sum of two such below 2^124, and a product of two
// small values below 2^126, all under the 10^38 (> 2^126) a Decimal may hold. The rest goes to
// the general paths in decimal.cpp; a property test compares the two.
namespace decimal_detail {
inline constexpr Int128 kSmall = static_cast<Int128>(1) << 63;
inline bool small(Int128 units) {
  return units > -kSmall && units < kSmall;
}
// 10^digits for 0 ≤ digits ≤ 18.
inline constexpr int64_t kPow10By18[19] = {1,
                                           10,
                                           100,
                                           1'000,
                                           10'000,
                                           100'000,
                                           1'000'000,
                                           10'000'000,
                                           100'000'000,
                                           1'000'000'000,
                                           10'000'000'000,
                                           100'000'000'000,
                                           1'000'000'000'000,
                                           10'000'000'000'000,
                                           100'000'000'000'000,
                                           1'000'000'000'000'000,
                                           10'000'000'000'000'000,
                                           100'000'000'000'000'000,
                                           1'000'000'000'000'000'000};
// Every Decimal keeps |units| < 10^38: 38 significant digits, and negation is always safe.
inline constexpr Int128 kUnitsLimit =
    static_cast<Int128>(kPow10By18[18]) * kPow10By18[18] * 100;  // 10^38
}  // namespace decimal_detail

inline Decimal Decimal::from_units(Int128 units, int scale) {
  CP_ASSERT(scale >= 0 && scale <= kMaxScale, "decimal scale out of range");
  CP_ASSERT(units > -decimal_detail::kUnitsLimit && units < decimal_detail::kUnitsLimit,
            "decimal units out of range");
  return Decimal(units, scale);
}

inline Decimal operator+(const Decimal& a, const Decimal& b) {
  if (decimal_detail::small(a.units_) && decimal_detail::small(b.units_)) {
    const int apart = a.scale_ - b.scale_;
    if (apart == 0) return Decimal(a.units_ + b.units_, a.scale_);
    if (apart > 0 && apart <= 18) {
      return Decimal(a.units_ + b.units_ * decimal_detail::kPow10By18[apart], a.scale_);
    }
    if (apart < 0 && apart >= -18) {
      return Decimal(a.units_ * decimal_detail::kPow10By18[-apart] + b.units_, b.scale_);
    }
  }
  return add_general(a, b);
}
inline Decimal operator-(const Decimal& a, const Decimal& b) {
  return a + (-b);
}
inline Decimal operator*(const Decimal& a, const Decimal& b) {
  if (decimal_detail::small(a.units_) && decimal_detail::small(b.units_) &&
      a.scale_ + b.scale_ <= Decimal::kMaxScale) {
    return Decimal(a.units_ * b.units_, a.scale_ + b.scale_);
  }
  return multiply_general(a, b);
}
inline std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  if (a.scale_ == b.scale_) return a.units_ <=> b.units_;
  if (decimal_detail::small(a.units_) && decimal_detail::small(b.units_)) {
    const int apart = a.scale_ - b.scale_;
    if (apart > 0 && apart <= 18) return a.units_ <=> b.units_ * decimal_detail::kPow10By18[apart];
    if (apart < 0 && apart >= -18) {
      return a.units_ * decimal_detail::kPow10By18[-apart] <=> b.units_;
    }
  }
  return compare_general(a, b);
}

Result<Decimal> checked_add(const Decimal& a, const Decimal& b);
Result<Decimal> checked_sub(const Decimal& a, const Decimal& b);
Result<Decimal> checked_mul(const Decimal& a, const Decimal& b);
// a ÷ b at `scale` decimals, rounded by `mode`. Division by zero is an invalid-input error.
Result<Decimal> checked_div(const Decimal& a, const Decimal& b, int scale, Rounding mode);
// As checked_div; throws DecimalOverflow on overflow. REQUIRES: b is not zero.
Decimal divide(const Decimal& a, const Decimal& b, int scale, Rounding mode);
// a × b rounded to `scale` by `mode`: the usual "rate on an amount" step in one call.
Decimal multiply_round(const Decimal& a, const Decimal& b, int scale, Rounding mode);

// 10^exponent. REQUIRES: 0 ≤ exponent ≤ 38.
Int128 pow10_int128(int exponent);
// Decimal text of a 128-bit integer.
std::string int128_to_string(Int128 value);

}  // namespace cp
