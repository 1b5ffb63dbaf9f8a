// Maps accounts, executions and the trade summary to their tables (migration 0002).
#pragma once

#include <vector>

#include "clearing/execution.h"
#include "clearing/trade_summary.h"
#include "store/database.h"

namespace cp::store {

// Inserts accounts that are not stored yet; existing ones are left as they are.
Result<int64_t> insert_missing_accounts(Database& db,
                                        const std::vector<clearing::Account>& accounts);
// Replaces every execution of `trade_date` with `executions` (bulk load). Call in a transaction.
Result<int64_t> replace_executions(Database& db, Date trade_date,
                                   const std::vector<clearing::Execution>& executions);
Result<std::vector<clearing::Execution>> load_executions(Database& db, Date trade_date);

struct EodRunRecord {
  Date business_date;
  std::string job;
  std::string finished_at;  // UTC ISO-8601
  int64_t input_rows = 0;
  std::string result_digest;
};

// Replaces the summary rows and the run record of (date, job). Call in a transaction.
Result<void> replace_trade_summary(Database& db, const EodRunRecord& run,
                                   const std::vector<clearing::TradeSummaryRow>& rows);
Result<std::vector<clearing::TradeSummaryRow>> load_trade_summary(Database& db, Date business_date);

}  // namespace cp::store
