// Worked numeric cases for cp::Decimal. Every expected value is derived by hand in the comment
// next to it (exact decimal arithmetic, no binary floating point), so a failure points at either
// the code or a one-line sum that a reviewer can redo on paper.
#include "core/decimal.h"

#include <gtest/gtest.h>

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/result.h"

namespace cp {
namespace {

Decimal D(std::string_view s) {
  return Decimal::parse(s).value();
}

// "ok", or the name of the error code ("invalid_input", "overflow"), for readable failures.
template <typename T>
std::string outcome(const Result<T>& result) {
  return result.ok() ? "ok" : error_code_name(result.error().code);
}

// 38 nines: the largest coefficient a Decimal holds (|units| < 10^38).
const std::string kNines38(38, '9');

// ---------------------------------------------------------------------------------------------
// Rounding: every mode at the exact .5 tie and just either side of it, positive and negative.
// ---------------------------------------------------------------------------------------------

struct RoundCase {
  const char* input;
  int scale;
  Rounding mode;
  const char* expected;
};

constexpr RoundCase kRoundCases[] = {
    // kHalfUp: to nearest, a tie goes away from zero.
    {"2.5", 0, Rounding::kHalfUp, "3"},     // tie: 2.5 is 0.5 from 2 and 3 → away from 0 → 3
    {"2.49", 0, Rounding::kHalfUp, "2"},    // 0.49 < 0.5 → down to 2
    {"2.51", 0, Rounding::kHalfUp, "3"},    // 0.51 > 0.5 → up to 3
    {"-2.5", 0, Rounding::kHalfUp, "-3"},   // tie → away from 0 → -3
    {"-2.49", 0, Rounding::kHalfUp, "-2"},  // |0.49| < 0.5 → -2
    {"-2.51", 0, Rounding::kHalfUp, "-3"},  // |0.51| > 0.5 → -3

    // kHalfEven: to nearest, a tie goes to the even neighbour.
    {"2.5", 0, Rounding::kHalfEven, "2"},     // tie between 2 and 3 → even 2
    {"2.49", 0, Rounding::kHalfEven, "2"},    // 0.49 < 0.5 → 2
    {"2.51", 0, Rounding::kHalfEven, "3"},    // 0.51 > 0.5 → 3
    {"-2.5", 0, Rounding::kHalfEven, "-2"},   // tie between -2 and -3 → even -2
    {"-2.49", 0, Rounding::kHalfEven, "-2"},  // |0.49| < 0.5 → -2
    {"-2.51", 0, Rounding::kHalfEven, "-3"},  // |0.51| > 0.5 → -3

    // kCeiling: toward +infinity.
    {"2.5", 0, Rounding::kCeiling, "3"},     // 2 < 2.5 ≤ 3 → 3
    {"2.49", 0, Rounding::kCeiling, "3"},    // 2 < 2.49 ≤ 3 → 3
    {"2.51", 0, Rounding::kCeiling, "3"},    // 2 < 2.51 ≤ 3 → 3
    {"-2.5", 0, Rounding::kCeiling, "-2"},   // -3 < -2.5 ≤ -2 → -2
    {"-2.49", 0, Rounding::kCeiling, "-2"},  // -3 < -2.49 ≤ -2 → -2
    {"-2.51", 0, Rounding::kCeiling, "-2"},  // -3 < -2.51 ≤ -2 → -2

    // kFloor: toward -infinity.
    {"2.5", 0, Rounding::kFloor, "2"},     // 2 ≤ 2.5 < 3 → 2
    {"2.49", 0, Rounding::kFloor, "2"},    // 2 ≤ 2.49 < 3 → 2
    {"2.51", 0, Rounding::kFloor, "2"},    // 2 ≤ 2.51 < 3 → 2
    {"-2.5", 0, Rounding::kFloor, "-3"},   // -3 ≤ -2.5 < -2 → -3
    {"-2.49", 0, Rounding::kFloor, "-3"},  // -3 ≤ -2.49 < -2 → -3
    {"-2.51", 0, Rounding::kFloor, "-3"},  // -3 ≤ -2.51 < -2 → -3

    // kAwayFromZero: any discarded digit moves the magnitude up.
    {"2.5", 0, Rounding::kAwayFromZero, "3"},     // |2.5| → 3
    {"2.49", 0, Rounding::kAwayFromZero, "3"},    // |2.49| → 3
    {"2.51", 0, Rounding::kAwayFromZero, "3"},    // |2.51| → 3
    {"-2.5", 0, Rounding::kAwayFromZero, "-3"},   // |-2.5| → 3, sign kept → -3
    {"-2.49", 0, Rounding::kAwayFromZero, "-3"},  // |-2.49| → 3 → -3
    {"-2.51", 0, Rounding::kAwayFromZero, "-3"},  // |-2.51| → 3 → -3

    // kTowardZero: truncation.
    {"2.5", 0, Rounding::kTowardZero, "2"},     // drop .5 → 2
    {"2.49", 0, Rounding::kTowardZero, "2"},    // drop .49 → 2
    {"2.51", 0, Rounding::kTowardZero, "2"},    // drop .51 → 2
    {"-2.5", 0, Rounding::kTowardZero, "-2"},   // drop .5 → -2
    {"-2.49", 0, Rounding::kTowardZero, "-2"},  // drop .49 → -2
    {"-2.51", 0, Rounding::kTowardZero, "-2"},  // drop .51 → -2

    // The tie at the cent (third decimal 5) and the parity rule of kHalfEven.
    {"3.5", 0, Rounding::kHalfEven, "4"},         // tie between 3 and 4 → even 4
    {"-3.5", 0, Rounding::kHalfEven, "-4"},       // tie between -3 and -4 → even -4
    {"-0.5", 0, Rounding::kHalfEven, "0"},        // tie between 0 and -1 → even 0, printed "0"
    {"0.125", 2, Rounding::kHalfUp, "0.13"},      // 12.5 cents, tie → away from 0 → 13 cents
    {"0.125", 2, Rounding::kHalfEven, "0.12"},    // 12.5 cents, tie → even 12 cents
    {"-0.125", 2, Rounding::kHalfUp, "-0.13"},    // -12.5 cents → -13 cents
    {"-0.125", 2, Rounding::kHalfEven, "-0.12"},  // -12.5 cents → even -12 cents
    {"0.135", 2, Rounding::kHalfEven, "0.14"},    // 13.5 cents, tie → even 14 cents
    {"0.1251", 2, Rounding::kHalfEven, "0.13"},   // 12.51 cents is past the tie → 13 cents
    {"0.1249", 2, Rounding::kHalfUp, "0.12"},     // 12.49 cents is short of the tie → 12 cents
    {"9.995", 2, Rounding::kHalfUp, "10.00"},     // 999.5 cents → 1000 cents: the carry ripples
    {"-9.995", 2, Rounding::kHalfUp, "-10.00"},   // -999.5 cents → -1000 cents
    {"9.995", 2, Rounding::kHalfEven, "10.00"},   // 999.5 cents, tie → even 1000 cents

    // Small negatives never print "-0": zero has no sign.
    {"-0.004", 2, Rounding::kHalfUp, "0.00"},   // -0.4 cents → 0 cents (|0.4| < 0.5)
    {"-0.004", 2, Rounding::kCeiling, "0.00"},  // -0.4 cents toward +inf → 0 cents
    {"-0.004", 2, Rounding::kFloor, "-0.01"},   // -0.4 cents toward -inf → -1 cent

    // Exact values are not moved by any mode; adding decimals is exact.
    {"2.00", 0, Rounding::kCeiling, "2"},            // 2.00 is already whole → 2
    {"2.00", 0, Rounding::kAwayFromZero, "2"},       // nothing discarded → 2
    {"-2.00", 0, Rounding::kFloor, "-2"},            // nothing discarded → -2
    {"1.5", 3, Rounding::kHalfUp, "1.500"},          // 1.5 = 1.500: two zeros appended
    {"-0.05", 4, Rounding::kTowardZero, "-0.0500"},  // -0.05 = -0.0500
    {"1.5", 1, Rounding::kCeiling, "1.5"},           // same scale: unchanged
};

TEST(DecimalTest, RoundsInEveryModeAtAndAroundTheTie) {
  for (const RoundCase& c : kRoundCases) {
    SCOPED_TRACE(std::string(c.input) + " to " + std::to_string(c.scale) + " dp, " +
                 rounding_name(c.mode));
    const Decimal rounded = D(c.input).round(c.scale, c.mode);
    EXPECT_EQ(rounded.to_string(), c.expected);
    EXPECT_EQ(rounded.scale(), c.scale);
    const Result<Decimal> checked = D(c.input).checked_round(c.scale, c.mode);
    ASSERT_TRUE(checked.ok());
    EXPECT_EQ(checked->to_string(), c.expected);
  }
}

// round() takes a shortcut for units below 2^63 in magnitude and cuts of 1 to 18 decimals
// (constant divisors); checked_round() never does. Both sides of each edge, worked by hand:
// 9.223372036854775807 is 2^63 − 1 units at 18 decimals (the shortcut), ...808 is 2^63 (not).
TEST(DecimalTest, RoundsTheSameOnEitherSideOfTheShortcut) {
  const RoundCase cases[] = {
      {"9.223372036854775807", 0, Rounding::kHalfUp, "9"},    // .22… < .5
      {"9.223372036854775807", 0, Rounding::kCeiling, "10"},  // anything cut → up
      {"-9.223372036854775807", 0, Rounding::kFloor, "-10"},  // toward −∞
      {"-9.223372036854775807", 0, Rounding::kTowardZero, "-9"},
      {"9.223372036854775808", 0, Rounding::kHalfUp, "9"},     // 2^63 units: the long way
      {"-9.223372036854775808", 0, Rounding::kCeiling, "-9"},  // toward +∞
      {"0.500000000000000000", 0, Rounding::kHalfEven, "0"},   // a tie, 18 decimals cut: even 0
      {"0.500000000000000000", 0, Rounding::kHalfUp, "1"},
      {"-1.500000000000000000", 0, Rounding::kHalfEven, "-2"},  // a tie: even −2
  };
  for (const RoundCase& c : cases) {
    SCOPED_TRACE(std::string(c.input) + ", " + rounding_name(c.mode));
    EXPECT_EQ(D(c.input).round(c.scale, c.mode).to_string(), c.expected);
    EXPECT_EQ(D(c.input).checked_round(c.scale, c.mode)->to_string(), c.expected);
  }
  // 0.5 × 10^-18 has 19 decimals: a cut of 19, the long way. 5 × 10^-19 is below half a unit.
  const Decimal tiny = D("0.5") * D("0.000000000000000001");
  ASSERT_EQ(tiny.scale(), 19);
  EXPECT_EQ(tiny.round(0, Rounding::kHalfUp).to_string(), "0");
  EXPECT_EQ(tiny.round(0, Rounding::kAwayFromZero).to_string(), "1");
  // And over many values, signs, cuts and modes, the shortcut agrees with the long way.
  uint64_t state = 88172645463325252ULL;  // xorshift64
  for (int i = 0; i < 20000; ++i) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    const auto magnitude = static_cast<int64_t>(state >> (1 + state % 50));
    const Int128 units = (state & 1) != 0 ? -static_cast<Int128>(magnitude) : magnitude;
    const int from = static_cast<int>(1 + state % 30);
    const Decimal value = Decimal::from_units(units, from);
    for (const Rounding mode : {Rounding::kHalfUp, Rounding::kHalfEven, Rounding::kCeiling,
                                Rounding::kFloor, Rounding::kAwayFromZero, Rounding::kTowardZero}) {
      const int to = static_cast<int>((state >> 8) % static_cast<uint64_t>(from));
      ASSERT_EQ(value.round(to, mode).to_string(), value.checked_round(to, mode)->to_string())
          << value.to_string() << " to " << to << ", " << rounding_name(mode);
    }
  }
}

// The operators answer small operands (units below 2^63) inline and the rest through the
// checked paths: the same value and scale either way. Worked edges: 2^63 − 1 units is the
// largest "small" value, 2^63 goes the long way; a scale gap of 18 is scaled inline, 19 is not.
TEST(DecimalTest, OperatorsAgreeWithTheCheckedPathsOnEitherSideOfTheShortcut) {
  const Decimal largest_small = Decimal::from_units(INT64_MAX, 0);  // 9223372036854775807
  const Decimal past_small = Decimal::from_units(static_cast<Int128>(INT64_MAX) + 1, 0);
  EXPECT_EQ((largest_small + D("1")).to_string(), "9223372036854775808");
  EXPECT_EQ((past_small + D("1")).to_string(), "9223372036854775809");
  EXPECT_EQ((largest_small * largest_small).to_string(),
            "85070591730234615847396907784232501249");  // (2^63 − 1)^2
  EXPECT_EQ((D("1.5") + D("0.000000000000000001")).to_string(), "1.500000000000000001");  // 18
  const Decimal tenth_of_a_small_unit = Decimal::from_units(1, 19);                       // 10^-19
  EXPECT_EQ((D("1.5") + tenth_of_a_small_unit).to_string(),
            "1.5000000000000000001");  // a gap of 18, from 1 decimal to 19
  EXPECT_EQ((D("2") - tenth_of_a_small_unit).to_string(),
            "1.9999999999999999999");  // a gap of 19: the long way
  EXPECT_LT(tenth_of_a_small_unit, D("1"));
  EXPECT_GT(past_small, largest_small);
  EXPECT_EQ(D("1.50") <=> D("1.5"), std::strong_ordering::equal);
  EXPECT_EQ(D("-0.001") <=> D("0"), std::strong_ordering::less);
  // And over many values, signs and scales, inline and checked give the same text.
  uint64_t state = 2463534242ULL;  // xorshift64
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  auto draw = [&] {
    const uint64_t bits = next();
    const auto magnitude = static_cast<Int128>(bits >> (bits % 64));
    const Int128 units = (bits & 1) != 0 ? -magnitude : magnitude;
    return Decimal::from_units(units, static_cast<int>(next() % 21));  // gaps up to 20
  };
  // Each operator against its checked form: the same text, or both refuse (an overflow).
  auto agree = [](const Decimal& a, const Decimal& b, const char* op, auto inline_op,
                  const Result<Decimal>& checked) {
    SCOPED_TRACE(a.to_string() + " " + op + " " + b.to_string());
    if (checked.ok()) {
      EXPECT_EQ(inline_op(a, b).to_string(), checked->to_string());
    } else {
      EXPECT_THROW(inline_op(a, b), DecimalOverflow);
    }
  };
  for (int i = 0; i < 20000; ++i) {
    const Decimal a = draw();
    const Decimal b = draw();
    agree(
        a, b, "+", [](const Decimal& x, const Decimal& y) { return x + y; }, checked_add(a, b));
    agree(
        a, b, "-", [](const Decimal& x, const Decimal& y) { return x - y; }, checked_sub(a, b));
    agree(
        a, b, "*", [](const Decimal& x, const Decimal& y) { return x * y; }, checked_mul(a, b));
    const Result<Decimal> difference = checked_sub(a, b);
    if (difference.ok()) {
      ASSERT_EQ(a <=> b, difference->sign() <=> 0) << a.to_string() << " <=> " << b.to_string();
    }
  }
}

// Rounding divides in 64 bits when the units fit and in 128 bits otherwise: the same rule on
// both sides of 2^64. 18446744073709551615 = 2^64 − 1 units and 18446744073709551625 (past it),
// both at 1 decimal, to 0 decimals: ...161.5 is a tie, ...162.5 too.
TEST(DecimalTest, RoundsTheSameEitherSideOfSixtyFourBits) {
  const RoundCase cases[] = {
      {"1844674407370955161.5", 0, Rounding::kHalfUp, "1844674407370955162"},
      {"1844674407370955161.5", 0, Rounding::kHalfEven, "1844674407370955162"},  // odd: up
      {"-1844674407370955161.5", 0, Rounding::kHalfUp, "-1844674407370955162"},
      {"1844674407370955162.5", 0, Rounding::kHalfUp, "1844674407370955163"},
      {"1844674407370955162.5", 0, Rounding::kHalfEven, "1844674407370955162"},  // even: stays
      {"-1844674407370955162.5", 0, Rounding::kFloor, "-1844674407370955163"},
      {"1844674407370955162.4", 0, Rounding::kCeiling, "1844674407370955163"},
  };
  for (const RoundCase& c : cases) {
    SCOPED_TRACE(std::string(c.input) + ", " + rounding_name(c.mode));
    EXPECT_EQ(D(c.input).round(c.scale, c.mode).to_string(), c.expected);
  }
}

// ---------------------------------------------------------------------------------------------
// Hong Kong fees: a rate times a consideration, the exact product, then one explicit rounding.
// ---------------------------------------------------------------------------------------------

struct RateCase {
  const char* amount;
  const char* rate;
  const char* exact;  // the exact product at scale(amount) + scale(rate)
  int scale;
  Rounding mode;
  const char* expected;
};

constexpr RateCase kRateCases[] = {
    // Stamp duty 0.1% (= 0.001) of the consideration, rounded UP to a whole HK$.
    // 11,710.00 × 0.001 = 11.71000 → ceiling to 0 dp = 12 (HKEX RMB FAQ example, via the issue)
    {"11710.00", "0.001", "11.71000", 0, Rounding::kCeiling, "12"},
    // 12,000.00 × 0.001 = 12.00000 → already whole, ceiling keeps 12
    {"12000.00", "0.001", "12.00000", 0, Rounding::kCeiling, "12"},
    // 0.01 × 0.001 = 0.00001 → any fraction of a dollar is charged as a whole dollar = 1
    {"0.01", "0.001", "0.00001", 0, Rounding::kCeiling, "1"},
    // Stamp duty at the earlier 0.13% (= 0.0013):
    // 35,150.00 × 0.0013 = 45.695000 → ceiling = 46
    {"35150.00", "0.0013", "45.695000", 0, Rounding::kCeiling, "46"},
    // 100.00 × 0.0013 = 0.130000 → ceiling = 1
    {"100.00", "0.0013", "0.130000", 0, Rounding::kCeiling, "1"},

    // SFC transaction levy 0.0027% (= 0.000027), half-up to cents.
    // 1,234,567.89 × 0.000027: 123,456,789 × 27 = 3,333,333,303 at 8 dp = 33.33333303 → 33.33
    {"1234567.89", "0.000027", "33.33333303", 2, Rounding::kHalfUp, "33.33"},
    // 10,000,000,000.00 × 0.000027 = 10^10 × 27 × 10^-6 = 270,000 exactly → 270000.00
    {"10000000000.00", "0.000027", "270000.00000000", 2, Rounding::kHalfUp, "270000.00"},

    // AFRC transaction levy 0.00015% (= 0.0000015), half-up to cents.
    // 10,000,000,000.00 × 0.0000015 = 10^10 × 15 × 10^-7 = 15,000 exactly → 15000.00
    {"10000000000.00", "0.0000015", "15000.000000000", 2, Rounding::kHalfUp, "15000.00"},
    // 3,000.00 × 0.0000015 = 0.0045 → 0.45 cents < half a cent → 0.00
    {"3000.00", "0.0000015", "0.004500000", 2, Rounding::kHalfUp, "0.00"},
    // 3,400.00 × 0.0000015 = 0.0051 → 0.51 cents > half a cent → 0.01
    {"3400.00", "0.0000015", "0.005100000", 2, Rounding::kHalfUp, "0.01"},
    // 3,333.33 × 0.0000015: 333,333 × 15 = 4,999,995 at 9 dp = 0.004999995 → just short → 0.00
    {"3333.33", "0.0000015", "0.004999995", 2, Rounding::kHalfUp, "0.00"},
    // 3,333.34 × 0.0000015: 333,334 × 15 = 5,000,010 at 9 dp = 0.005000010 → just past → 0.01
    {"3333.34", "0.0000015", "0.005000010", 2, Rounding::kHalfUp, "0.01"},
    // 30,000.00 × 0.0000015 = 0.045 exactly: a tie; half-up → 0.05
    {"30000.00", "0.0000015", "0.045000000", 2, Rounding::kHalfUp, "0.05"},
    // same tie, half-even → 4 cents is even → 0.04
    {"30000.00", "0.0000015", "0.045000000", 2, Rounding::kHalfEven, "0.04"},

    // HKEX trading fee 0.00565% (= 0.0000565), half-up to cents.
    // 1,234,567.89 × 0.0000565: 123,456,789 × 565 = 69,753,085,785 at 9 dp = 69.753085785 → 69.75
    {"1234567.89", "0.0000565", "69.753085785", 2, Rounding::kHalfUp, "69.75"},
    // 100,000.00 × 0.0000565 = 5.65 exactly → 5.65
    {"100000.00", "0.0000565", "5.650000000", 2, Rounding::kHalfUp, "5.65"},
    // 10,000.00 × 0.0000565 = 0.565 exactly: a tie; half-up → 0.57
    {"10000.00", "0.0000565", "0.565000000", 2, Rounding::kHalfUp, "0.57"},
    // same tie, half-even → 56 cents is even → 0.56
    {"10000.00", "0.0000565", "0.565000000", 2, Rounding::kHalfEven, "0.56"},

    // CCASS settlement fee 0.002% (= 0.00002); the min 2 / max 100 clamp is domain logic.
    // 50,000.00 × 0.00002 = 1.0000000 → 1.00 (below the minimum; clamping is not tested here)
    {"50000.00", "0.00002", "1.0000000", 2, Rounding::kHalfUp, "1.00"},
    // 1,234,567.89 × 0.00002: 123,456,789 × 2 = 246,913,578 at 7 dp = 24.6913578 → 24.69
    {"1234567.89", "0.00002", "24.6913578", 2, Rounding::kHalfUp, "24.69"},
    // 10,000,000.00 × 0.00002 = 200.0000000 → 200.00 (above the maximum; not clamped here)
    {"10000000.00", "0.00002", "200.0000000", 2, Rounding::kHalfUp, "200.00"},
};

TEST(DecimalTest, MultipliesFeeRatesExactlyThenRoundsOnce) {
  for (const RateCase& c : kRateCases) {
    SCOPED_TRACE(std::string(c.amount) + " × " + c.rate + ", " + rounding_name(c.mode));
    const Decimal product = D(c.amount) * D(c.rate);
    EXPECT_EQ(product.to_string(), c.exact);
    EXPECT_EQ(multiply_round(D(c.amount), D(c.rate), c.scale, c.mode).to_string(), c.expected);
    EXPECT_EQ(product.round(c.scale, c.mode).to_string(), c.expected);
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing and formatting.
// ---------------------------------------------------------------------------------------------

struct FormatCase {
  const char* text;
  const char* expected;
};

constexpr FormatCase kRoundTripCases[] = {
    {"1.50", "1.50"},                // the written scale is kept: the trailing zero stays
    {"-0.05", "-0.05"},              // negative with a leading zero before the point
    {"0.000", "0.000"},              // zero at scale 3
    {"+3", "3"},                     // an explicit plus sign is dropped
    {"-0", "0"},                     // zero has no sign
    {"-0.00", "0.00"},               // zero at scale 2 has no sign either
    {"007.10", "7.10"},              // leading zeros dropped, the scale (2) kept
    {"+0.10", "0.10"},               // plus sign dropped, trailing zero kept
    {"12", "12"},                    // an integer stays an integer (scale 0)
    {"-12345.6789", "-12345.6789"},  // four decimals kept
    {"0.000000000000000001", "0.000000000000000001"},  // 10^-18: the most decimals accepted
    // 44 digits of which only "15" is significant: leading zeros do not count toward 38
    {"0000000000000000000000000000000000000000001.5", "1.5"},
};

TEST(DecimalTest, ParseThenFormatKeepsTheWrittenScale) {
  for (const FormatCase& c : kRoundTripCases) {
    SCOPED_TRACE(c.text);
    const Result<Decimal> parsed = Decimal::parse(c.text);
    ASSERT_TRUE(parsed.ok()) << outcome(parsed);
    EXPECT_EQ(parsed->to_string(), c.expected);
  }
  // The largest coefficient, positive and negative, survives a round trip.
  EXPECT_EQ(D(kNines38).to_string(), kNines38);
  EXPECT_EQ(D("-" + kNines38).to_string(), "-" + kNines38);
}

TEST(DecimalTest, ParseRecordsUnitsAndScale) {
  // "1.50" = 150 × 10^-2
  EXPECT_EQ(int128_to_string(D("1.50").units()), "150");
  EXPECT_EQ(D("1.50").scale(), 2);
  // "+3" = 3 × 10^0
  EXPECT_EQ(D("+3").scale(), 0);
  // "-0.05" = -5 × 10^-2
  EXPECT_EQ(int128_to_string(D("-0.05").units()), "-5");
  EXPECT_EQ(D("-0.05").sign(), -1);
  // "-0" is zero: no sign, not negative
  EXPECT_EQ(D("-0").sign(), 0);
  EXPECT_FALSE(D("-0").is_negative());
  EXPECT_TRUE(D("0.000").is_zero());
  // from_units(-12345, 3) = -12345 × 10^-3 = -12.345
  EXPECT_EQ(Decimal::from_units(-12345, 3).to_string(), "-12.345");
  EXPECT_EQ(Decimal::from_int(-7).to_string(), "-7");
  // 10^38 - 1 is 38 nines; -(10^20) is a 1 and 20 zeros
  EXPECT_EQ(int128_to_string(pow10_int128(38) - 1), kNines38);
  EXPECT_EQ(int128_to_string(-pow10_int128(20)), "-100000000000000000000");
}

constexpr FormatCase kGroupedCases[] = {
    {"1234567.89", "1,234,567.89"},           // 1 | 234 | 567, decimals untouched
    {"-1000", "-1,000"},                      // the sign is not a digit: "-1,000" not "-,1000"
    {"999", "999"},                           // three digits: no separator
    {"1000", "1,000"},                        // four digits: one separator
    {"123456", "123,456"},                    // six digits: one separator, none in front
    {"-123456.7", "-123,456.7"},              // negative, six digits
    {"-999.99", "-999.99"},                   // negative, three digits: no separator
    {"0.05", "0.05"},                         // below one
    {"10000000000.00", "10,000,000,000.00"},  // HK$10bn: 10 | 000 | 000 | 000
};

TEST(DecimalTest, FormatsWithThousandsSeparators) {
  for (const FormatCase& c : kGroupedCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(D(c.text).to_string_grouped(), c.expected);
  }
}

TEST(DecimalTest, NormalizedDropsTrailingZerosAfterThePointOnly) {
  EXPECT_EQ(D("1.500").normalized().to_string(), "1.5");  // 1.500 = 1.5
  EXPECT_EQ(D("2.00").normalized().to_string(), "2");     // 2.00 = 2
  EXPECT_EQ(D("100").normalized().to_string(), "100");    // zeros before the point stay
  EXPECT_EQ(D("-0.050").normalized().to_string(), "-0.05");
  // fits_scale: 1.500 loses nothing at 1 dp (1.5) but would at 0 dp (1.5 is not whole)
  EXPECT_TRUE(D("1.500").fits_scale(1));
  EXPECT_FALSE(D("1.500").fits_scale(0));
  EXPECT_TRUE(D("2.00").fits_scale(0));
  EXPECT_TRUE(D("2.5").fits_scale(4));  // adding decimals is always exact
}

struct ParseErrorCase {
  const char* text;
  const char* expected;  // outcome(): the error code name
};

constexpr ParseErrorCase kParseErrorCases[] = {
    {"", "invalid_input"},       // empty
    {"abc", "invalid_input"},    // no digits
    {"1e5", "invalid_input"},    // exponent notation is refused, not read as 100000
    {"1E5", "invalid_input"},    // upper-case exponent too
    {"1.", "invalid_input"},     // no digits after the point
    {".5", "invalid_input"},     // no digits before the point
    {" 1", "invalid_input"},     // leading space
    {"1 ", "invalid_input"},     // trailing space
    {"1,000", "invalid_input"},  // grouping separators are output-only
    {"+", "invalid_input"},      // a sign and nothing else
    {"-", "invalid_input"},
    {"--1", "invalid_input"},    // two signs
    {"1.2.3", "invalid_input"},  // two points
    {"0x10", "invalid_input"},   // no hexadecimal
    {"NaN", "invalid_input"},    // no floating-point specials
    {"inf", "invalid_input"},
    // 19 decimals: one more than kMaxInputScale (18)
    {"1.0000000000000000000", "invalid_input"},
    // 39 significant digits: one more than kMaxDigits (38)
    {"123456789012345678901234567890123456789", "overflow"},
    {"-123456789012345678901234567890123456789", "overflow"},
    // 37 digits before the point + 2 after = 39 significant digits
    {"1234567890123456789012345678901234567.89", "overflow"},
};

TEST(DecimalTest, ParseRejectsMalformedInput) {
  for (const ParseErrorCase& c : kParseErrorCases) {
    SCOPED_TRACE(std::string("'") + c.text + "'");
    EXPECT_EQ(outcome(Decimal::parse(c.text)), c.expected);
  }
  // The message says why an exponent failed.
  const Result<Decimal> exponent = Decimal::parse("1e5");
  ASSERT_FALSE(exponent.ok());
  EXPECT_NE(exponent.error().message.find("exponent"), std::string::npos)
      << exponent.error().message;
  // 38 significant digits and 18 decimals are the limits, inclusive.
  EXPECT_EQ(outcome(Decimal::parse(kNines38)), "ok");
  EXPECT_EQ(outcome(Decimal::parse("0.123456789012345678")), "ok");
}

TEST(DecimalTest, ParseWithMaxScaleRefusesExtraDecimals) {
  // An HKD amount has at most 2 decimals.
  EXPECT_EQ(outcome(Decimal::parse("12.345", 2)), "invalid_input");  // 3 decimals > 2
  EXPECT_EQ(outcome(Decimal::parse("12.34", 2)), "ok");              // 2 ≤ 2
  const Result<Decimal> one_decimal = Decimal::parse("12.3", 2);     // 1 ≤ 2, scale kept
  ASSERT_TRUE(one_decimal.ok());
  EXPECT_EQ(one_decimal->to_string(), "12.3");
  EXPECT_EQ(outcome(Decimal::parse("12", 0)), "ok");               // 0 ≤ 0
  EXPECT_EQ(outcome(Decimal::parse("12.0", 0)), "invalid_input");  // a written zero counts
  // Errors of the plain parse come through unchanged.
  EXPECT_EQ(outcome(Decimal::parse("1e5", 2)), "invalid_input");
  EXPECT_EQ(outcome(Decimal::parse("123456789012345678901234567890123456789", 2)), "overflow");
}

TEST(DecimalTest, RoundingNamesRoundTrip) {
  for (Rounding mode : {Rounding::kHalfUp, Rounding::kHalfEven, Rounding::kCeiling,
                        Rounding::kFloor, Rounding::kAwayFromZero, Rounding::kTowardZero}) {
    SCOPED_TRACE(rounding_name(mode));
    const Result<Rounding> parsed = parse_rounding(rounding_name(mode));
    ASSERT_TRUE(parsed.ok());
    EXPECT_TRUE(*parsed == mode);
  }
  EXPECT_STREQ(rounding_name(Rounding::kHalfEven), "half_even");
  EXPECT_EQ(outcome(parse_rounding("bankers")), "invalid_input");
  EXPECT_EQ(outcome(parse_rounding("HALF_UP")), "invalid_input");  // names are lower case
}

// ---------------------------------------------------------------------------------------------
// Comparison is by value, across scales.
// ---------------------------------------------------------------------------------------------

struct CompareCase {
  const char* a;
  const char* b;
  int expected;  // -1: a < b, 0: a == b, 1: a > b
};

constexpr CompareCase kCompareCases[] = {
    {"1.5", "1.50", 0},                   // 1.5 = 150/100 = 1.50
    {"-0.5", "0.3", -1},                  // negative < positive
    {"2.10", "2.09", 1},                  // 210 > 209 hundredths
    {"0", "-0.00", 0},                    // zero at any scale, any sign
    {"-1.5", "-1.49", -1},                // -150 < -149 hundredths
    {"-2.5", "-2.50", 0},                 // -25/10 = -250/100
    {"12", "12.000", 0},                  // 12 = 12000/1000
    {"-0.05", "0", -1},                   // a small negative is below zero
    {"1", "0.999999999999999999", 1},     // 1 - 10^-18 < 1
    {"-1", "-0.999999999999999999", -1},  // -1 < -(1 - 10^-18)
    {"0.000000000000000001", "0", 1},     // 10^-18 > 0
    {"100", "99.999999999999999999", 1},  // 100 - 10^-18 < 100
};

TEST(DecimalTest, ComparesValuesAcrossScales) {
  for (const CompareCase& c : kCompareCases) {
    SCOPED_TRACE(std::string(c.a) + " vs " + c.b);
    const Decimal a = D(c.a);
    const Decimal b = D(c.b);
    const std::strong_ordering ab = a <=> b;
    const int got = ab < 0 ? -1 : (ab > 0 ? 1 : 0);
    EXPECT_EQ(got, c.expected);
    const std::strong_ordering ba = b <=> a;
    EXPECT_EQ(ba < 0 ? -1 : (ba > 0 ? 1 : 0), -c.expected);  // antisymmetric
    EXPECT_EQ(a == b, c.expected == 0);
    EXPECT_EQ(a != b, c.expected != 0);
    EXPECT_EQ(a < b, c.expected < 0);
    EXPECT_EQ(a > b, c.expected > 0);
  }
  // At the largest scale: 10^-36 < 10^-35.
  EXPECT_TRUE(Decimal::from_units(1, 36) < Decimal::from_units(1, 35));
  // The largest value against a small one with many decimals: 10^38 - 1 > 0.5.
  EXPECT_TRUE(D(kNines38) > D("0.500000000000000000"));
}

// ---------------------------------------------------------------------------------------------
// Exact arithmetic.
// ---------------------------------------------------------------------------------------------

TEST(DecimalTest, AddsAndMultipliesExactly) {
  // 0.1 + 0.2 = 3/10 exactly (in binary floating point it is 0.30000000000000004).
  EXPECT_TRUE(D("0.1") + D("0.2") == D("0.3"));
  EXPECT_EQ((D("0.1") + D("0.2")).to_string(), "0.3");
  // Ten times 0.1 is exactly 1 (1.0 at scale 1).
  Decimal sum;
  for (int i = 0; i < 10; ++i) sum += D("0.1");
  EXPECT_EQ(sum.to_string(), "1.0");
  EXPECT_TRUE(sum == D("1"));
  // 0.3 - 0.1 - 0.2 = 0 exactly.
  EXPECT_TRUE((D("0.3") - D("0.1") - D("0.2")).is_zero());
  // 1.10 + 2.205 = 3.305: the sum takes the larger scale (3).
  EXPECT_EQ((D("1.10") + D("2.205")).to_string(), "3.305");
  // 1.10 - 2.205 = -1.105
  EXPECT_EQ((D("1.10") - D("2.205")).to_string(), "-1.105");
  // 1.5 × 1.50 = 2.250: the product's scale is 1 + 2 = 3.
  EXPECT_EQ((D("1.5") * D("1.50")).to_string(), "2.250");
  // -0.5 × 0.5 = -0.25
  EXPECT_EQ((D("-0.5") * D("0.5")).to_string(), "-0.25");
  // 0.1 × 3 = 0.3
  EXPECT_EQ((D("0.1") * D("3")).to_string(), "0.3");
  // Negation and absolute value keep the scale.
  EXPECT_EQ((-D("1.50")).to_string(), "-1.50");
  EXPECT_EQ(D("-0.05").abs().to_string(), "0.05");
  // 10^-18 × 10^-18 = 10^-36: exactly at kMaxScale.
  const Decimal tiny = D("0.000000000000000001") * D("0.000000000000000001");
  EXPECT_EQ(tiny.scale(), 36);
  EXPECT_EQ(tiny.to_string(), "0." + std::string(35, '0') + "1");
  // 10^-36 × 1.000: scale 39 > 36, but the product 1000 × 10^-39 normalizes to 1 × 10^-36.
  const Result<Decimal> renormalized = checked_mul(tiny, D("1.000"));
  ASSERT_TRUE(renormalized.ok());
  EXPECT_EQ(renormalized->scale(), 36);
  EXPECT_TRUE(*renormalized == tiny);
}

// ---------------------------------------------------------------------------------------------
// Overflow is reported, never wrapped.
// ---------------------------------------------------------------------------------------------

TEST(DecimalTest, DetectsOverflow) {
  // Two 20-digit numbers: 1.23…e19 × 9.87…e19 ≈ 1.2e39 ≥ 10^38.
  const Decimal a = D("12345678901234567890");
  const Decimal b = D("98765432109876543210");
  EXPECT_EQ(outcome(checked_mul(a, b)), "overflow");
  EXPECT_THROW(static_cast<void>(a * b), DecimalOverflow);
  // 10^19 × 10^19 = 10^38: one past the largest coefficient (10^38 - 1).
  const Decimal e19 = D("10000000000000000000");
  EXPECT_EQ(outcome(checked_mul(e19, e19)), "overflow");
  // 10^19 × (10^19 - 1) = 10^38 - 10^19 < 10^38: fits, 19 nines then 19 zeros.
  const Result<Decimal> fits = checked_mul(e19, D("9999999999999999999"));
  ASSERT_TRUE(fits.ok());
  EXPECT_EQ(fits->to_string(), "99999999999999999990000000000000000000");

  // (10^38 - 1) + 1 = 10^38: overflow.
  const Decimal largest = D(kNines38);
  EXPECT_EQ(outcome(checked_add(largest, D("1"))), "overflow");
  EXPECT_THROW(static_cast<void>(largest + D("1")), DecimalOverflow);
  // -(10^38 - 1) - 1 = -10^38: overflow on the negative side.
  EXPECT_EQ(outcome(checked_sub(-largest, D("1"))), "overflow");
  // (10^38 - 1) + 0.1 needs 39 digits (the coefficient at scale 1 is 10^39 - 10): overflow.
  EXPECT_EQ(outcome(checked_add(largest, D("0.1"))), "overflow");
  // (10^38 - 1) + (-1) = 10^38 - 2: fits.
  const Result<Decimal> below = checked_add(largest, D("-1"));
  ASSERT_TRUE(below.ok());
  EXPECT_EQ(below->to_string(), std::string(37, '9') + "8");
  // (10^38 - 1) - (10^38 - 1) = 0
  EXPECT_TRUE((largest - largest).is_zero());

  // Rounding up to more decimals multiplies the coefficient: 100 at 36 dp = 10^38 units.
  EXPECT_EQ(outcome(D("100").checked_round(36, Rounding::kHalfUp)), "overflow");
  EXPECT_THROW(static_cast<void>(D("100").round(36, Rounding::kHalfUp)), DecimalOverflow);
  // 99 at 36 dp = 99 × 10^36 units < 10^38: fits.
  EXPECT_EQ(D("99").round(36, Rounding::kHalfUp).to_string(), "99." + std::string(36, '0'));
  // A 38-digit integer at 1 dp needs 39 digits.
  EXPECT_EQ(outcome(D("12345678901234567890123456789012345678").checked_round(1, Rounding::kFloor)),
            "overflow");

  // 10^-36 × 0.1 = 10^-37: more than 36 decimals and nothing to normalize away.
  const Decimal tiny = Decimal::from_units(1, 36);
  EXPECT_EQ(outcome(checked_mul(tiny, D("0.1"))), "overflow");
}

// ---------------------------------------------------------------------------------------------
// Division: always at a stated scale with a stated rounding.
// ---------------------------------------------------------------------------------------------

struct DivCase {
  const char* a;
  const char* b;
  int scale;
  Rounding mode;
  const char* expected;
};

constexpr DivCase kDivCases[] = {
    {"1", "3", 4, Rounding::kHalfUp, "0.3333"},    // 0.3333|33… → 0.3333
    {"2", "3", 2, Rounding::kHalfUp, "0.67"},      // 0.66|66… → 0.67 (past the tie)
    {"2", "3", 2, Rounding::kTowardZero, "0.66"},  // 0.66|66… truncated → 0.66
    {"-2", "3", 2, Rounding::kHalfUp, "-0.67"},    // -0.66|66… → -0.67
    {"-2", "3", 2, Rounding::kCeiling, "-0.66"},   // toward +inf → -0.66
    {"-2", "3", 2, Rounding::kFloor, "-0.67"},     // toward -inf → -0.67
    {"10", "3", 0, Rounding::kCeiling, "4"},       // 3.33… → 4
    {"1", "8", 2, Rounding::kHalfUp, "0.13"},      // 0.125 exactly, tie → 0.13
    {"1", "8", 2, Rounding::kHalfEven, "0.12"},    // 0.125 exactly, tie → even 0.12
    {"-1", "8", 2, Rounding::kHalfUp, "-0.13"},    // -0.125, tie → away from 0 → -0.13
    {"-1", "8", 2, Rounding::kHalfEven, "-0.12"},  // -0.125, tie → even -0.12
    {"10", "4", 0, Rounding::kHalfEven, "2"},      // 2.5, tie → even 2
    {"10", "4", 0, Rounding::kHalfUp, "3"},        // 2.5, tie → 3
    {"-10", "-4", 0, Rounding::kHalfEven, "2"},    // (-10)/(-4) = +2.5, tie → even 2
    {"1", "0.5", 0, Rounding::kHalfUp, "2"},       // 1 / (1/2) = 2 exactly
    {"1", "-0.5", 0, Rounding::kHalfUp, "-2"},     // 1 / (-1/2) = -2 exactly
    // A dividend with more decimals than the result: 1.000000 / 3 = 0.33|33… → 0.33
    {"1.000000", "3", 2, Rounding::kHalfUp, "0.33"},
    // 11,710.00 / 1000 = 11.71 exactly
    {"11710.00", "1000", 2, Rounding::kHalfUp, "11.71"},
    // Annual rate 0.008% (= 0.00008) as a daily rate on actual/365:
    // 0.00008 / 365 = 0.000000219178|082… → 12 dp: 0.000000219178
    {"0.00008", "365", 12, Rounding::kHalfUp, "0.000000219178"},
    // same at 10 dp: 0.0000002191|78… → 0.0000002192 (past the tie)
    {"0.00008", "365", 10, Rounding::kHalfUp, "0.0000002192"},
    // One day of it on HK$1,000,000.00: 1,000,000.00 × 0.00008 = 80.0000000;
    // 80 / 365 = 0.21|917… → 0.22
    {"80.0000000", "365", 2, Rounding::kHalfUp, "0.22"},
};

TEST(DecimalTest, DividesAtAStatedScale) {
  for (const DivCase& c : kDivCases) {
    SCOPED_TRACE(std::string(c.a) + " ÷ " + c.b + " at " + std::to_string(c.scale) + " dp, " +
                 rounding_name(c.mode));
    const Result<Decimal> quotient = checked_div(D(c.a), D(c.b), c.scale, c.mode);
    ASSERT_TRUE(quotient.ok()) << outcome(quotient);
    EXPECT_EQ(quotient->to_string(), c.expected);
    EXPECT_EQ(divide(D(c.a), D(c.b), c.scale, c.mode).to_string(), c.expected);
  }
  // The interest line above computed from its parts: 1,000,000.00 × 0.00008 = 80.0000000.
  EXPECT_EQ((D("1000000.00") * D("0.00008")).to_string(), "80.0000000");
  // Division is not undone by multiplication: (1 ÷ 3 at 4 dp) × 3 = 0.3333 × 3 = 0.9999 ≠ 1.
  EXPECT_EQ((divide(D("1"), D("3"), 4, Rounding::kHalfUp) * D("3")).to_string(), "0.9999");
}

TEST(DecimalTest, DivisionErrors) {
  // Division by zero, at any scale of the zero, is invalid input.
  EXPECT_EQ(outcome(checked_div(D("1"), D("0"), 2, Rounding::kHalfUp)), "invalid_input");
  EXPECT_EQ(outcome(checked_div(D("1"), D("0.00"), 2, Rounding::kHalfUp)), "invalid_input");
  // 10^37 ÷ 0.01 = 10^39: more than 38 digits.
  const Decimal e37 = D("10000000000000000000000000000000000000");
  EXPECT_EQ(outcome(checked_div(e37, D("0.01"), 2, Rounding::kHalfUp)), "overflow");
  EXPECT_THROW(static_cast<void>(divide(e37, D("0.01"), 2, Rounding::kHalfUp)), DecimalOverflow);
}

TEST(DecimalDeathTest, DivideByZeroIsAProgrammerError) {
  // divide() REQUIRES a non-zero divisor; checked_div is the form for untrusted input.
  EXPECT_DEATH(static_cast<void>(divide(D("1"), D("0"), 2, Rounding::kHalfUp)),
               "invariant violated.*division by zero");
}

}  // namespace
}  // namespace cp
