// Maps accounts and executions to their tables (migration 0002).
#pragma once

#include <vector>

#include "clearing/account_book.h"
#include "clearing/execution.h"
#include "store/database.h"

namespace cp::store {

// Inserts accounts that are not stored yet; existing ones are left as they are.
Result<int64_t> insert_missing_accounts(Database& db,
                                        const std::vector<clearing::Account>& accounts);
// Replaces every execution of `trade_date` with `executions` (bulk load). Call in a transaction.
Result<int64_t> replace_executions(Database& db, Date trade_date,
                                   const std::vector<clearing::Execution>& executions);
// The executions of `trade_date`, by trade id (streamed: no intermediate rows are held).
Result<std::vector<clearing::Execution>> load_executions(Database& db, Date trade_date);
// Every stored account (streamed).
Result<clearing::AccountBook> load_account_book(Database& db);

}  // namespace cp::store
