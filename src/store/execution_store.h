// Maps accounts to their table (migration 0002) and a day's executions to its segments.
#pragma once

#include <string>
#include <vector>

#include "clearing/account_book.h"
#include "clearing/execution.h"
#include "clearing/execution_table.h"
#include "core/text_map.h"
#include "store/database.h"

namespace cp::store {

// Inserts accounts that are not stored yet; existing ones are left as they are.
Result<int64_t> insert_missing_accounts(Database& db,
                                        const std::vector<clearing::Account>& accounts);
// Replaces every execution of `trade_date` with `executions` (bulk load; each account must be
// stored). Call in a transaction.
Result<int64_t> replace_executions(Database& db, Date trade_date,
                                   const std::vector<clearing::Execution>& executions);
// The executions of `trade_date`, by channel, account and trade id (execution_segments.h).
Result<clearing::ExecutionTable> load_executions(Database& db, Date trade_date);
// The ids of every stored account.
Result<TextSet> known_account_ids(Database& db);
// Every stored account (streamed).
Result<clearing::AccountBook> load_account_book(Database& db);

}  // namespace cp::store
