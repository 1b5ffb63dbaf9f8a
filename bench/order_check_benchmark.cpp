// Order checks on a mixed day (issue 3 target: at least 1 million orders per second on one
// core): orders spread over the sessions, buys and sells, a few odd lots, off-tick prices and
// out-of-band auction orders, every buy charged to the quota.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "refdata/refdata.h"
#include "trading/order_check.h"

namespace cp::trading {
namespace {

struct MixedDay {
  DayRules rules;
  std::vector<SecurityDay> securities;
  std::vector<OrderRequest> orders;
  std::vector<size_t> security_of;  // index into securities, per order
};

MixedDay make_day(size_t order_count) {
  const auto data_dir = std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data";
  const auto refdata = *refdata::load_refdata(data_dir);
  const Date date = *Date::parse("2024-03-15");
  MixedDay day;
  day.rules.opening_band = *Decimal::parse("0.15");
  day.rules.closing_band = *Decimal::parse("0.05");
  day.rules.ticks = TickLadder::from(**refdata.spread_table.version_on(date));
  VcmRules vcm{true, *Decimal::parse("0.10"), 300, 300, 900, 1200};
  const char* codes[] = {"00700", "00005", "00388", "00941", "02318", "00939", "00857"};
  const char* closes[] = {"300.00", "65.00", "250.00", "70.00", "35.00", "5.00", "7.50"};
  const int64_t lots[] = {100, 400, 100, 500, 500, 1000, 2000};
  for (int i = 0; i < 7; ++i) {
    SecurityDay security{codes[i],
                         lots[i],
                         Eligibility::kEligible,
                         "",
                         true,
                         VcmMonitor(vcm, day.rules.shape),
                         *Decimal::parse(closes[i]),
                         std::nullopt,
                         std::nullopt,
                         *Decimal::parse(closes[i]),
                         std::nullopt,
                         std::nullopt};
    // A morning of trades at the close price, so the VCM has references.
    for (int t = hms(9, 30); t < hms(11, 0); t += 60)
      security.vcm.on_trade(t, *security.previous_close);
    day.securities.push_back(std::move(security));
  }
  uint64_t state = 7;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  const int times[] = {hms(9, 5),  hms(10, 30), hms(11, 15), hms(12, 45),
                       hms(14, 0), hms(15, 30), hms(16, 2),  hms(16, 7)};
  for (size_t i = 0; i < order_count; ++i) {
    const size_t s = next() % 7;
    const SecurityDay& security = day.securities[s];
    const Decimal close = *security.previous_close;
    // Prices around the close on its tick; 1 in 20 off the tick, 1 in 20 far out of band.
    const int64_t tick_milli = day.rules.ticks.tick_milli(*to_milli(close));
    int64_t price_milli = *to_milli(close) + (static_cast<int64_t>(next() % 21) - 10) * tick_milli;
    if (i % 20 == 7) price_milli += tick_milli / 2 > 0 ? tick_milli / 2 : 1;
    if (i % 20 == 13) price_milli = price_milli * 13 / 10 / tick_milli * tick_milli;
    OrderRequest order;
    order.at_s = times[next() % 8];
    order.side = next() % 2 == 0 ? Side::kBuy : Side::kSell;
    order.price_milli = price_milli;
    order.price = Decimal::from_units(price_milli, 3);
    order.quantity = security.board_lot * static_cast<int64_t>(1 + next() % 10);
    if (i % 50 == 3) order.quantity = security.board_lot / 2;  // an odd lot
    day.orders.push_back(order);
    day.security_of.push_back(s);
  }
  return day;
}

void BM_CheckOrdersMixedDay(benchmark::State& state) {
  MixedDay day = make_day(100'000);
  int64_t accepted = 0;
  for (auto _ : state) {
    QuotaTracker quota(*Decimal::parse("42000000000"), *Decimal::parse("0.9123"));
    accepted = 0;
    for (size_t i = 0; i < day.orders.size(); ++i) {
      const Verdict verdict =
          check_order(day.orders[i], day.securities[day.security_of[i]], day.rules, quota);
      accepted += verdict.accepted;
    }
  }
  benchmark::DoNotOptimize(accepted);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(day.orders.size()));
  // The share of orders accepted, so the mix is visible next to the rate.
  state.counters["accepted_pct"] =
      static_cast<double>(accepted * 100) / static_cast<double>(day.orders.size());
}
BENCHMARK(BM_CheckOrdersMixedDay)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace cp::trading

BENCHMARK_MAIN();
