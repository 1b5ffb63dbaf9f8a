// Decimal, Money, Currency, Rounding, Date and TimeOfDay parsing (src/core/decimal.h, money.h,
// currency.h, date.h) and the arithmetic decimal.h documents as exact.
//
// Input: two texts separated by the first '\n' (without one, both are the whole input). Each is
// parsed as every kind; the two decimals (and the two amounts) are then combined.
//
// Properties:
//  - round trip: whatever parses, printed with to_string() and parsed again, is the same value
//    (and for Decimal the same units and scale: "Keeps the written scale"); a date and a time
//    that parse print back as written (modulo ":00" seconds);
//  - the checked_* functions report overflow as an Error (code kOverflow) rather than crash, and
//    when they succeed: (a + b) - b == a, a + b == b + a, a × b == b × a with scale sa + sb,
//    (a × b) ÷ b == a, the sign of a - b agrees with a <=> b, floor(a ÷ b) × b ≤ a ≤
//    ceil(a ÷ b) × b;
//  - the operators throw DecimalOverflow exactly when the checked form reports an error;
//  - rounding: removing decimals never overflows, floor ≤ value ≤ ceiling one unit apart at
//    most, and a value that fits_scale() rounds to itself in every mode.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/currency.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/money.h"
#include "fuzz_check.h"

namespace {

using namespace cp;

constexpr Rounding kModes[] = {Rounding::kHalfUp, Rounding::kHalfEven,     Rounding::kCeiling,
                               Rounding::kFloor,  Rounding::kAwayFromZero, Rounding::kTowardZero};
constexpr Currency kCurrencies[] = {Currency::kHKD, Currency::kCNY, Currency::kUSD, Currency::kGBP,
                                    Currency::kEUR, Currency::kJPY, Currency::kSGD, Currency::kAUD,
                                    Currency::kCAD, Currency::kCHF};

bool same_representation(const Decimal& a, const Decimal& b) {
  return a.units() == b.units() && a.scale() == b.scale();
}

std::string without_commas(std::string text) {
  std::string out;
  for (char c : text) {
    if (c != ',') out.push_back(c);
  }
  return out;
}

void check_rounding(const Decimal& value) {
  for (int scale = 0; scale <= value.scale(); ++scale) {
    const Decimal unit = Decimal::from_units(1, scale);
    Decimal floored;
    Decimal ceiled;
    for (Rounding mode : kModes) {
      auto rounded = value.checked_round(scale, mode);
      CP_FUZZ_CHECK(rounded.ok(), "removing decimals never overflows");
      CP_FUZZ_CHECK(rounded->scale() == scale, "round() gives the scale asked for");
      if (value.fits_scale(scale)) {
        CP_FUZZ_CHECK(*rounded == value, "a fitting value rounds to itself");
      }
      if (mode == Rounding::kFloor) floored = *rounded;
      if (mode == Rounding::kCeiling) ceiled = *rounded;
    }
    CP_FUZZ_CHECK(floored <= value && value <= ceiled, "floor ≤ value ≤ ceiling");
    auto gap = checked_sub(ceiled, floored);
    CP_FUZZ_CHECK(gap.ok(), "the rounding gap fits");
    CP_FUZZ_CHECK(*gap == (value.fits_scale(scale) ? Decimal() : unit),
                  "floor and ceiling are one unit apart unless the value fits");
  }
  // Adding decimals is exact, or reported.
  for (int scale = value.scale() + 1; scale <= Decimal::kMaxScale; scale += 7) {
    auto widened = value.checked_round(scale, Rounding::kHalfUp);
    if (widened.ok()) {
      CP_FUZZ_CHECK(*widened == value && widened->scale() == scale, "widening is exact");
    } else {
      CP_FUZZ_CHECK(widened.error().code == ErrorCode::kOverflow, "widening fails as overflow");
    }
  }
}

void check_decimal(const Decimal& value) {
  CP_FUZZ_CHECK(value.scale() >= 0 && value.scale() <= Decimal::kMaxInputScale,
                "a parsed decimal has at most kMaxInputScale decimals");
  const std::string text = value.to_string();
  auto back = Decimal::parse(text);
  CP_FUZZ_CHECK(back.ok(), "to_string() parses");
  CP_FUZZ_CHECK(same_representation(*back, value), "to_string() round-trips units and scale");
  CP_FUZZ_CHECK(*back == value, "to_string() round-trips the value");
  CP_FUZZ_CHECK(without_commas(value.to_string_grouped()) == text,
                "to_string_grouped() is to_string() with separators");
  auto at_scale = Decimal::parse(text, value.scale());
  CP_FUZZ_CHECK(at_scale.ok(), "a value parses at its own scale");
  if (value.scale() > 0) {
    CP_FUZZ_CHECK(!Decimal::parse(text, value.scale() - 1).ok(), "max_scale is enforced");
  }
  const Decimal negated = -value;
  auto negated_back = Decimal::parse(negated.to_string());
  CP_FUZZ_CHECK(negated_back.ok() && same_representation(*negated_back, negated),
                "a negated value round-trips");
  CP_FUZZ_CHECK(value.abs().sign() >= 0 && value.abs() == (value.is_negative() ? negated : value),
                "abs()");
  const Decimal normal = value.normalized();
  CP_FUZZ_CHECK(normal == value && normal.scale() <= value.scale(), "normalized() keeps the value");
  CP_FUZZ_CHECK(value.fits_scale(value.scale()) && value.fits_scale(normal.scale()),
                "a value fits its own scale and its normalized scale");
  check_rounding(value);
}

void check_pair(const Decimal& a, const Decimal& b) {
  // Comparison agrees with subtraction, and is antisymmetric.
  const auto order = a <=> b;
  CP_FUZZ_CHECK((b <=> a) == (0 <=> order), "comparison is antisymmetric");
  CP_FUZZ_CHECK((a == b) == same_representation(a.normalized(), b.normalized()),
                "equal values have one normalized form");
  auto difference = checked_sub(a, b);
  if (difference.ok()) {
    CP_FUZZ_CHECK(
        (difference->sign() < 0) == (order < 0) && (difference->sign() == 0) == (order == 0),
        "the sign of a - b agrees with a <=> b");
  }

  auto sum = checked_add(a, b);
  bool threw = false;
  try {
    const Decimal operator_sum = a + b;
    CP_FUZZ_CHECK(sum.ok() && operator_sum == *sum, "operator+ agrees with checked_add");
  } catch (const DecimalOverflow&) {
    threw = true;
  }
  CP_FUZZ_CHECK(threw == !sum.ok(), "operator+ throws exactly when checked_add fails");
  if (sum.ok()) {
    CP_FUZZ_CHECK(sum->scale() == std::max(a.scale(), b.scale()), "a sum has the larger scale");
    auto back = checked_sub(*sum, b);
    CP_FUZZ_CHECK(back.ok() && *back == a, "(a + b) - b == a");
    auto swapped = checked_add(b, a);
    CP_FUZZ_CHECK(swapped.ok() && *swapped == *sum, "a + b == b + a");
  } else {
    CP_FUZZ_CHECK(sum.error().code == ErrorCode::kOverflow, "a failed sum is an overflow");
  }

  auto product = checked_mul(a, b);
  threw = false;
  try {
    const Decimal operator_product = a * b;
    CP_FUZZ_CHECK(product.ok() && operator_product == *product,
                  "operator* agrees with checked_mul");
  } catch (const DecimalOverflow&) {
    threw = true;
  }
  CP_FUZZ_CHECK(threw == !product.ok(), "operator* throws exactly when checked_mul fails");
  if (product.ok()) {
    CP_FUZZ_CHECK(product->scale() == a.scale() + b.scale(), "a product's scale is sa + sb");
    auto swapped = checked_mul(b, a);
    CP_FUZZ_CHECK(swapped.ok() && *swapped == *product, "a × b == b × a");
    if (!b.is_zero()) {
      for (Rounding mode : kModes) {
        auto quotient = checked_div(*product, b, product->scale(), mode);
        if (quotient.ok()) {
          CP_FUZZ_CHECK(*quotient == a, "(a × b) ÷ b == a");
        } else {
          CP_FUZZ_CHECK(quotient.error().code == ErrorCode::kOverflow,
                        "an exact division fails only as overflow");
        }
      }
    }
  } else {
    CP_FUZZ_CHECK(product.error().code == ErrorCode::kOverflow, "a failed product is an overflow");
  }

  // Division: zero is an invalid-input error; otherwise floor(a/b)·b ≤ a ≤ ceil(a/b)·b.
  for (int scale : {0, 2, 8, Decimal::kMaxInputScale}) {
    auto floored = checked_div(a, b, scale, Rounding::kFloor);
    auto ceiled = checked_div(a, b, scale, Rounding::kCeiling);
    if (b.is_zero()) {
      CP_FUZZ_CHECK(!floored.ok() && floored.error().code == ErrorCode::kInvalidInput,
                    "division by zero is invalid input");
      continue;
    }
    if (!floored.ok() || !ceiled.ok()) {
      for (const auto* failed : {&floored, &ceiled}) {
        if (!failed->ok()) {
          CP_FUZZ_CHECK(failed->error().code == ErrorCode::kOverflow,
                        "a division by non-zero fails only as overflow");
        }
      }
      continue;
    }
    CP_FUZZ_CHECK(floored->scale() == scale && ceiled->scale() == scale,
                  "a quotient has the scale asked for");
    CP_FUZZ_CHECK(*floored <= *ceiled, "floor quotient ≤ ceiling quotient");
    auto gap = checked_sub(*ceiled, *floored);
    CP_FUZZ_CHECK(gap.ok() && (gap->is_zero() || *gap == Decimal::from_units(1, scale)),
                  "floor and ceiling quotients are at most one unit apart");
    auto low = checked_mul(*floored, b);
    auto high = checked_mul(*ceiled, b);
    if (low.ok() && high.ok()) {
      const Decimal& lower = b.sign() > 0 ? *low : *high;
      const Decimal& upper = b.sign() > 0 ? *high : *low;
      CP_FUZZ_CHECK(lower <= a && a <= upper, "the quotient brackets a");
    }
  }
}

void check_money(const Money& money) {
  CP_FUZZ_CHECK(money.amount().scale() <= minor_units(money.currency()),
                "an amount has at most its currency's minor units");
  auto back = Money::parse_with_code(money.to_string());
  CP_FUZZ_CHECK(back.ok() && *back == money && back->amount().scale() == money.amount().scale(),
                "Money::to_string() round-trips");
  // rounded() widens to the minor units, which may overflow (it throws, as round() documents).
  auto widened = money.amount().checked_round(minor_units(money.currency()), Rounding::kHalfEven);
  bool threw = false;
  try {
    const Money rounded = money.rounded(Rounding::kHalfEven);
    CP_FUZZ_CHECK(widened.ok() && rounded == money, "an amount is already at its minor units");
  } catch (const DecimalOverflow&) {
    threw = true;
  }
  CP_FUZZ_CHECK(threw == !widened.ok(), "Money::rounded() throws exactly when it overflows");
}

void check_money_pair(const Money& a, const Money& b) {
  if (a.currency() != b.currency()) return;  // mixing currencies is a programmer error
  auto sum = checked_add(a.amount(), b.amount());
  bool threw = false;
  try {
    const Money operator_sum = a + b;
    CP_FUZZ_CHECK(sum.ok() && operator_sum.amount() == *sum, "Money + agrees with checked_add");
    CP_FUZZ_CHECK(operator_sum.currency() == a.currency(), "a sum keeps the currency");
  } catch (const DecimalOverflow&) {
    threw = true;
  }
  CP_FUZZ_CHECK(threw == !sum.ok(), "Money + throws exactly when the sum overflows");
  CP_FUZZ_CHECK((a <=> b) == (a.amount() <=> b.amount()), "Money compares by amount");
}

void check_text(std::string_view text) {
  if (auto decimal = Decimal::parse(text); decimal.ok()) {
    check_decimal(*decimal);
  } else {
    const ErrorCode code = decimal.error().code;
    CP_FUZZ_CHECK(code == ErrorCode::kInvalidInput || code == ErrorCode::kOverflow,
                  "a decimal that does not parse is invalid input or overflow");
  }
  if (auto date = Date::parse(text); date.ok()) {
    CP_FUZZ_CHECK(date->to_string() == text, "a parsed date prints as written");
    auto rebuilt = Date::from_ymd(date->year(), date->month(), date->day());
    CP_FUZZ_CHECK(rebuilt.ok() && *rebuilt == *date, "year/month/day rebuild the date");
    const int weekday = static_cast<int>(date->weekday());
    CP_FUZZ_CHECK(weekday >= 1 && weekday <= 7, "weekday is ISO 1..7");
    CP_FUZZ_CHECK(date->is_weekend() == (weekday >= 6), "weekend is Saturday and Sunday");
    CP_FUZZ_CHECK(days_between(*date, date->plus_days(1)) == 1, "plus_days(1) is a day later");
    const UtcTime midnight = from_hkt(*date, TimeOfDay());
    CP_FUZZ_CHECK(to_hkt(midnight).date == *date, "HKT midnight maps back to its date");
  }
  if (auto time = TimeOfDay::parse(text); time.ok()) {
    const int seconds = time->seconds_since_midnight();
    CP_FUZZ_CHECK(seconds >= 0 && seconds < 24 * 3600, "a time is within the day");
    auto back = TimeOfDay::parse(time->to_string());
    CP_FUZZ_CHECK(back.ok() && *back == *time, "TimeOfDay::to_string() round-trips");
    const std::string printed = time->to_string();
    CP_FUZZ_CHECK(printed == text ||
                      (text.size() == 8 && text.substr(5) == ":00" && printed == text.substr(0, 5)),
                  "a parsed time prints as written");
  }
  if (auto currency = parse_currency(text); currency.ok()) {
    CP_FUZZ_CHECK(currency_code(*currency) == text, "a currency code prints as written");
  }
  if (auto mode = parse_rounding(text); mode.ok()) {
    CP_FUZZ_CHECK(rounding_name(*mode) == text, "a rounding name prints as written");
  }
  if (auto money = Money::parse_with_code(text); money.ok()) check_money(*money);
  for (Currency currency : kCurrencies) {
    auto money = Money::parse(text, currency);
    if (!money.ok()) continue;
    CP_FUZZ_CHECK(money->currency() == currency, "Money::parse keeps the currency");
    check_money(*money);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = cp::fuzz::as_text(data, size);
  const size_t newline = input.find('\n');
  const std::string_view first = input.substr(0, newline);
  const std::string_view second =
      newline == std::string_view::npos ? input : input.substr(newline + 1);
  check_text(first);
  if (newline != std::string_view::npos) check_text(second);

  auto a = cp::Decimal::parse(first);
  auto b = cp::Decimal::parse(second);
  if (a.ok() && b.ok()) {
    check_pair(*a, *b);
    check_pair(*b, *a);
  }
  auto money_a = cp::Money::parse_with_code(first);
  auto money_b = cp::Money::parse_with_code(second);
  if (money_a.ok() && money_b.ok()) check_money_pair(*money_a, *money_b);
  return 0;
}
