// Deriving both channels' Southbound calendars over the whole covered range (issue 3 target:
// under 50 ms), and the settlement schedule of one trade.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "calendar/settlement.h"
#include "calendar/southbound_calendar.h"
#include "refdata/refdata.h"

namespace cp::calendar {
namespace {

struct Inputs {
  refdata::RefData refdata;
  refdata::MarketCalendarData markets;
};

const Inputs& inputs() {
  static const Inputs loaded = [] {
    const auto data = std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data";
    return Inputs{*refdata::load_refdata(data), *refdata::load_market_calendars(data)};
  }();
  return loaded;
}

void BM_DeriveBothChannels(benchmark::State& state) {
  const Inputs& in = inputs();
  for (auto _ : state) {
    auto sh = SouthboundCalendar::build(in.markets, in.refdata.parameters, Channel::kShanghai);
    auto sz = SouthboundCalendar::build(in.markets, in.refdata.parameters, Channel::kShenzhen);
    benchmark::DoNotOptimize(sh);
    benchmark::DoNotOptimize(sz);
  }
}
BENCHMARK(BM_DeriveBothChannels)->Unit(benchmark::kMillisecond);

void BM_LoadCalendarFiles(benchmark::State& state) {
  const auto data = std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data";
  for (auto _ : state) benchmark::DoNotOptimize(refdata::load_market_calendars(data));
}
BENCHMARK(BM_LoadCalendarFiles)->Unit(benchmark::kMillisecond);

void BM_SettlementSchedule(benchmark::State& state) {
  const Inputs& in = inputs();
  const auto sh = *SouthboundCalendar::build(in.markets, in.refdata.parameters, Channel::kShanghai);
  const Date trade_date = *Date::parse("2018-12-21");
  for (auto _ : state) {
    benchmark::DoNotOptimize(settlement_schedule(sh, in.refdata.parameters, trade_date));
  }
}
BENCHMARK(BM_SettlementSchedule);

}  // namespace
}  // namespace cp::calendar

BENCHMARK_MAIN();
