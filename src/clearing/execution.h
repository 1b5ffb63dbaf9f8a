// One execution (成交) of a Southbound order, as the exchange reports it: the unit that fees,
// clearing and settlement start from (SPEC CLR-1).
#pragma once

#include <cstdint>
#include <string>

#include "core/date.h"
#include "core/decimal.h"
#include "core/market.h"

namespace cp::clearing {

struct Execution {
  std::string trade_id;
  Date trade_date;
  Channel channel = Channel::kShanghai;
  std::string account_id;
  std::string security_code;
  Side side = Side::kBuy;
  int64_t quantity = 0;  // shares
  Decimal price_hkd;     // per share

  // price × quantity in HKD, exact (no rounding: the price has at most 3 decimals).
  Decimal consideration_hkd() const { return price_hkd * Decimal::from_int(quantity); }
};

struct Account {
  std::string account_id;
  AccountType account_type = AccountType::kIndividual;
  MoneyKind money_kind = MoneyKind::kClient;  // SPEC CLR-17: never mixed
  Decimal commission_rate;                    // on consideration (SPEC CLR-5)
  Decimal commission_min_hkd;
};

}  // namespace cp::clearing
