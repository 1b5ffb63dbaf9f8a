#include "core/currency.h"

#include <array>
#include <string>

namespace cp {
namespace {

struct CurrencyInfo {
  Currency currency;
  std::string_view code;
  int minor_units;
};

// ISO 4217 table (codes and minor units as published by the ISO 4217 maintenance agency).
constexpr std::array<CurrencyInfo, 10> kCurrencies = {{
    {Currency::kHKD, "HKD", 2},
    {Currency::kCNY, "CNY", 2},
    {Currency::kUSD, "USD", 2},
    {Currency::kGBP, "GBP", 2},
    {Currency::kEUR, "EUR", 2},
    {Currency::kJPY, "JPY", 0},
    {Currency::kSGD, "SGD", 2},
    {Currency::kAUD, "AUD", 2},
    {Currency::kCAD, "CAD", 2},
    {Currency::kCHF, "CHF", 2},
}};

const CurrencyInfo& info(Currency currency) {
  for (const auto& entry : kCurrencies) {
    if (entry.currency == currency) return entry;
  }
  CP_ASSERT(false, "currency missing from the ISO 4217 table");
}

}  // namespace

std::string_view currency_code(Currency currency) {
  return info(currency).code;
}
int minor_units(Currency currency) {
  return info(currency).minor_units;
}

Result<Currency> parse_currency(std::string_view code) {
  for (const auto& entry : kCurrencies) {
    if (entry.code == code) return entry.currency;
  }
  if (code == "RMB" || code == "rmb") {
    return invalid_input("unknown currency 'RMB': use the ISO 4217 code CNY", "currency");
  }
  return invalid_input("unknown currency '" + std::string(code) + "'", "currency");
}

}  // namespace cp
