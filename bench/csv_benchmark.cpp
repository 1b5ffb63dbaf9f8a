// CSV reading throughput on an executions file (issue 4's import grammar).
#include <benchmark/benchmark.h>

#include <string>

#include "core/csv.h"

namespace cp {
namespace {

std::string executions_csv(int rows) {
  std::string text = "trade_id,trade_date,channel,account,security,side,quantity,price\n";
  for (int i = 0; i < rows; ++i) {
    text += "2024-03-15-sh-" + std::to_string(10'000'000 + i) + ",2024-03-15," +
            (i % 3 == 0 ? "sz" : "sh") + ",SB" + std::to_string(10'000'000 + i % 20'000) + "," +
            (i % 2 == 0 ? "00700" : "\"09988\"") + "," + (i % 2 == 0 ? "buy" : "sell") + "," +
            std::to_string(100 * (1 + i % 20)) + ",301.20\n";
  }
  return text;
}

void BM_CsvReadExecutions(benchmark::State& state) {
  const std::string text = executions_csv(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto reader = CsvReader::from_string("executions.csv", text);
    CsvRecord record;
    int64_t rows = 0;
    while (*reader->next(record)) ++rows;
    benchmark::DoNotOptimize(rows);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_CsvReadExecutions)->Arg(100'000);

}  // namespace
}  // namespace cp

BENCHMARK_MAIN();
