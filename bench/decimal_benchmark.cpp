// Decimal kernels on the EOD's hot path: add, multiply by a fee rate and round, parse, format.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "core/decimal.h"

namespace cp {
namespace {

// Considerations like a busy day's: HK$1,000.00 to HK$9.9 million, cent scale.
std::vector<Decimal> considerations(size_t count) {
  std::vector<Decimal> out;
  out.reserve(count);
  uint64_t state = 42;
  for (size_t i = 0; i < count; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;  // LCG, Knuth's MMIX
    out.push_back(
        Decimal::from_units(static_cast<Int128>(100'000 + (state >> 33) % 990'000'000), 2));
  }
  return out;
}

void BM_DecimalAdd(benchmark::State& state) {
  const auto values = considerations(4096);
  for (auto _ : state) {
    Decimal total;
    for (const auto& value : values) total += value;
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * values.size()));
}
BENCHMARK(BM_DecimalAdd);

// SFC levy: 0.0027% of consideration, half-up to the cent (SPEC CLR-4).
void BM_DecimalMultiplyRateRound(benchmark::State& state) {
  const auto values = considerations(4096);
  const Decimal rate = *Decimal::parse("0.000027");
  for (auto _ : state) {
    Decimal total;
    for (const auto& value : values) total += (value * rate).round(2, Rounding::kHalfUp);
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * values.size()));
}
BENCHMARK(BM_DecimalMultiplyRateRound);

// Stamp duty: 0.1% rounded up to a whole dollar.
void BM_DecimalMultiplyRateCeiling(benchmark::State& state) {
  const auto values = considerations(4096);
  const Decimal rate = *Decimal::parse("0.001");
  for (auto _ : state) {
    Decimal total;
    for (const auto& value : values) total += (value * rate).round(0, Rounding::kCeiling);
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * values.size()));
}
BENCHMARK(BM_DecimalMultiplyRateCeiling);

void BM_DecimalParse(benchmark::State& state) {
  std::vector<std::string> texts;
  for (const auto& value : considerations(4096)) texts.push_back(value.to_string());
  for (auto _ : state) {
    for (const auto& text : texts) benchmark::DoNotOptimize(Decimal::parse(text));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * texts.size()));
}
BENCHMARK(BM_DecimalParse);

void BM_DecimalFormat(benchmark::State& state) {
  const auto values = considerations(4096);
  for (auto _ : state) {
    for (const auto& value : values) benchmark::DoNotOptimize(value.to_string());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * values.size()));
}
BENCHMARK(BM_DecimalFormat);

}  // namespace
}  // namespace cp

BENCHMARK_MAIN();
