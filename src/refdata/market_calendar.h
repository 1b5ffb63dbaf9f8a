// The market calendars as data: SEHK holidays and half-days, SSE/SZSE holidays, Hong Kong
// severe-weather events, and the range each market's data covers. Every row keeps its source.
// The Southbound calendar (src/calendar) is derived from these and the dated rules.
//
// calendar/sehk_closures.csv     := date,kind,reason,source      kind: holiday | half_day
// calendar/mainland_closures.csv := date,exchange,reason,source  exchange: both | sse | szse
// calendar/weather_events.csv    := signal,issued_at,lifted_at,effect,source
//                                   signal: t8 | black_rainstorm | extreme_conditions;
//                                   times "YYYY-MM-DD HH:MM" in Hong Kong time
// calendar/coverage.csv          := market,covered_from,covered_to,source   market: sehk|sse|szse
// Dates are weekdays only (weekends are computed); a listed weekend, a duplicate, or a date
// outside the covered range is an error naming file, line and field.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace cp::refdata {

enum class Market { kSehk, kSse, kSzse };
const char* market_code(Market market);  // "sehk", "sse", "szse"
Result<Market> parse_market(std::string_view code);

enum class ClosureKind { kHoliday, kHalfDay };

struct Closure {
  Date date;
  Market market;
  ClosureKind kind;
  std::string reason;
  std::string source;
  std::string location;  // file:line, or "database" for an operator's addition
};

enum class WeatherSignal { kT8, kBlackRainstorm, kExtremeConditions };
const char* weather_signal_code(WeatherSignal signal);  // "t8", "black_rainstorm", …
Result<WeatherSignal> parse_weather_signal(std::string_view code);

struct HktDateTimeMinute {
  Date date;
  TimeOfDay time;
  friend auto operator<=>(const HktDateTimeMinute&, const HktDateTimeMinute&) = default;
  std::string to_string() const;  // "2016-08-02 12:40"
};
// Parses "YYYY-MM-DD HH:MM".
Result<HktDateTimeMinute> parse_hkt_minute(std::string_view text);

struct WeatherEvent {
  WeatherSignal signal;
  HktDateTimeMinute issued_at;
  HktDateTimeMinute lifted_at;
  std::string effect;  // what happened, in words (from the source)
  std::string source;
  std::string location;
};

struct Coverage {
  Market market;
  Date covered_from;
  Date covered_to;
  std::string source;
};

struct MarketCalendarData {
  std::vector<Closure> closures;      // all markets, sorted by date
  std::vector<WeatherEvent> weather;  // sorted by issued_at
  std::vector<Coverage> coverage;

  const Coverage* coverage_of(Market market) const;
  // Adds an operator's closure or weather event after the same checks as a file row.
  Result<void> add_closure(Closure closure);
  Result<void> add_weather(WeatherEvent event);
};

// Loads the four files under `data_dir`/calendar; all or nothing.
Result<MarketCalendarData> load_market_calendars(const std::filesystem::path& data_dir);

}  // namespace cp::refdata
