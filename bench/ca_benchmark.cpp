// A dividend's entitlements at the scale of a large Southbound holding (issue 17 "Fast"):
// 2,000,000 accounts hold one security; for each, the entitlement (holding × rate, exact) and the
// RMB (× CSDC's rate, down to the fen, 20% withheld for individuals, half-up) — the kernel of
// `connectpost ca entitlements` and of the EOD's corporate-action cash (corpactions/).
// Holdings from a 64-bit LCG: 100 to 1,000,000 shares; every fifth account an institution. The
// label is Σ net RMB, which bench/ca_macro's PostgreSQL peer reproduces over the same rule.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "corpactions/dividend.h"
#include "corpactions/entitlement.h"

namespace {

using namespace cp;

constexpr size_t kHolders = 2'000'000;

std::vector<corpactions::Holder> holders() {
  std::vector<corpactions::Holder> out;
  out.reserve(kHolders);
  uint64_t state = 42;
  for (size_t i = 0; i < kHolders; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const int64_t shares = 100 + static_cast<int64_t>((state >> 33) % 999'901);
    out.push_back({Channel::kShanghai, "A" + std::to_string(i),
                   i % 5 == 4 ? AccountType::kInstitution : AccountType::kIndividual, shares});
  }
  return out;
}

void BM_DividendEntitlements(benchmark::State& state) {
  const auto all = holders();
  corpactions::CorporateAction action;
  action.event_id = "E";
  action.type = corpactions::ActionType::kCashDividend;
  action.security_code = "00700";
  action.currency = Currency::kUSD;
  action.rate = *Decimal::parse("0.123");
  action.issuer_type = corpactions::IssuerType::kRedChip;
  const corpactions::DividendRules rules{*Decimal::parse("0.20"), *Decimal::parse("0.10"),
                                         Rounding::kFloor};
  const Decimal rmb_per_usd = *Decimal::parse("7.1234");
  Decimal total;
  for (auto _ : state) {
    total = Decimal();
    for (const auto& e : corpactions::entitlements(action, all, 100)) {
      total += corpactions::dividend_money(e.cash_ccy, rmb_per_usd, e.account_type,
                                           action.issuer_type, rules)
                   .net_rmb;
    }
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kHolders));
  state.SetLabel("net RMB " + total.to_string());
}
BENCHMARK(BM_DividendEntitlements)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
