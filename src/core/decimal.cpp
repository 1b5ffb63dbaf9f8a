#include "core/decimal.h"

#include <algorithm>
#include <array>

namespace cp {
namespace {

constexpr std::array<Int128, 39> make_pow10() {
  std::array<Int128, 39> table{};
  table[0] = 1;
  for (size_t i = 1; i < table.size(); ++i) table[i] = table[i - 1] * 10;  // 10^38 < 2^127
  return table;
}
constexpr std::array<Int128, 39> kPow10 = make_pow10();
using decimal_detail::kUnitsLimit;  // 10^38 (decimal.h)
static_assert(kUnitsLimit == kPow10[38]);

bool in_range(Int128 units) {
  return units > -kUnitsLimit && units < kUnitsLimit;
}

// Whether a quotient moves one away from zero, by `mode`, given what was cut: `remainder` out
// of `divisor` (0 < remainder < divisor). The one statement of the modes, for the 64-bit and
// 128-bit divisions alike.
template <typename Unsigned>
bool rounds_away(Unsigned quotient, Unsigned remainder, Unsigned divisor, bool negative,
                 Rounding mode) {
  const Unsigned rest = divisor - remainder;  // distance to the next multiple: no overflow
  switch (mode) {
    case Rounding::kHalfUp:
      return remainder >= rest;
    case Rounding::kHalfEven:
      return remainder > rest || (remainder == rest && (quotient & 1) != 0);
    case Rounding::kCeiling:
      return !negative;
    case Rounding::kFloor:
      return negative;
    case Rounding::kAwayFromZero:
      return true;
    case Rounding::kTowardZero:
      return false;
  }
  return false;
}

Error overflow(const std::string& what) {
  return make_error(ErrorCode::kOverflow, "decimal overflow: " + what + " does not fit " +
                                              std::to_string(Decimal::kMaxDigits) +
                                              " significant digits");
}

UInt128 magnitude(Int128 value) {
  return value < 0 ? UInt128(0) - static_cast<UInt128>(value) : static_cast<UInt128>(value);
}

// num ÷ den as an integer, rounded by mode. REQUIRES: den != 0.
Result<Int128> divide_rounded(Int128 num, Int128 den, Rounding mode) {
  const bool negative = (num < 0) != (den < 0);
  const UInt128 n = magnitude(num);
  const UInt128 d = magnitude(den);
  UInt128 quotient = 0;
  UInt128 remainder = 0;
  if ((n >> 64) == 0 && (d >> 64) == 0) {
    // Amounts and rates almost always fit 64 bits: one hardware division instead of the two
    // 128-bit library calls (/ and %), which were the clearing's largest arithmetic cost.
    const auto n64 = static_cast<uint64_t>(n);
    const auto d64 = static_cast<uint64_t>(d);
    quotient = n64 / d64;
    remainder = n64 % d64;
  } else {
    quotient = n / d;
    remainder = n % d;
  }
  if (remainder != 0 && rounds_away(quotient, remainder, d, negative, mode)) ++quotient;
  if (quotient >= static_cast<UInt128>(kUnitsLimit)) return overflow("a quotient");
  const auto value = static_cast<Int128>(quotient);
  return negative ? -value : value;
}

Result<Int128> scale_up(Int128 units, int by_digits, const char* what) {
  if (by_digits == 0) return units;  // same scale: the common case of a sum
  if (by_digits > 38) return overflow(what);
  Int128 scaled = 0;
  if (__builtin_mul_overflow(units, kPow10[by_digits], &scaled) || !in_range(scaled)) {
    return overflow(what);
  }
  return scaled;
}

Decimal or_throw(Result<Decimal> result) {
  if (!result.ok()) throw DecimalOverflow(result.error().message);
  return std::move(result).value();
}

}  // namespace

Int128 pow10_int128(int exponent) {
  CP_ASSERT(exponent >= 0 && exponent <= 38, "pow10 exponent out of range");
  return kPow10[exponent];
}

namespace {
std::string magnitude_digits(UInt128 mag) {
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(mag % 10)));
    mag /= 10;
  } while (mag != 0);
  std::reverse(digits.begin(), digits.end());
  return digits;
}
}  // namespace

std::string int128_to_string(Int128 value) {
  return (value < 0 ? "-" : "") + magnitude_digits(magnitude(value));
}

const char* rounding_name(Rounding mode) {
  switch (mode) {
    case Rounding::kHalfUp:
      return "half_up";
    case Rounding::kHalfEven:
      return "half_even";
    case Rounding::kCeiling:
      return "ceiling";
    case Rounding::kFloor:
      return "floor";
    case Rounding::kAwayFromZero:
      return "away_from_zero";
    case Rounding::kTowardZero:
      return "toward_zero";
  }
  return "half_up";
}

Result<Rounding> parse_rounding(std::string_view name) {
  for (Rounding mode : {Rounding::kHalfUp, Rounding::kHalfEven, Rounding::kCeiling,
                        Rounding::kFloor, Rounding::kAwayFromZero, Rounding::kTowardZero}) {
    if (name == rounding_name(mode)) return mode;
  }
  return invalid_input("unknown rounding '" + std::string(name) +
                       "' (half_up, half_even, ceiling, floor, away_from_zero, toward_zero)");
}

Result<Decimal> Decimal::parse(std::string_view text) {
  const std::string quoted = "'" + std::string(text) + "'";
  if (text.empty()) return invalid_input("empty value where a decimal number is expected");
  size_t i = 0;
  bool negative = false;
  if (text[0] == '+' || text[0] == '-') {
    negative = text[0] == '-';
    ++i;
  }
  Int128 units = 0;
  int digits = 0;  // significant digits, leading zeros excluded
  int before = 0;  // digits before the point
  int scale = 0;
  auto take_digit = [&](char c) {
    if (digits > 0 || c != '0') ++digits;
    if (digits <= kMaxDigits) units = units * 10 + (c - '0');
  };
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++before) take_digit(text[i]);
  if (before == 0) return invalid_input(quoted + " is not a decimal number");
  if (i < text.size() && text[i] == '.') {
    ++i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++scale) take_digit(text[i]);
    if (scale == 0) return invalid_input(quoted + " has no digits after the decimal point");
  }
  if (i != text.size()) {
    const bool exponent = text[i] == 'e' || text[i] == 'E';
    return invalid_input(quoted + " is not a decimal number" +
                         (exponent ? " (exponents are not accepted)" : ""));
  }
  if (digits > kMaxDigits) {
    return make_error(ErrorCode::kOverflow, quoted + " has " + std::to_string(digits) +
                                                " significant digits; at most " +
                                                std::to_string(kMaxDigits) + " fit");
  }
  if (scale > kMaxInputScale) {
    return invalid_input(quoted + " has " + std::to_string(scale) + " decimals; at most " +
                         std::to_string(kMaxInputScale) + " are accepted");
  }
  return Decimal(negative ? -units : units, scale);
}

Result<Decimal> Decimal::parse(std::string_view text, int max_scale) {
  CP_ASSIGN_OR_RETURN(Decimal value, parse(text));
  if (value.scale_ > max_scale) {
    return invalid_input("'" + std::string(text) + "' has " + std::to_string(value.scale_) +
                         " decimals; at most " + std::to_string(max_scale) + " are allowed here");
  }
  return value;
}

std::string Decimal::to_string() const {
  // Written backwards into a stack buffer, then copied once: 38 digits, a point, a sign and the
  // leading zeros of a small fraction fit in 80 bytes.
  char buffer[80];
  char* end = buffer + sizeof buffer;
  char* p = end;
  UInt128 mag = magnitude(units_);
  int written = 0;
  auto emit = [&](auto& digits) {  // digits: UInt128, or uint64_t once it fits (a cheaper divide)
    while (digits != 0 || written <= scale_) {
      if (written == scale_ && scale_ > 0) *--p = '.';
      *--p = static_cast<char>('0' + static_cast<int>(digits % 10));
      digits /= 10;
      ++written;
      if constexpr (sizeof(digits) > sizeof(uint64_t)) {
        if ((digits >> 64) == 0) return;
      }
    }
  };
  emit(mag);
  if (mag != 0 || written <= scale_) {
    auto small = static_cast<uint64_t>(mag);
    emit(small);
  }
  if (units_ < 0) *--p = '-';
  return std::string(p, static_cast<size_t>(end - p));
}

std::string Decimal::to_string_grouped() const {
  std::string plain = to_string();
  const size_t start = plain[0] == '-' ? 1 : 0;
  size_t point = plain.find('.');
  if (point == std::string::npos) point = plain.size();
  for (size_t pos = point; pos > start + 3; pos -= 3) plain.insert(pos - 3, 1, ',');
  return plain;
}

Result<Decimal> Decimal::checked_round(int scale, Rounding mode) const {
  CP_ASSERT(scale >= 0 && scale <= kMaxScale, "rounding scale out of range");
  if (scale == scale_) return *this;
  if (scale > scale_) {
    CP_ASSIGN_OR_RETURN(Int128 units, scale_up(units_, scale - scale_, "a rescaled value"));
    return Decimal(units, scale);
  }
  CP_ASSIGN_OR_RETURN(Int128 units, divide_rounded(units_, kPow10[scale_ - scale], mode));
  return Decimal(units, scale);
}

namespace {

// n ÷ 10^digits for 1 ≤ digits ≤ 18, each divisor a constant: the compiler turns it into a
// multiplication and shifts, where a division instruction takes tens of cycles (the clearing
// rounds nine times per execution: fees, commission, RMB amounts).
uint64_t divide_by_pow10(uint64_t n, int digits) {
  switch (digits) {
    case 1:
      return n / 10U;
    case 2:
      return n / 100U;
    case 3:
      return n / 1'000U;
    case 4:
      return n / 10'000U;
    case 5:
      return n / 100'000U;
    case 6:
      return n / 1'000'000U;
    case 7:
      return n / 10'000'000U;
    case 8:
      return n / 100'000'000U;
    case 9:
      return n / 1'000'000'000U;
    case 10:
      return n / 10'000'000'000U;
    case 11:
      return n / 100'000'000'000U;
    case 12:
      return n / 1'000'000'000'000U;
    case 13:
      return n / 10'000'000'000'000U;
    case 14:
      return n / 100'000'000'000'000U;
    case 15:
      return n / 1'000'000'000'000'000U;
    case 16:
      return n / 10'000'000'000'000'000U;
    case 17:
      return n / 100'000'000'000'000'000U;
    default:
      return n / 1'000'000'000'000'000'000U;  // 18
  }
}

}  // namespace

Decimal Decimal::round(int scale, Rounding mode) const {
  // The common case without a Result or a 128-bit division: fewer decimals, by at most 18, of
  // units below 2^63 in magnitude (every amount and product of a day). The same answers as
  // checked_round (a unit test compares the two over every mode and sign).
  const int cut = scale_ - scale;
  const bool small = decimal_detail::small(units_);
  // Decimals added, at most 18: below 2^63 × 10^18 < 2^123, in range (10^38 > 2^126).
  if (cut < 0 && cut >= -18 && scale <= kMaxScale && small) {
    return Decimal(units_ * kPow10[-cut], scale);
  }
  if (cut > 0 && cut <= 18 && scale >= 0 && small) {
    const bool negative = units_ < 0;
    const auto n = static_cast<uint64_t>(negative ? -units_ : units_);
    const uint64_t quotient = divide_by_pow10(n, cut);
    const auto divisor = static_cast<uint64_t>(kPow10[cut]);
    const uint64_t remainder = n - quotient * divisor;
    const uint64_t rounded =
        quotient + (remainder != 0 && rounds_away(quotient, remainder, divisor, negative, mode));
    const auto value = static_cast<Int128>(rounded);
    return Decimal(negative ? -value : value, scale);
  }
  return or_throw(checked_round(scale, mode));
}

Decimal Decimal::normalized() const {
  Decimal out = *this;
  while (out.scale_ > 0 && out.units_ % 10 == 0) {
    out.units_ /= 10;
    --out.scale_;
  }
  return out;
}

bool Decimal::fits_scale(int scale) const {
  return scale >= scale_ || units_ % kPow10[scale_ - scale] == 0;
}

Decimal Decimal::abs() const {
  return Decimal(units_ < 0 ? -units_ : units_, scale_);
}

Result<Decimal> checked_add(const Decimal& a, const Decimal& b) {
  const int scale = std::max(a.scale(), b.scale());
  CP_ASSIGN_OR_RETURN(Int128 ua, scale_up(a.units(), scale - a.scale(), "an addend"));
  CP_ASSIGN_OR_RETURN(Int128 ub, scale_up(b.units(), scale - b.scale(), "an addend"));
  Int128 sum = 0;
  if (__builtin_add_overflow(ua, ub, &sum) || !in_range(sum)) {
    return overflow(a.to_string() + " + " + b.to_string());
  }
  return Decimal::from_units(sum, scale);
}

Result<Decimal> checked_sub(const Decimal& a, const Decimal& b) {
  return checked_add(a, -b);
}

Result<Decimal> checked_mul(const Decimal& a, const Decimal& b) {
  Int128 product = 0;
  if (__builtin_mul_overflow(a.units(), b.units(), &product) || !in_range(product)) {
    return overflow(a.to_string() + " × " + b.to_string());
  }
  int scale = a.scale() + b.scale();
  while (scale > Decimal::kMaxScale && product % 10 == 0) {
    product /= 10;
    --scale;
  }
  if (scale > Decimal::kMaxScale) {
    return make_error(ErrorCode::kOverflow, "decimal overflow: " + a.to_string() + " × " +
                                                b.to_string() + " needs more than " +
                                                std::to_string(Decimal::kMaxScale) + " decimals");
  }
  return Decimal::from_units(product, scale);
}

Result<Decimal> checked_div(const Decimal& a, const Decimal& b, int scale, Rounding mode) {
  CP_ASSERT(scale >= 0 && scale <= Decimal::kMaxScale, "division scale out of range");
  if (b.is_zero()) return invalid_input("division of " + a.to_string() + " by zero");
  // a/b = (ua / ub) × 10^(sb - sa); at `scale` decimals the integer result is
  // ua × 10^(scale + sb - sa) / ub.
  const int exponent = scale + b.scale() - a.scale();
  Int128 num = a.units();
  Int128 den = b.units();
  if (exponent >= 0) {
    if (exponent > 38 || __builtin_mul_overflow(num, kPow10[exponent], &num)) {
      return overflow(a.to_string() + " ÷ " + b.to_string());
    }
  } else {
    // Only a divisor with about 38 digits and many decimals gets here: report it rather than
    // round a quotient we did not compute.
    if (-exponent > 38 || __builtin_mul_overflow(den, kPow10[-exponent], &den)) {
      return overflow(a.to_string() + " ÷ " + b.to_string());
    }
  }
  CP_ASSIGN_OR_RETURN(Int128 units, divide_rounded(num, den, mode));
  return Decimal::from_units(units, scale);
}

Decimal divide(const Decimal& a, const Decimal& b, int scale, Rounding mode) {
  CP_ASSERT(!b.is_zero(), "division by zero");
  return or_throw(checked_div(a, b, scale, mode));
}

Decimal multiply_round(const Decimal& a, const Decimal& b, int scale, Rounding mode) {
  return (a * b).round(scale, mode);
}

// The operators' general paths (their common cases are inline in decimal.h).
Decimal add_general(const Decimal& a, const Decimal& b) {
  return or_throw(checked_add(a, b));
}
Decimal multiply_general(const Decimal& a, const Decimal& b) {
  return or_throw(checked_mul(a, b));
}

std::strong_ordering compare_general(const Decimal& a, const Decimal& b) {
  if (a.scale() == b.scale()) return a.units() <=> b.units();
  // Compare integer parts first, then the fractions at the common scale; |fraction| < 10^36
  // so no step can overflow whatever the two scales are.
  const Int128 int_a = a.units() / kPow10[a.scale()];
  const Int128 int_b = b.units() / kPow10[b.scale()];
  if (int_a != int_b) return int_a <=> int_b;
  const int scale = std::max(a.scale(), b.scale());
  const Int128 frac_a = (a.units() % kPow10[a.scale()]) * kPow10[scale - a.scale()];
  const Int128 frac_b = (b.units() % kPow10[b.scale()]) * kPow10[scale - b.scale()];
  return frac_a <=> frac_b;
}

}  // namespace cp
