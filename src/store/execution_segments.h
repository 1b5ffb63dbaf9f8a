// A day's executions and their EOD results as column-packed segments (migration 0032,
// docs/decisions/0012-column-segments.md): a row of execution_segment or
// execution_result_segment holds up to kSegmentRows executions of one date and channel, ordered
// by account and then trade id, with the segment's first and last account beside it. One
// investor's lines are therefore in one or two segments: the contract note of a day of ten
// million executions decodes a few milliseconds of data, never the day.
#pragma once

#include <array>
#include <functional>
#include <string_view>
#include <vector>

#include "clearing/client_clearing.h"
#include "clearing/execution.h"
#include "store/database.h"

namespace cp::store {

// The order executions are stored, loaded and cleared in: channel, account, trade id.
bool stored_before(const clearing::Execution& a, const clearing::Execution& b);
void sort_for_storage(std::vector<clearing::Execution>& executions);

// Replaces every execution of `trade_date` with `executions`, in any order. Call in a
// transaction. REQUIRES: every execution is of `trade_date`.
Result<int64_t> write_execution_segments(Database& db, Date trade_date,
                                         std::vector<const clearing::Execution*> executions);
// The executions of `trade_date` in stored_before order.
Result<std::vector<clearing::Execution>> read_execution_segments(Database& db, Date trade_date);

// One stored EOD result with its execution: a contract-note line.
struct StoredExecutionResult {
  clearing::Execution execution;
  MoneyKind reserve = MoneyKind::kClient;
  Decimal consideration_hkd;
  std::array<Decimal, 6> fee_lines_hkd;  // clearing::FeeBreakdown's lines, in kFeeCodes order
  Decimal fees_hkd;
  Decimal commission_hkd;
  Decimal investor_hkd;
  Decimal rate;
  Decimal investor_rmb;
  Decimal csdc_rmb;
  Decimal commission_rmb;
};

// Writes a run's results segment by segment as they come. REQUIRES: results come in
// stored_before order of their executions (the order the day's executions are loaded in), and
// the date's earlier results are deleted (delete_execution_results) in the same transaction.
class ExecutionResultWriter {
 public:
  ExecutionResultWriter(Database& db, Date business_date);
  Result<void> add(const clearing::ExecutionResult& result);
  Result<void> add(const StoredExecutionResult& result);
  // Writes the last segment; returns the number of results written.
  Result<int64_t> finish();

 private:
  Result<void> flush();
  Database& db_;
  std::string day_;
  std::vector<StoredExecutionResult> pending_;  // of one channel, at most kSegmentRows
  int64_t segments_ = 0;
  int64_t written_ = 0;
};

Result<void> delete_execution_results(Database& db, Date business_date);

// Every stored result of `business_date`, or only `account_id`'s when it is not empty, in
// stored_before order. Stops at the first error `each` returns.
using StoredResultCallback = std::function<Result<void>(const StoredExecutionResult&)>;
Result<void> each_execution_result(Database& db, Date business_date, std::string_view account_id,
                                   const StoredResultCallback& each);
Result<int64_t> count_execution_results(Database& db, Date business_date);

// Migration 0032's data step: the rows of the tables it replaces (execution,
// eod_execution_result, ledger_posting) become segments, and those tables go.
Result<void> pack_row_tables(Database& db);

}  // namespace cp::store
