// Worked cases for cp::Money and the currency table. Every expected value is derived by hand in
// the comment next to it; no binary floating point is involved anywhere.
#include "core/money.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/currency.h"
#include "core/decimal.h"
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

// ---------------------------------------------------------------------------------------------
// Currencies.
// ---------------------------------------------------------------------------------------------

TEST(CurrencyTest, ParsesIsoCodesAndKnowsMinorUnits) {
  for (std::string_view code :
       {"HKD", "CNY", "USD", "GBP", "EUR", "JPY", "SGD", "AUD", "CAD", "CHF"}) {
    SCOPED_TRACE(std::string(code));
    const Result<Currency> parsed = parse_currency(code);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(currency_code(*parsed), code);
  }
  EXPECT_EQ(minor_units(Currency::kHKD), 2);  // cents
  EXPECT_EQ(minor_units(Currency::kCNY), 2);  // fen
  EXPECT_EQ(minor_units(Currency::kJPY), 0);  // no minor unit
}

TEST(CurrencyTest, RefusesRmbAndUnknownCodes) {
  // "RMB" is the common name, not the ISO code: the error points at CNY.
  const Result<Currency> rmb = parse_currency("RMB");
  ASSERT_FALSE(rmb.ok());
  EXPECT_EQ(outcome(rmb), "invalid_input");
  EXPECT_NE(rmb.error().message.find("CNY"), std::string::npos) << rmb.error().message;
  EXPECT_EQ(rmb.error().field, "currency");
  // An unknown code names itself in the message.
  const Result<Currency> xyz = parse_currency("XYZ");
  ASSERT_FALSE(xyz.ok());
  EXPECT_EQ(outcome(xyz), "invalid_input");
  EXPECT_NE(xyz.error().message.find("XYZ"), std::string::npos) << xyz.error().message;
  // Codes are upper case only, and exact.
  EXPECT_EQ(outcome(parse_currency("hkd")), "invalid_input");
  EXPECT_EQ(outcome(parse_currency("HKD ")), "invalid_input");
  EXPECT_EQ(outcome(parse_currency("")), "invalid_input");
}

// ---------------------------------------------------------------------------------------------
// Parsing and formatting amounts.
// ---------------------------------------------------------------------------------------------

struct ParseCase {
  const char* text;
  Currency currency;
  const char* outcome;
  const char* expected;  // to_string() when the parse succeeds
};

constexpr ParseCase kParseCases[] = {
    {"12.34", Currency::kHKD, "ok", "HKD 12.34"},       // 2 decimals ≤ 2 (cents)
    {"12.3", Currency::kHKD, "ok", "HKD 12.3"},         // 1 decimal ≤ 2; the scale is kept
    {"12.345", Currency::kHKD, "invalid_input", ""},    // 3 decimals > 2: not an HKD amount
    {"100", Currency::kJPY, "ok", "JPY 100"},           // 0 decimals ≤ 0
    {"100.5", Currency::kJPY, "invalid_input", ""},     // 1 decimal > 0: no half yen
    {"100.0", Currency::kJPY, "invalid_input", ""},     // a written zero decimal counts too
    {"-0.05", Currency::kCNY, "ok", "CNY -0.05"},       // negative 5 fen
    {"1,000.00", Currency::kHKD, "invalid_input", ""},  // no grouping on input
    {"", Currency::kHKD, "invalid_input", ""},          // empty
    {"1e3", Currency::kHKD, "invalid_input", ""},       // no exponents
};

TEST(MoneyTest, ParseRefusesMoreDecimalsThanTheMinorUnits) {
  for (const ParseCase& c : kParseCases) {
    SCOPED_TRACE(std::string(currency_code(c.currency)) + " '" + c.text + "'");
    const Result<Money> parsed = Money::parse(c.text, c.currency);
    EXPECT_EQ(outcome(parsed), c.outcome);
    if (parsed.ok()) {
      EXPECT_EQ(parsed->to_string(), c.expected);
    }
  }
  // The error says which currency's amount was being read.
  const Result<Money> hkd = Money::parse("12.345", Currency::kHKD);
  ASSERT_FALSE(hkd.ok());
  EXPECT_NE(hkd.error().message.find("HKD amount"), std::string::npos) << hkd.error().message;
}

struct ParseWithCodeCase {
  const char* text;
  const char* outcome;
  const char* expected;  // to_string() when the parse succeeds
};

constexpr ParseWithCodeCase kParseWithCodeCases[] = {
    {"HKD 12.50", "ok", "HKD 12.50"},     // code, one space, amount; scale 2 kept
    {"CNY -3.10", "ok", "CNY -3.10"},     // negative amounts parse
    {"JPY 100", "ok", "JPY 100"},         // a whole yen amount
    {"HKD12.50", "invalid_input", ""},    // no space
    {"HKD  12.50", "invalid_input", ""},  // two spaces: the amount " 12.50" has a space
    {"RMB 12.50", "invalid_input", ""},   // RMB is not an ISO code (use CNY)
    {"hkd 12.50", "invalid_input", ""},   // lower-case code
    {"HKD 12.345", "invalid_input", ""},  // 3 decimals > 2 for HKD
    {"JPY 100.5", "invalid_input", ""},   // 1 decimal > 0 for JPY
    {"HKD ", "invalid_input", ""},        // no amount
    {"", "invalid_input", ""},            // nothing at all
};

TEST(MoneyTest, ParseWithCode) {
  for (const ParseWithCodeCase& c : kParseWithCodeCases) {
    SCOPED_TRACE(std::string("'") + c.text + "'");
    const Result<Money> parsed = Money::parse_with_code(c.text);
    EXPECT_EQ(outcome(parsed), c.outcome);
    if (parsed.ok()) {
      EXPECT_EQ(parsed->to_string(), c.expected);
    }
  }
  const Result<Money> parsed = Money::parse_with_code("HKD 12.50");
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->currency() == Currency::kHKD);
  EXPECT_EQ(parsed->amount().to_string(), "12.50");
  // The RMB refusal keeps its hint to CNY when it comes through parse_with_code.
  const Result<Money> rmb = Money::parse_with_code("RMB 12.50");
  ASSERT_FALSE(rmb.ok());
  EXPECT_NE(rmb.error().message.find("CNY"), std::string::npos) << rmb.error().message;
}

TEST(MoneyTest, ToStringIsCodeSpaceAmountAtItsOwnScale) {
  EXPECT_EQ(Money(D("1234.50"), Currency::kHKD).to_string(), "HKD 1234.50");  // no grouping
  EXPECT_EQ(Money(D("-0.05"), Currency::kCNY).to_string(), "CNY -0.05");
  EXPECT_EQ(Money(D("12.345"), Currency::kHKD).to_string(), "HKD 12.345");  // unrounded product
  EXPECT_EQ(Money::zero(Currency::kHKD).to_string(), "HKD 0");              // zero at scale 0
  EXPECT_TRUE(Money::zero(Currency::kCNY).is_zero());
  EXPECT_FALSE(Money::zero(Currency::kCNY).is_negative());
  EXPECT_TRUE(Money(D("-0.01"), Currency::kHKD).is_negative());
}

// ---------------------------------------------------------------------------------------------
// Rounding to the minor unit or to a whole unit.
// ---------------------------------------------------------------------------------------------

// RoundedCase::scale meaning "call rounded(mode)": round to the currency's minor units.
constexpr int kMinorUnits = -1;

struct RoundedCase {
  const char* amount;
  Currency currency;
  int scale;
  Rounding mode;
  const char* expected;
};

constexpr RoundedCase kRoundedCases[] = {
    // 12.345 is 1234.5 cents: a tie at the cent.
    {"12.345", Currency::kHKD, kMinorUnits, Rounding::kHalfUp, "HKD 12.35"},    // tie → 1235
    {"12.345", Currency::kHKD, kMinorUnits, Rounding::kHalfEven, "HKD 12.34"},  // tie → even 1234
    {"12.345", Currency::kHKD, kMinorUnits, Rounding::kCeiling, "HKD 12.35"},   // toward +inf
    {"12.345", Currency::kHKD, kMinorUnits, Rounding::kFloor, "HKD 12.34"},     // toward -inf
    {"-12.345", Currency::kHKD, kMinorUnits, Rounding::kHalfUp, "HKD -12.35"},  // tie → -1235
    {"-12.345", Currency::kHKD, kMinorUnits, Rounding::kCeiling, "HKD -12.34"},  // toward +inf
    // 12.3449 is 1234.49 cents: just short of the tie.
    {"12.3449", Currency::kHKD, kMinorUnits, Rounding::kHalfUp, "HKD 12.34"},
    // 12.5 has fewer decimals than the cent: rounding appends a zero.
    {"12.5", Currency::kHKD, kMinorUnits, Rounding::kHalfUp, "HKD 12.50"},
    // JPY has no minor unit: 1234.5 yen is a tie at the yen.
    {"1234.5", Currency::kJPY, kMinorUnits, Rounding::kHalfUp, "JPY 1235"},    // tie → 1235
    {"1234.5", Currency::kJPY, kMinorUnits, Rounding::kHalfEven, "JPY 1234"},  // tie → even 1234
    // Up to a whole dollar (stamp duty): 11.71000 → 12; 45.695000 → 46; 12.00000 stays 12.
    {"11.71000", Currency::kHKD, 0, Rounding::kCeiling, "HKD 12"},
    {"45.695000", Currency::kHKD, 0, Rounding::kCeiling, "HKD 46"},
    {"12.00000", Currency::kHKD, 0, Rounding::kCeiling, "HKD 12"},
};

TEST(MoneyTest, RoundsToMinorUnitsOrAStatedScale) {
  for (const RoundedCase& c : kRoundedCases) {
    const Money money(D(c.amount), c.currency);
    SCOPED_TRACE(money.to_string() + " at " + std::to_string(c.scale) + ", " +
                 rounding_name(c.mode));
    const Money rounded =
        c.scale == kMinorUnits ? money.rounded(c.mode) : money.rounded(c.scale, c.mode);
    EXPECT_EQ(rounded.to_string(), c.expected);
  }
}

// ---------------------------------------------------------------------------------------------
// Conversion between currencies: amount × rate, rounded to the target's minor units.
// ---------------------------------------------------------------------------------------------

struct ConvertCase {
  const char* amount;
  Currency from;
  const char* rate;  // units of `to` per unit of `from`
  Currency to;
  Rounding mode;
  const char* expected;
};

constexpr ConvertCase kConvertCases[] = {
    // HKD 10,000.00 × 0.91234 CNY/HKD = 9,123.4000000 → CNY 9123.40 (nothing to round away)
    {"10000.00", Currency::kHKD, "0.91234", Currency::kCNY, Rounding::kHalfUp, "CNY 9123.40"},
    // HKD 1,234.56 × 0.91234: 123,456 × 91,234 = 11,263,384,704 at 7 dp = 1,126.3384704
    // → 1126.34 (0.0084704 < half a fen)
    {"1234.56", Currency::kHKD, "0.91234", Currency::kCNY, Rounding::kHalfUp, "CNY 1126.34"},
    // HKD 100.00 × 0.91245 = 91.2450000: exactly half a fen → half-up 91.25
    {"100.00", Currency::kHKD, "0.91245", Currency::kCNY, Rounding::kHalfUp, "CNY 91.25"},
    // the same tie, half-even: 9124 fen is even → 91.24 (the two modes differ here)
    {"100.00", Currency::kHKD, "0.91245", Currency::kCNY, Rounding::kHalfEven, "CNY 91.24"},
    // HKD -100.00 × 0.91245 = -91.2450000 → half-up away from zero: -91.25
    {"-100.00", Currency::kHKD, "0.91245", Currency::kCNY, Rounding::kHalfUp, "CNY -91.25"},
    // ... half-even: -91.24 (even)
    {"-100.00", Currency::kHKD, "0.91245", Currency::kCNY, Rounding::kHalfEven, "CNY -91.24"},
    // CNY 1,000.00 × 1.0961 HKD/CNY = 1,096.100000 → HKD 1096.10
    {"1000.00", Currency::kCNY, "1.0961", Currency::kHKD, Rounding::kHalfUp, "HKD 1096.10"},
    // HKD 100.00 × 19.2345 JPY/HKD = 1,923.450000 → 0 decimals: .45 < .5 → JPY 1923
    {"100.00", Currency::kHKD, "19.2345", Currency::kJPY, Rounding::kHalfUp, "JPY 1923"},
    // ... ceiling: any fraction of a yen → JPY 1924
    {"100.00", Currency::kHKD, "19.2345", Currency::kJPY, Rounding::kCeiling, "JPY 1924"},
};

TEST(MoneyTest, ConvertsAndRoundsToTheTargetMinorUnits) {
  for (const ConvertCase& c : kConvertCases) {
    const Money amount(D(c.amount), c.from);
    SCOPED_TRACE(amount.to_string() + " × " + c.rate + ", " + rounding_name(c.mode));
    const Money converted = convert(amount, D(c.rate), c.to, c.mode);
    EXPECT_TRUE(converted.currency() == c.to);
    EXPECT_EQ(converted.to_string(), c.expected);
  }
}

// ---------------------------------------------------------------------------------------------
// Arithmetic in one currency.
// ---------------------------------------------------------------------------------------------

TEST(MoneyTest, AddsSubtractsAndComparesInOneCurrency) {
  const Money a(D("1234.50"), Currency::kHKD);
  // 1234.50 + 0.5 = 1235.00 (the larger scale, 2)
  EXPECT_EQ((a + Money(D("0.5"), Currency::kHKD)).to_string(), "HKD 1235.00");
  // 10.00 - 12.50 = -2.50
  EXPECT_EQ((Money(D("10.00"), Currency::kHKD) - Money(D("12.50"), Currency::kHKD)).to_string(),
            "HKD -2.50");
  EXPECT_EQ((-a).to_string(), "HKD -1234.50");
  // 0.1 + 0.2 = 0.3 exactly, in money too.
  Money sum = Money(D("0.1"), Currency::kCNY);
  sum += Money(D("0.2"), Currency::kCNY);
  EXPECT_TRUE(sum == Money(D("0.3"), Currency::kCNY));
  sum -= Money(D("0.3"), Currency::kCNY);
  EXPECT_TRUE(sum.is_zero());
  // Value comparison across scales: 1.5 == 1.50; 2.10 > 2.09.
  EXPECT_TRUE(Money(D("1.5"), Currency::kHKD) == Money(D("1.50"), Currency::kHKD));
  EXPECT_TRUE(Money(D("2.10"), Currency::kHKD) > Money(D("2.09"), Currency::kHKD));
  EXPECT_TRUE(Money(D("-0.5"), Currency::kHKD) < Money(D("0.3"), Currency::kHKD));
  // Equality is false across currencies (it does not assert): HKD 1.00 is not CNY 1.00.
  EXPECT_FALSE(Money(D("1.00"), Currency::kHKD) == Money(D("1.00"), Currency::kCNY));
  // Price × quantity: HKD 388.60 × 1,500 = HKD 582,900.00 (scale 2 + 0).
  EXPECT_EQ((Money(D("388.60"), Currency::kHKD) * D("1500")).to_string(), "HKD 582900.00");
}

// One illustrative Southbound buy, every fee worked from the same consideration (the rates of
// the Decimal tests; the settlement fee's min 2 / max 100 clamp is domain logic, not tested).
TEST(MoneyTest, FeesOnOneConsideration) {
  // 388.60 × 1,500 = 582,900.00
  const Money consideration = Money(D("388.60"), Currency::kHKD) * D("1500");
  // Stamp duty 0.1%: 582,900.00 × 0.001 = 582.90000 → ceiling to a whole dollar = 583
  const Money stamp = (consideration * D("0.001")).rounded(0, Rounding::kCeiling);
  EXPECT_EQ(stamp.to_string(), "HKD 583");
  // SFC levy 0.0027%: 582,900.00 × 0.000027 = 15.73830000 → half-up = 15.74
  const Money sfc = (consideration * D("0.000027")).rounded(Rounding::kHalfUp);
  EXPECT_EQ(sfc.to_string(), "HKD 15.74");
  // AFRC levy 0.00015%: 582,900.00 × 0.0000015 = 0.874350000 → half-up = 0.87
  const Money afrc = (consideration * D("0.0000015")).rounded(Rounding::kHalfUp);
  EXPECT_EQ(afrc.to_string(), "HKD 0.87");
  // Trading fee 0.00565%: 582,900.00 × 0.0000565 = 32.933850000 → half-up = 32.93
  const Money trading = (consideration * D("0.0000565")).rounded(Rounding::kHalfUp);
  EXPECT_EQ(trading.to_string(), "HKD 32.93");
  // Settlement fee 0.002%: 582,900.00 × 0.00002 = 11.6580000 → half-up = 11.66
  const Money settlement = (consideration * D("0.00002")).rounded(Rounding::kHalfUp);
  EXPECT_EQ(settlement.to_string(), "HKD 11.66");
  // 583 + 15.74 + 0.87 + 32.93 + 11.66 = 644.20
  Money total = Money::zero(Currency::kHKD);
  for (const Money& fee : {stamp, sfc, afrc, trading, settlement}) total += fee;
  EXPECT_EQ(total.to_string(), "HKD 644.20");
}

// ---------------------------------------------------------------------------------------------
// Mixing currencies is a programmer error: CP_ASSERT prints "invariant violated" and aborts.
// ---------------------------------------------------------------------------------------------

TEST(MoneyDeathTest, ArithmeticOnTwoCurrenciesDies) {
  const Money hkd(D("100.00"), Currency::kHKD);
  const Money cny(D("91.23"), Currency::kCNY);
  EXPECT_DEATH(static_cast<void>(hkd + cny), "invariant violated.*two currencies");
  EXPECT_DEATH(static_cast<void>(hkd - cny), "invariant violated.*two currencies");
  EXPECT_DEATH(static_cast<void>(hkd < cny), "invariant violated.*two currencies");
}

}  // namespace
}  // namespace cp
