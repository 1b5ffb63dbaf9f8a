// One investor's HK trades of a date as the store holds them, for the counter's closing check
// (SPEC SUIT-5; investors/closing.h): the EOD's results where the date has run — each trade
// with the investor's RMB as cleared — and the executions imported where it has not.
#pragma once

#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/market.h"
#include "investors/closing.h"
#include "store/database.h"

namespace cp::store {

struct AccountTradesOfDay {
  bool imported = false;  // the date has executions stored (of any account)
  bool cleared = false;   // and its EOD has run: the amounts are the run's
  std::vector<investors::AccountTrade> trades;
};

// `account_id`'s trades of `trade_date` on `channel`, in stored order.
Result<AccountTradesOfDay> account_trades(Database& db, Date trade_date, Channel channel,
                                          std::string_view account_id);

}  // namespace cp::store
