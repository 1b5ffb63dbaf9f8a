// HKSCC's portfolio margin at the scale of the market (issue 16 "Fast"): 700 participants over
// 3,000 securities and 2,000 historical scenarios, each participant's HVaR an expected shortfall
// of its scenario P&Ls (risk/expected_shortfall.h: every market value × return term to the
// dollar, then the mean of the worst ⌈(1 − 0.994) × 2,000⌉ = 12). Each participant holds 1 to
// 300 of the securities (150 on average: 105,000 positions), long or short, worth up to
// HKD 1 bn each; daily returns within ±2 %. Data from a 64-bit LCG that bench/peer_margin.py
// (numpy) repeats, so both print the same sum of the 700 HVaRs (the label), to the cent.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <thread>
#include <vector>

#include "risk/expected_shortfall.h"

namespace {

constexpr size_t kSecurities = 3000;
constexpr size_t kScenarios = 2000;
constexpr size_t kParticipants = 700;

struct Lcg {
  uint64_t state = 42;
  uint64_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;  // 31 bits
  }
};

struct Market {
  std::vector<std::vector<int64_t>> returns;  // per security, units of 10^-10
  struct Holding {
    size_t security;
    int64_t value_hkd;
  };
  std::vector<std::vector<Holding>> participants;
};

const Market& market() {
  static const Market* made = [] {
    auto* m = new Market;
    Lcg lcg;
    m->returns.assign(kSecurities, std::vector<int64_t>(kScenarios));
    for (auto& row : m->returns) {
      for (auto& r : row) {
        // A daily return within ±2 % at 10 decimals: 0 … 4·10^8 units, less 2·10^8.
        r = static_cast<int64_t>(lcg.next() % 400'000'001ULL) - 200'000'000;
      }
    }
    m->participants.resize(kParticipants);
    for (auto& holdings : m->participants) {
      const size_t count = 1 + lcg.next() % 300;
      for (size_t k = 0; k < count; ++k) {
        const size_t security = lcg.next() % kSecurities;
        const auto value = static_cast<int64_t>(lcg.next() % 1'000'000'001ULL);
        holdings.push_back({security, lcg.next() % 2 == 0 ? value : -value});
      }
    }
    return m;
  }();
  return *made;
}

// The HVaRs of participants [from, to), added.
cp::Decimal hvar_sum(const Market& m, size_t from, size_t to, int64_t tail) {
  cp::Decimal sum;
  for (size_t p = from; p < to; ++p) {
    const auto& holdings = m.participants[p];
    std::vector<int64_t> values;
    std::vector<const int64_t*> rows;
    values.reserve(holdings.size());
    rows.reserve(holdings.size());
    for (const auto& h : holdings) {
      values.push_back(h.value_hkd);
      rows.push_back(m.returns[h.security].data());
    }
    sum +=
        cp::risk::expected_shortfall(cp::risk::scenario_pnls_units(values, rows, kScenarios), tail);
  }
  return sum;
}

// Argument: threads, each a contiguous share of the participants (they share nothing but the
// read-only returns).
void BM_PortfolioMarginOfTheMarket(benchmark::State& state) {
  const Market& m = market();
  const int64_t tail = cp::risk::tail_count(*cp::Decimal::parse("0.994"), kScenarios);
  const auto threads = static_cast<size_t>(state.range(0));
  cp::Decimal total;
  for (auto _ : state) {
    std::vector<cp::Decimal> sums(threads);
    std::vector<std::thread> workers;
    for (size_t t = 1; t < threads; ++t) {
      workers.emplace_back([&, t] {
        sums[t] = hvar_sum(m, kParticipants * t / threads, kParticipants * (t + 1) / threads, tail);
      });
    }
    sums[0] = hvar_sum(m, 0, kParticipants / threads, tail);
    for (auto& w : workers) w.join();
    total = cp::Decimal();
    for (const auto& s : sums) total += s;
    benchmark::DoNotOptimize(total);
  }
  size_t positions = 0;
  for (const auto& holdings : m.participants) positions += holdings.size();
  state.counters["positions"] = static_cast<double>(positions);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(kParticipants));
  state.SetLabel("sum of HVaR " + total.to_string());
}
BENCHMARK(BM_PortfolioMarginOfTheMarket)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
