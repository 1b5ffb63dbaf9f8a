#include "refdata/market_calendar.h"

#include <algorithm>
#include <functional>
#include <set>

#include "core/csv.h"

namespace cp::refdata {
namespace {

Result<void> check_date(const Closure& closure, const MarketCalendarData& data) {
  if (closure.date.is_weekend()) {
    return invalid_input(
        closure.date.to_string() + " is a weekend: weekends are computed, list weekdays only",
        "date");
  }
  const Coverage* coverage = data.coverage_of(closure.market);
  if (coverage == nullptr) {
    return invalid_input(std::string("no coverage row for market ") + market_code(closure.market));
  }
  if (closure.date < coverage->covered_from || closure.date > coverage->covered_to) {
    return invalid_input(closure.date.to_string() + " is outside the covered range " +
                             coverage->covered_from.to_string() + " to " +
                             coverage->covered_to.to_string() + " of " +
                             market_code(closure.market),
                         "date");
  }
  for (const auto& existing : data.closures) {
    if (existing.market == closure.market && existing.date == closure.date) {
      return invalid_input(closure.date.to_string() + " is already listed for " +
                               market_code(closure.market) + " at " + existing.location,
                           "date");
    }
  }
  return Ok{};
}

Result<void> load_coverage(const std::filesystem::path& path, const std::string& shown,
                           MarketCalendarData& data) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::open(path.string(), shown));
  CP_RETURN_IF_ERROR(reader.require_columns({"market", "covered_from", "covered_to", "source"}));
  const size_t market_col = *reader.column("market");
  const size_t from_col = *reader.column("covered_from");
  const size_t to_col = *reader.column("covered_to");
  const size_t source_col = *reader.column("source");
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    auto market = parse_market(record[market_col]);
    if (!market.ok()) return reader.field_error(record, market_col, market.error().message);
    auto from = Date::parse(record[from_col]);
    if (!from.ok()) return reader.field_error(record, from_col, from.error().message);
    auto to = Date::parse(record[to_col]);
    if (!to.ok()) return reader.field_error(record, to_col, to.error().message);
    if (*to < *from) return reader.field_error(record, to_col, "covered_to is before covered_from");
    if (record[source_col].empty())
      return reader.field_error(record, source_col, "source required");
    if (data.coverage_of(*market) != nullptr) {
      return reader.field_error(record, market_col, "market listed twice");
    }
    data.coverage.push_back({*market, *from, *to, std::string(record[source_col])});
  }
  return Ok{};
}

// A closures file: `date,<column>,reason,source`, where `classify` turns the column's value into
// the closures the row stands for (SEHK: one, holiday or half day; mainland: one per exchange).
using Classify =
    std::function<Result<std::vector<std::pair<Market, ClosureKind>>>(std::string_view)>;

Result<void> load_closures(const std::filesystem::path& path, const std::string& shown,
                           const char* column, const Classify& classify, MarketCalendarData& data) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::open(path.string(), shown));
  CP_RETURN_IF_ERROR(reader.require_columns({"date", column, "reason", "source"}));
  const size_t date_col = *reader.column("date");
  const size_t classify_col = *reader.column(column);
  const size_t reason_col = *reader.column("reason");
  const size_t source_col = *reader.column("source");
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    auto date = Date::parse(record[date_col]);
    if (!date.ok()) return reader.field_error(record, date_col, date.error().message);
    auto closures = classify(record[classify_col]);
    if (!closures.ok()) return reader.field_error(record, classify_col, closures.error().message);
    if (record[source_col].empty()) {
      return reader.field_error(record, source_col, "source required");
    }
    for (const auto& [market, kind] : *closures) {
      Closure closure{*date,
                      market,
                      kind,
                      std::string(record[reason_col]),
                      std::string(record[source_col]),
                      shown + ":" + std::to_string(record.line())};
      auto valid = check_date(closure, data);
      if (!valid.ok()) return reader.field_error(record, date_col, valid.error().message);
      data.closures.push_back(std::move(closure));
    }
  }
  return Ok{};
}

Result<std::vector<std::pair<Market, ClosureKind>>> classify_sehk(std::string_view kind) {
  if (kind == "holiday") return std::vector{std::pair{Market::kSehk, ClosureKind::kHoliday}};
  if (kind == "half_day") return std::vector{std::pair{Market::kSehk, ClosureKind::kHalfDay}};
  return invalid_input("kind must be holiday or half_day, not '" + std::string(kind) + "'");
}

Result<std::vector<std::pair<Market, ClosureKind>>> classify_mainland(std::string_view exchange) {
  if (exchange == "both") {
    return std::vector{std::pair{Market::kSse, ClosureKind::kHoliday},
                       std::pair{Market::kSzse, ClosureKind::kHoliday}};
  }
  if (exchange == "sse") return std::vector{std::pair{Market::kSse, ClosureKind::kHoliday}};
  if (exchange == "szse") return std::vector{std::pair{Market::kSzse, ClosureKind::kHoliday}};
  return invalid_input("exchange must be both, sse or szse, not '" + std::string(exchange) + "'");
}

Result<void> check_weather(const WeatherEvent& event) {
  if (event.lifted_at <= event.issued_at) {
    return invalid_input("lifted_at " + event.lifted_at.to_string() + " is not after issued_at " +
                             event.issued_at.to_string(),
                         "lifted_at");
  }
  if (event.source.empty()) return invalid_input("source required", "source");
  return Ok{};
}

Result<void> load_weather(const std::filesystem::path& path, const std::string& shown,
                          MarketCalendarData& data) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::open(path.string(), shown));
  CP_RETURN_IF_ERROR(
      reader.require_columns({"signal", "issued_at", "lifted_at", "effect", "source"}));
  const size_t signal_col = *reader.column("signal");
  const size_t issued_col = *reader.column("issued_at");
  const size_t lifted_col = *reader.column("lifted_at");
  const size_t effect_col = *reader.column("effect");
  const size_t source_col = *reader.column("source");
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    auto signal = parse_weather_signal(record[signal_col]);
    if (!signal.ok()) return reader.field_error(record, signal_col, signal.error().message);
    auto issued = parse_hkt_minute(record[issued_col]);
    if (!issued.ok()) return reader.field_error(record, issued_col, issued.error().message);
    auto lifted = parse_hkt_minute(record[lifted_col]);
    if (!lifted.ok()) return reader.field_error(record, lifted_col, lifted.error().message);
    WeatherEvent event{*signal,
                       *issued,
                       *lifted,
                       std::string(record[effect_col]),
                       std::string(record[source_col]),
                       shown + ":" + std::to_string(record.line())};
    auto valid = check_weather(event);
    if (!valid.ok()) {
      return reader.field_error(record, valid.error().field == "source" ? source_col : lifted_col,
                                valid.error().message);
    }
    data.weather.push_back(std::move(event));
  }
  return Ok{};
}

void sort_all(MarketCalendarData& data) {
  std::stable_sort(data.closures.begin(), data.closures.end(),
                   [](const Closure& a, const Closure& b) { return a.date < b.date; });
  std::stable_sort(
      data.weather.begin(), data.weather.end(),
      [](const WeatherEvent& a, const WeatherEvent& b) { return a.issued_at < b.issued_at; });
}

}  // namespace

const char* market_code(Market market) {
  switch (market) {
    case Market::kSehk:
      return "sehk";
    case Market::kSse:
      return "sse";
    case Market::kSzse:
      return "szse";
  }
  return "sehk";
}

Result<Market> parse_market(std::string_view code) {
  if (code == "sehk") return Market::kSehk;
  if (code == "sse") return Market::kSse;
  if (code == "szse") return Market::kSzse;
  return invalid_input("unknown market '" + std::string(code) + "' (sehk, sse or szse)", "market");
}

const char* weather_signal_code(WeatherSignal signal) {
  switch (signal) {
    case WeatherSignal::kT8:
      return "t8";
    case WeatherSignal::kBlackRainstorm:
      return "black_rainstorm";
    case WeatherSignal::kExtremeConditions:
      return "extreme_conditions";
  }
  return "t8";
}

Result<WeatherSignal> parse_weather_signal(std::string_view code) {
  if (code == "t8") return WeatherSignal::kT8;
  if (code == "black_rainstorm") return WeatherSignal::kBlackRainstorm;
  if (code == "extreme_conditions") return WeatherSignal::kExtremeConditions;
  return invalid_input(
      "unknown signal '" + std::string(code) + "' (t8, black_rainstorm or extreme_conditions)",
      "signal");
}

std::string HktDateTimeMinute::to_string() const {
  return date.to_string() + " " + time.to_string();
}

Result<HktDateTimeMinute> parse_hkt_minute(std::string_view text) {
  if (text.size() != 16 || text[10] != ' ') {
    return invalid_input("'" + std::string(text) + "' is not of the form YYYY-MM-DD HH:MM (HKT)");
  }
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(text.substr(0, 10)));
  CP_ASSIGN_OR_RETURN(TimeOfDay time, TimeOfDay::parse(text.substr(11)));
  return HktDateTimeMinute{date, time};
}

const Coverage* MarketCalendarData::coverage_of(Market market) const {
  for (const auto& entry : coverage) {
    if (entry.market == market) return &entry;
  }
  return nullptr;
}

Result<void> MarketCalendarData::add_closure(Closure closure) {
  CP_RETURN_IF_ERROR(check_date(closure, *this));
  closures.push_back(std::move(closure));
  sort_all(*this);
  return Ok{};
}

Result<void> MarketCalendarData::add_weather(WeatherEvent event) {
  CP_RETURN_IF_ERROR(check_weather(event));
  weather.push_back(std::move(event));
  sort_all(*this);
  return Ok{};
}

Result<MarketCalendarData> load_market_calendars(const std::filesystem::path& data_dir) {
  MarketCalendarData data;
  const auto dir = data_dir / "calendar";
  const std::string shown = (data_dir.filename() / "calendar").string() + "/";
  CP_RETURN_IF_ERROR(load_coverage(dir / "coverage.csv", shown + "coverage.csv", data));
  CP_RETURN_IF_ERROR(load_closures(dir / "sehk_closures.csv", shown + "sehk_closures.csv", "kind",
                                   classify_sehk, data));
  CP_RETURN_IF_ERROR(load_closures(dir / "mainland_closures.csv", shown + "mainland_closures.csv",
                                   "exchange", classify_mainland, data));
  CP_RETURN_IF_ERROR(load_weather(dir / "weather_events.csv", shown + "weather_events.csv", data));
  sort_all(data);
  return data;
}

}  // namespace cp::refdata
