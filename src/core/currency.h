// ISO 4217 currencies that appear in Southbound post-trade (SPEC ACT-3, CLR-7): HKD for trading
// and HK fees, CNY (RMB) for settlement with CSDC and investors, and the currencies cash
// dividends are paid in.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/result.h"

namespace cp {

enum class Currency : uint8_t { kHKD, kCNY, kUSD, kGBP, kEUR, kJPY, kSGD, kAUD, kCAD, kCHF };

// The ISO 4217 alphabetic code, e.g. "HKD".
std::string_view currency_code(Currency currency);
// ISO 4217 minor units: the decimals of the smallest unit (2 for HKD and CNY, 0 for JPY).
int minor_units(Currency currency);
// Parses an ISO 4217 code in upper case. "RMB" is refused with a hint to use CNY, so that one
// spelling reaches the database.
Result<Currency> parse_currency(std::string_view code);

}  // namespace cp
