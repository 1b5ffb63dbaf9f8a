// Money: an exact Decimal amount tagged with its currency. Adding or comparing amounts of two
// currencies is a programmer error (CP_ASSERT); converting is explicit (convert()).
#pragma once

#include <string>
#include <string_view>

#include "core/currency.h"
#include "core/decimal.h"

namespace cp {

class Money {
 public:
  Money(Decimal amount, Currency currency) : amount_(amount), currency_(currency) {}
  static Money zero(Currency currency) { return Money(Decimal(), currency); }

  // Parses an amount of `currency`; refuses more decimals than its minor units
  // ("12.345" is not an HKD amount).
  static Result<Money> parse(std::string_view amount, Currency currency);
  // Parses "HKD 12.50" (code, one space, amount).
  static Result<Money> parse_with_code(std::string_view text);

  const Decimal& amount() const { return amount_; }
  Currency currency() const { return currency_; }
  bool is_zero() const { return amount_.is_zero(); }
  bool is_negative() const { return amount_.is_negative(); }

  // Rounded to the currency's minor units (the cent, the fen).
  Money rounded(Rounding mode) const;
  // Rounded to `scale` decimals; scale 0 for "up to a whole dollar".
  Money rounded(int scale, Rounding mode) const;

  Money operator-() const { return Money(-amount_, currency_); }
  Money operator+(const Money& other) const;
  Money operator-(const Money& other) const;
  Money& operator+=(const Money& other) { return *this = *this + other; }
  Money& operator-=(const Money& other) { return *this = *this - other; }
  // Exact product with a rate or a quantity; round it explicitly afterwards.
  Money operator*(const Decimal& factor) const { return Money(amount_ * factor, currency_); }

  friend std::strong_ordering operator<=>(const Money& a, const Money& b);
  friend bool operator==(const Money& a, const Money& b) {
    return a.currency_ == b.currency_ && a.amount_ == b.amount_;
  }

  // "HKD 1234.50": the code, a space, the amount at its own scale.
  std::string to_string() const;

 private:
  Decimal amount_;
  Currency currency_;
};

// amount × rate in currency `to`, rounded to its minor units by `mode`. The rate is units of
// `to` per unit of amount's currency (e.g. CNY per HKD).
Money convert(const Money& amount, const Decimal& rate, Currency to, Rounding mode);

}  // namespace cp
