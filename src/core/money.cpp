#include "core/money.h"

namespace cp {
namespace {
void require_same_currency(const Money& a, const Money& b) {
  CP_ASSERT(a.currency() == b.currency(), "arithmetic on amounts of two currencies");
}
}  // namespace

Result<Money> Money::parse(std::string_view amount, Currency currency) {
  auto value = Decimal::parse(amount, minor_units(currency));
  if (!value.ok()) {
    Error error = std::move(value).error();
    error.message += " (" + std::string(currency_code(currency)) + " amount)";
    return error;
  }
  return Money(*value, currency);
}

Result<Money> Money::parse_with_code(std::string_view text) {
  const size_t space = text.find(' ');
  if (space == std::string_view::npos) {
    return invalid_input("'" + std::string(text) + "' is not of the form 'HKD 12.50'");
  }
  CP_ASSIGN_OR_RETURN(Currency currency, parse_currency(text.substr(0, space)));
  return parse(text.substr(space + 1), currency);
}

Money Money::rounded(Rounding mode) const {
  return rounded(minor_units(currency_), mode);
}

Money Money::rounded(int scale, Rounding mode) const {
  return Money(amount_.round(scale, mode), currency_);
}

Money Money::operator+(const Money& other) const {
  require_same_currency(*this, other);
  return Money(amount_ + other.amount_, currency_);
}

Money Money::operator-(const Money& other) const {
  require_same_currency(*this, other);
  return Money(amount_ - other.amount_, currency_);
}

std::strong_ordering operator<=>(const Money& a, const Money& b) {
  require_same_currency(a, b);
  return a.amount_ <=> b.amount_;
}

std::string Money::to_string() const {
  return std::string(currency_code(currency_)) + " " + amount_.to_string();
}

Money convert(const Money& amount, const Decimal& rate, Currency to, Rounding mode) {
  return Money(amount.amount() * rate, to).rounded(mode);
}

}  // namespace cp
