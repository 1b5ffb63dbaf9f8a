#include "eod/trade_summary_job.h"

#include <chrono>

#include "store/execution_store.h"

namespace cp::eod {
namespace {
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

Result<TradeSummaryReport> run_trade_summary(store::Database& db, Date business_date,
                                             const Clock& clock) {
  TradeSummaryReport report;
  report.business_date = business_date;
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(db));

  auto start = std::chrono::steady_clock::now();
  CP_ASSIGN_OR_RETURN(auto executions, store::load_executions(db, business_date));
  if (executions.empty()) {
    return rule_violation("no executions stored for " + business_date.to_string() +
                          ": import the day's trades first");
  }
  report.seconds_load = seconds_since(start);

  start = std::chrono::steady_clock::now();
  report.executions = static_cast<int64_t>(executions.size());
  report.rows = clearing::summarize_trades(executions);
  report.digest = clearing::digest_hex(clearing::canonical_text(report.rows));
  report.seconds_compute = seconds_since(start);

  start = std::chrono::steady_clock::now();
  store::EodRunRecord run{business_date, "trade_summary", format_utc(clock.now()),
                          report.executions, report.digest};
  CP_RETURN_IF_ERROR(store::replace_trade_summary(db, run, report.rows));
  CP_RETURN_IF_ERROR(tx.commit());
  report.seconds_store = seconds_since(start);
  return report;
}

}  // namespace cp::eod
