// The clearing of one execution (clearing::DayClearer: fees, commission, RMB amounts, the
// investor's and CSDC's sums), in memory, over days of two sizes: 100,000 executions of 20,000
// accounts (accounts and sums in the caches: the arithmetic's cost) and 1,000,000 of 200,000
// (the EOD macro benchmark's 1M day: its memory costs too). Fees from the shipped schedule.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "clearing/account_book.h"
#include "clearing/client_clearing.h"
#include "clearing/execution_table.h"
#include "refdata/refdata.h"

namespace {

using cp::Decimal;

std::string account_name(size_t n) {
  std::string digits = std::to_string(n);
  return "A" + std::string(7 - digits.size(), '0') + digits;
}

void BM_ClearExecutions(benchmark::State& state) {
  const auto executions = static_cast<size_t>(state.range(0));
  const size_t accounts = executions / 5;
  const cp::Date date = *cp::Date::parse("2024-03-15");
  auto refdata = cp::refdata::load_refdata(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data");
  if (!refdata.ok()) {
    state.SkipWithError("reference data");
    return;
  }
  const cp::clearing::DayFees fees = cp::clearing::DayFees::for_date(refdata->fees, date);
  cp::clearing::AccountBook book;
  for (size_t n = 0; n < accounts; ++n) {
    book.add({account_name(n), cp::AccountType::kIndividual,
              n % 100 == 0 ? cp::MoneyKind::kOwn : cp::MoneyKind::kClient,
              Decimal::from_units(25, 5), Decimal::from_units(500, 2)});
  }
  // In stored order: channel, then account (five executions each), prices on the tick.
  cp::clearing::ExecutionTable table;
  table.reserve(executions);
  for (size_t i = 0; i < executions; ++i) {
    const auto channel = i < executions * 2 / 3 ? cp::Channel::kShanghai : cp::Channel::kShenzhen;
    const size_t in_channel = channel == cp::Channel::kShanghai ? i : i - executions * 2 / 3;
    table.add("E" + std::to_string(i), date, channel, account_name(in_channel * 3 / 10 % accounts),
              std::to_string(10000 + i % 3000), i % 2 == 0 ? cp::Side::kBuy : cp::Side::kSell,
              100 * static_cast<int64_t>(1 + i % 20),
              Decimal::from_units(static_cast<int64_t>(1000 + i % 9000) * 5, 3));
  }
  cp::clearing::FxRates fx;
  fx.settlement_buy = Decimal::from_units(91264, 5);
  fx.settlement_sell = Decimal::from_units(91196, 5);
  cp::clearing::ClearingInputs inputs;
  inputs.executions = &table;
  inputs.accounts = &book;
  inputs.fx = {{cp::Channel::kShanghai, fx}, {cp::Channel::kShenzhen, fx}};
  inputs.fees = &fees;
  inputs.is_etf = [](std::string_view) { return false; };
  // As the run does (eod::prepare_day): the accounts found once per account of the table.
  const std::vector<const cp::clearing::Account*> by_number = book.accounts_of(table);
  inputs.accounts_by_number = &by_number;
  for (auto _ : state) {
    cp::clearing::DayClearer clearer(inputs);
    while (const cp::clearing::ExecutionResult* r = clearer.next()) {
      benchmark::DoNotOptimize(r);
    }
    auto result = clearer.finish();
    benchmark::DoNotOptimize(result.investors.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * executions));
}
BENCHMARK(BM_ClearExecutions)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
