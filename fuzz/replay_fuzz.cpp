// The order-event replay of src/trading/replay.h: read_events over an events CSV, then
// replay_day, set up as `connectpost orders replay` does (src/cli/trading_command.cpp) with the
// reference data and market calendars of data/ (CONNECTPOST_DATA_DIR overrides), loaded once.
// The CLI also merges the operator's calendar additions from its database
// (store::merge_calendar_additions); this target has no database and uses the files alone.
//
// Input: the first byte picks the channel (bit 0: 0 = sh, 1 = sz) and the day (the other bits,
// modulo the list): day 0 is 2024-03-15, the day of tests/golden/replay, and the others are
// Southbound trading days spread over the calendar's coverage. The rest is events.csv. The
// reference rates are buy 0.8664 / sell 0.9200 RMB/HKD, as the golden test imports.
//
// Properties: no crash, no exception; on success read_events gives at most one event per
// record, on increasing lines, in time order within the day, each with what its kind needs
// (replay.h's grammar); replay_day then reports one line per event, in order, each accepted,
// rejected or applied, with the accepted and rejected counts matching the lines; the frozen
// funds are never negative and grow only with an accepted buy order. When the file names
// accounts (INV001 permitted; LAPSED permitted, its buys waiting, SUIT-6; any other without the
// permission), an accepted order's account holds the permission and an accepted buy's is current.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "calendar/southbound_calendar.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/decimal.h"
#include "fuzz_check.h"
#include "refdata/market_calendar.h"
#include "refdata/refdata.h"
#include "trading/replay.h"

namespace {

using namespace cp;

constexpr size_t kDaysPerChannel = 128;
constexpr const char* kGoldenDay = "2024-03-15";

struct Setup {
  refdata::RefData data;
  refdata::MarketCalendarData markets;
  std::vector<calendar::SouthboundCalendar> calendars;      // sh, sz
  std::vector<std::vector<const calendar::DayInfo*>> days;  // per channel: trading days
  trading::ReferenceRates rates;  // the replay CLI test's: 0.8664 / 0.9200 (mid 0.8932 ∓ 3 %)
};

const Setup& setup() {
  static const Setup* built = [] {
    auto* s = new Setup;
    const std::string dir = fuzz::data_dir();
    auto data = refdata::load_refdata(dir);
    if (!data.ok()) fuzz::setup_failed("reference data: " + data.error().to_string());
    s->data = std::move(data).value();
    auto markets = refdata::load_market_calendars(dir);
    if (!markets.ok()) fuzz::setup_failed("market calendars: " + markets.error().to_string());
    s->markets = std::move(markets).value();
    s->rates = {*Decimal::parse("0.8664"), *Decimal::parse("0.9200")};
    const Date golden = *Date::parse(kGoldenDay);
    for (Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
      auto built_calendar =
          calendar::SouthboundCalendar::build(s->markets, s->data.parameters, channel);
      if (!built_calendar.ok()) {
        fuzz::setup_failed("Southbound calendar: " + built_calendar.error().to_string());
      }
      s->calendars.push_back(std::move(built_calendar).value());
    }
    for (const calendar::SouthboundCalendar& southbound : s->calendars) {
      std::vector<const calendar::DayInfo*> open_days;
      for (Date date = southbound.covered_from(); date <= southbound.covered_to();
           date = date.plus_days(1)) {
        auto day = southbound.day(date);
        if (day.ok() && (*day)->southbound_trading) open_days.push_back(*day);
      }
      if (open_days.empty()) fuzz::setup_failed("no Southbound trading day in the calendar");
      std::vector<const calendar::DayInfo*> chosen;
      auto golden_day = southbound.day(golden);
      if (golden_day.ok() && (*golden_day)->southbound_trading) chosen.push_back(*golden_day);
      const size_t wanted = kDaysPerChannel - chosen.size();
      const size_t picks = std::min(wanted, open_days.size());
      for (size_t i = 0; i < picks; ++i) chosen.push_back(open_days[i * open_days.size() / picks]);
      s->days.push_back(std::move(chosen));
    }
    return s;
  }();
  return *built;
}

void check_events(const std::vector<trading::ReplayEvent>& events, int64_t records) {
  CP_FUZZ_CHECK(records >= 0, "an events file that was read is CSV");
  CP_FUZZ_CHECK(static_cast<int64_t>(events.size()) <= records, "at most one event per record");
  int64_t last_line = 1;
  int last_time = 0;
  std::set<std::string> orders;
  for (const trading::ReplayEvent& e : events) {
    CP_FUZZ_CHECK(e.line > last_line, "events are on increasing lines");
    last_line = e.line;
    CP_FUZZ_CHECK(e.at_s >= last_time && e.at_s < 24 * 3600, "events are in time order");
    last_time = e.at_s;
    if (e.price) {
      CP_FUZZ_CHECK(e.price->sign() > 0 && e.price->fits_scale(3),
                    "a price is positive with at most 3 decimals");
    }
    switch (e.kind) {
      case trading::EventKind::kOrder:
        CP_FUZZ_CHECK(!e.order_id.empty() && orders.insert(e.order_id).second,
                      "an order has a new id");
        CP_FUZZ_CHECK(e.side.has_value() && e.price.has_value(), "an order has a side and price");
        CP_FUZZ_CHECK(e.quantity > 0 && e.quantity <= 1'000'000'000'000,
                      "an order's quantity is positive");
        break;
      case trading::EventKind::kTrade:
        CP_FUZZ_CHECK(e.price.has_value() && e.quantity > 0, "a trade has a price and quantity");
        [[fallthrough]];
      case trading::EventKind::kCancel:
      case trading::EventKind::kReject:
        CP_FUZZ_CHECK(orders.count(e.order_id) == 1, "it refers to an earlier order");
        break;
      case trading::EventKind::kPrice:
        CP_FUZZ_CHECK(e.price.has_value(), "a price event has a price");
        break;
    }
  }
}

void check_report(const trading::ReplayReport& report,
                  const std::vector<trading::ReplayEvent>& events, const calendar::DayInfo& day,
                  Channel channel) {
  CP_FUZZ_CHECK(report.date == day.date && report.channel == channel, "the report is of the day");
  CP_FUZZ_CHECK(report.lines.size() == events.size(), "one line per event");
  int64_t accepted = 0;
  int64_t rejected = 0;
  for (size_t i = 0; i < report.lines.size(); ++i) {
    const trading::ReplayLine& line = report.lines[i];
    CP_FUZZ_CHECK(line.event == &events[i], "lines follow the events in order");
    CP_FUZZ_CHECK(
        line.outcome == "accepted" || line.outcome == "rejected" || line.outcome == "applied",
        "an outcome is accepted, rejected or applied");
    if (line.outcome == "accepted") ++accepted;
    if (line.outcome == "rejected") ++rejected;
    // CLR-15: frozen money is never negative and only a buy order freezes more.
    CP_FUZZ_CHECK(line.frozen_rmb.sign() >= 0, "frozen funds are never negative");
    if (i > 0 && line.frozen_rmb > report.lines[i - 1].frozen_rmb) {
      CP_FUZZ_CHECK(line.event->kind == trading::EventKind::kOrder &&
                        line.event->side == Side::kBuy && line.outcome == "accepted",
                    "only an accepted buy order freezes more");
    }
  }
  CP_FUZZ_CHECK(report.accepted == accepted && report.rejected == rejected,
                "the counts match the lines");
  for (const trading::VcmLine& vcm : report.vcm) {
    CP_FUZZ_CHECK(!vcm.security.empty(), "a VCM trigger names its security");
  }
}

// With accounts named, an order accepted is of an account that holds the permission, and a buy
// accepted is of one whose assessment has not expired.
void check_standings(const trading::ReplayReport& report, const trading::Standings& standings) {
  CP_FUZZ_CHECK(report.investor_checks, "a file naming accounts is checked against them");
  for (const trading::ReplayLine& line : report.lines) {
    if (line.event->kind != trading::EventKind::kOrder || line.outcome != "accepted") continue;
    const auto standing = standings.find(line.event->account);
    CP_FUZZ_CHECK(standing != standings.end() && standing->second.permitted,
                  "an accepted order's investor holds the permission");
    CP_FUZZ_CHECK(line.event->side != Side::kBuy || standing->second.buys_refused.empty(),
                  "an accepted buy's assessment is current");
  }
}

void fuzz_one(const uint8_t* data, size_t size) {
  if (size == 0) return;
  const Setup& s = setup();
  const size_t channel_index = data[0] & 1;
  const Channel channel = channel_index == 0 ? Channel::kShanghai : Channel::kShenzhen;
  const auto& days = s.days[channel_index];
  const calendar::DayInfo& day = *days[(data[0] >> 1) % days.size()];
  const std::string text(fuzz::as_text(data + 1, size - 1));

  auto opened = CsvReader::from_string("events.csv", text);
  if (!opened.ok()) return;
  CsvReader reader = std::move(opened).value();
  auto events = trading::read_events(reader, s.data.securities, day.date);
  if (!events.ok()) {
    CP_FUZZ_CHECK(events.error().file == "events.csv" && events.error().line >= 1,
                  "an events error names the file and a line");
    return;
  }
  check_events(events->events, cp::fuzz::count_csv_records("events.csv", text));
  // Every named account but "NOPERM" holds the permission; "LAPSED"'s buys wait (SUIT-6).
  const trading::Standings standings{{"INV001", {true, ""}}, {"LAPSED", {true, "expired"}}};
  auto report = trading::replay_day(*events, s.data, day, channel, s.rates, standings);
  if (report.ok()) check_report(*report, events->events, day, channel);
  if (report.ok() && events->names_accounts) check_standings(*report, standings);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz_one(data, size);
  return 0;
}
