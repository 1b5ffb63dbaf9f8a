// What the pre-clearing of T reads about each client investor's money (clearing/pre_clearing.h):
// cash statements, earlier trade dates' stored obligations, fees collected; and where its rows
// are kept (migration 0029).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "clearing/pre_clearing.h"
#include "core/text_map.h"
#include "store/database.h"

namespace cp::store {

struct CashStatement {
  Date as_of;
  Decimal amount_rmb;
};

// Each account's latest RMB cash statement on or before `date`, found by a view of its id.
using CashStatements = TextMap<CashStatement>;
Result<CashStatements> latest_cash_statements(Database& db, Date date);

// Per account, the stored obligations of trade dates before `before_run` that settle after
// `settling_after`: both channels' money of a trade date together.
Result<std::map<std::string, std::vector<clearing::InvestorTradeMoney>>> stored_trade_money(
    Database& db, Date before_run, Date settling_after);

// Per account and collection date, the portfolio fees that runs before `before_run` charged for
// collection after `after` and on or before `through`.
struct CollectedFee {
  Date collection_date;
  Decimal fee_rmb;
};
Result<std::map<std::string, std::vector<CollectedFee>>> fees_collected(Database& db,
                                                                        Date before_run, Date after,
                                                                        Date through);

struct PreClearingRow {
  std::string account_id;
  clearing::PreClearingInputs inputs;
  clearing::PreClearing result;
};
// Stored by store/investor_segments.h (write_pre_clearing, each_pre_clearing).

}  // namespace cp::store
