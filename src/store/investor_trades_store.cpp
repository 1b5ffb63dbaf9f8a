#include "store/investor_trades_store.h"

#include "store/execution_segments.h"

namespace cp::store {

Result<AccountTradesOfDay> account_trades(Database& db, Date trade_date, Channel channel,
                                          std::string_view account_id) {
  AccountTradesOfDay out;
  CP_ASSIGN_OR_RETURN(AccountExecutions executions, account_executions(db, trade_date, account_id));
  out.imported = executions.any_stored;
  CP_ASSIGN_OR_RETURN(const int64_t results, count_execution_results(db, trade_date));
  out.cleared = out.imported && results > 0;
  if (out.cleared) {
    // The run's lines: a linked segment whose executions were imported again since is an error
    // that says to run the day again, so the amounts are never a stale run's.
    CP_RETURN_IF_ERROR(each_execution_result(
        db, trade_date, account_id, [&](const StoredExecutionResult& r) -> Result<void> {
          if (r.execution.channel == channel) {
            out.trades.push_back(
                {r.execution.trade_id, trade_date, r.execution.side, r.investor_rmb});
          }
          return Ok{};
        }));
    return out;
  }
  for (const clearing::Execution& e : executions.executions) {
    if (e.channel == channel) out.trades.push_back({e.trade_id, trade_date, e.side, {}});
  }
  return out;
}

}  // namespace cp::store
