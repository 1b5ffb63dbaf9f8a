// The column-packed segments (docs/decisions/0012-column-segments.md): encoding a day's
// results, and one investor's contract-note lines read back from a stored day of 10,000,000
// executions over 2,000,000 accounts (issue 15 §3 asks for under 10 ms), on SQLite in a
// temporary file. Argument 0: results that hold their executions ("whole", written by
// migrations); 1: results linked to the day's execution segments, as a run writes them
// (decisions/0016).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>

#include "core/date.h"
#include "store/execution_segments.h"
#include "store/migrations.h"

namespace {

using cp::Decimal;
using cp::store::StoredExecutionResult;

constexpr size_t kAccounts = 2'000'000;
constexpr size_t kExecutions = 10'000'000;

std::string account_name(size_t n) {
  std::string digits = std::to_string(n);
  return "A" + std::string(7 - digits.size(), '0') + digits;
}

// Execution i of account i / 5 (five each), in stored order; amounts of the right size.
StoredExecutionResult result_of(size_t i, const cp::Date& date) {
  StoredExecutionResult r;
  auto& e = r.execution;
  e.trade_id = "E" + std::to_string(10'000'000 + i);
  e.trade_date = date;
  e.account_id = account_name(i / 5);
  e.security_code = std::to_string(10000 + i % 3000);
  e.side = i % 2 == 0 ? cp::Side::kBuy : cp::Side::kSell;
  e.quantity = 100 * static_cast<int64_t>(1 + i % 50);
  e.price_hkd = Decimal::from_units(30120, 2);
  r.consideration_hkd = e.price_hkd * Decimal::from_int(e.quantity);
  for (auto& line : r.fee_lines_hkd) line = Decimal::from_units(1713, 2);
  r.fees_hkd = Decimal::from_units(10278, 2);
  r.commission_hkd = Decimal::from_units(9036, 2);
  r.investor_hkd = r.consideration_hkd;
  r.rate = Decimal::from_units(91768, 5);
  r.investor_rmb = r.consideration_hkd;
  r.csdc_rmb = r.consideration_hkd;
  r.commission_rmb = Decimal::from_units(8292, 2);
  return r;
}

using Layout = cp::store::ExecutionResultSegments::Layout;
Layout layout_of(const benchmark::State& state) {
  return state.range(0) == 0 ? Layout::kWhole : Layout::kLinked;
}

void BM_EncodeResults(benchmark::State& state) {
  const cp::Date date = *cp::Date::parse("2024-03-15");
  std::vector<StoredExecutionResult> rows;
  for (size_t i = 0; i < 65536; ++i) rows.push_back(result_of(i, date));
  for (auto _ : state) {
    cp::store::ExecutionResultSegments segments(layout_of(state));
    for (const auto& r : rows) segments.add(r);
    segments.finish();
    benchmark::DoNotOptimize(segments.segments().front().payload.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * 65536);
}
BENCHMARK(BM_EncodeResults)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_ContractNoteLines(benchmark::State& state) {
  const cp::Date date = *cp::Date::parse("2024-03-15");
  const auto path = std::filesystem::temp_directory_path() / "cp_segment_benchmark.db";
  std::filesystem::remove(path);
  auto db = cp::store::open_database("sqlite:" + path.string());
  cp::FixedClock clock(cp::from_hkt(date, *cp::TimeOfDay::parse("18:30")));
  if (!db.ok() || !cp::store::migrate(**db, clock).ok()) {
    state.SkipWithError("no database");
    return;
  }
  {
    auto tx = cp::store::Transaction::begin(**db);
    std::vector<cp::store::ExecutionSegmentLink> links;
    if (layout_of(state) == Layout::kLinked) {
      // The day's executions stored first, as an import leaves them; the results line up.
      std::vector<cp::clearing::Execution> executions;
      executions.reserve(kExecutions);
      for (size_t i = 0; i < kExecutions; ++i) executions.push_back(result_of(i, date).execution);
      auto fetched = cp::store::write_execution_segments(**db, date, executions).ok()
                         ? cp::store::fetch_execution_segments(**db, date)
                         : cp::Result<cp::store::FetchedExecutionSegments>(
                               cp::make_error(cp::ErrorCode::kStorage, "not stored"));
      if (!fetched.ok()) {
        state.SkipWithError("executions not stored");
        return;
      }
      links = fetched->links;
    }
    cp::store::ExecutionResultSegments segments(layout_of(state));
    for (size_t i = 0; i < kExecutions; ++i) segments.add(result_of(i, date));
    segments.finish();
    if (!tx.ok() || !cp::store::write_execution_results(**db, date, segments, links).ok() ||
        !tx->commit().ok()) {
      state.SkipWithError("not stored");
      return;
    }
  }
  std::mt19937 random(20240315);
  int64_t lines = 0;
  for (auto _ : state) {
    const std::string account = account_name(random() % kAccounts);
    auto read = cp::store::each_execution_result(
        **db, date, account, [&](const StoredExecutionResult&) -> cp::Result<void> {
          ++lines;
          return cp::Ok{};
        });
    if (!read.ok()) state.SkipWithError("read failed");
  }
  state.counters["lines_per_note"] =
      static_cast<double>(lines) / static_cast<double>(state.iterations());
  db->reset();
  std::filesystem::remove(path);
}
BENCHMARK(BM_ContractNoteLines)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(200);

}  // namespace

BENCHMARK_MAIN();
