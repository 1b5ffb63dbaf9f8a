// Tests of the market-calendar loader (refdata/market_calendar.h): a minimal good set of the four
// calendar files, each way a row can be refused (with the file as displayed, line, column and
// field, counted by hand in the comment next to each case), operator additions, and the shipped
// data/calendar files.
#include "refdata/market_calendar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "core/result.h"

namespace cp::refdata {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

Date D(std::string_view iso) {
  return Date::parse(iso).value();
}

// The good set: one year (2024) covered for each market. Rows are deliberately not in date order
// so that the loader's sorting shows. Weekdays: 2024-03-29 Fri, 2024-12-24 Tue, 2024-02-12 Mon,
// 2024-10-01 Tue.
constexpr std::string_view kCoverage =
    "market,covered_from,covered_to,source\n"
    "sehk,2024-01-01,2024-12-31,test coverage sehk\n"
    "sse,2024-01-01,2024-12-31,test coverage sse\n"
    "szse,2024-01-01,2024-12-31,test coverage szse\n";
constexpr std::string_view kSehk =
    "date,kind,reason,source\n"
    "2024-12-24,half_day,Christmas Eve,test notice A\n"  // line 2
    "2024-03-29,holiday,Good Friday,test notice B\n";    // line 3
constexpr std::string_view kMainland =
    "date,exchange,reason,source\n"
    "2024-10-01,both,National Day,test notice C\n"     // line 2: sse and szse
    "2024-02-12,sse,Spring Festival,test notice D\n";  // line 3: sse only
constexpr std::string_view kWeather =
    "signal,issued_at,lifted_at,effect,source\n"
    "black_rainstorm,2024-08-01 10:00,2024-08-01 11:00,no interruption,test notice E\n"  // line 2
    "t8,2024-06-03 06:10,2024-06-03 17:20,whole day cancelled,test notice F\n";          // line 3

class MarketCalendarTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("cp_market_calendar_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    // The data directory's own name shows in error messages: "testdata/calendar/<file>".
    data_ = root_ / "testdata";
    fs::create_directories(data_ / "calendar");
    write("coverage.csv", kCoverage);
    write("sehk_closures.csv", kSehk);
    write("mainland_closures.csv", kMainland);
    write("weather_events.csv", kWeather);
  }
  void TearDown() override { fs::remove_all(root_); }

  // Replaces one of the calendar files.
  void write(const std::string& name, std::string_view text) {
    std::ofstream out(data_ / "calendar" / name, std::ios::binary | std::ios::trunc);
    out << text;
  }

  // The error of a load that must fail (an empty Error when it unexpectedly succeeds).
  Error load_error() {
    const Result<MarketCalendarData> loaded = load_market_calendars(data_);
    EXPECT_FALSE(loaded.ok()) << "the calendar files were accepted";
    return loaded.ok() ? Error{} : loaded.error();
  }

  MarketCalendarData load_good() {
    Result<MarketCalendarData> loaded = load_market_calendars(data_);
    EXPECT_TRUE(loaded.ok()) << loaded.error().to_string();
    return loaded.ok() ? std::move(loaded).value() : MarketCalendarData{};
  }

  fs::path root_;
  fs::path data_;
};

// Checks an error's location, field and message.
void expect_error(const Error& error, const std::string& file, int64_t line, int64_t column,
                  const std::string& field, const std::string& message_part) {
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput) << error.to_string();
  EXPECT_EQ(error.file, file) << error.to_string();
  EXPECT_EQ(error.line, line) << error.to_string();
  EXPECT_EQ(error.column, column) << error.to_string();
  EXPECT_EQ(error.field, field) << error.to_string();
  EXPECT_THAT(error.message, HasSubstr(message_part));
}

bool sorted_by_date(const std::vector<Closure>& closures) {
  return std::is_sorted(closures.begin(), closures.end(),
                        [](const Closure& a, const Closure& b) { return a.date < b.date; });
}

// ---------------------------------------------------------------------------------------------
// A good set.
// ---------------------------------------------------------------------------------------------

TEST_F(MarketCalendarTest, AGoodMinimalSetLoadsSortedWithBothExchangesAndWeatherTimes) {
  const MarketCalendarData data = load_good();

  ASSERT_EQ(data.coverage.size(), 3u);
  for (Market market : {Market::kSehk, Market::kSse, Market::kSzse}) {
    const Coverage* coverage = data.coverage_of(market);
    ASSERT_NE(coverage, nullptr) << market_code(market);
    EXPECT_EQ(coverage->covered_from, D("2024-01-01"));
    EXPECT_EQ(coverage->covered_to, D("2024-12-31"));
    EXPECT_EQ(coverage->source, std::string("test coverage ") + market_code(market));
  }

  // 2 SEHK rows + the "both" row as sse and szse + one sse row = 5 closures, by date. The "both"
  // row keeps its file order (sse, then szse): the sort is stable.
  ASSERT_EQ(data.closures.size(), 5u);
  EXPECT_TRUE(sorted_by_date(data.closures));
  const Closure& spring = data.closures[0];
  EXPECT_EQ(spring.date, D("2024-02-12"));
  EXPECT_EQ(spring.market, Market::kSse);
  EXPECT_EQ(spring.kind, ClosureKind::kHoliday);
  EXPECT_EQ(spring.reason, "Spring Festival");
  EXPECT_EQ(spring.source, "test notice D");
  EXPECT_EQ(spring.location, "testdata/calendar/mainland_closures.csv:3");

  const Closure& good_friday = data.closures[1];
  EXPECT_EQ(good_friday.date, D("2024-03-29"));
  EXPECT_EQ(good_friday.market, Market::kSehk);
  EXPECT_EQ(good_friday.kind, ClosureKind::kHoliday);
  EXPECT_EQ(good_friday.source, "test notice B");
  EXPECT_EQ(good_friday.location, "testdata/calendar/sehk_closures.csv:3");

  const Closure& national_sse = data.closures[2];
  const Closure& national_szse = data.closures[3];
  EXPECT_EQ(national_sse.date, D("2024-10-01"));
  EXPECT_EQ(national_sse.market, Market::kSse);
  EXPECT_EQ(national_szse.date, D("2024-10-01"));
  EXPECT_EQ(national_szse.market, Market::kSzse);
  for (const Closure* closure : {&national_sse, &national_szse}) {
    EXPECT_EQ(closure->kind, ClosureKind::kHoliday);
    EXPECT_EQ(closure->reason, "National Day");
    EXPECT_EQ(closure->source, "test notice C");
    EXPECT_EQ(closure->location, "testdata/calendar/mainland_closures.csv:2");
  }

  const Closure& eve = data.closures[4];
  EXPECT_EQ(eve.date, D("2024-12-24"));
  EXPECT_EQ(eve.market, Market::kSehk);
  EXPECT_EQ(eve.kind, ClosureKind::kHalfDay);
  EXPECT_EQ(eve.reason, "Christmas Eve");

  // Weather: sorted by issued_at (the June T8 is on line 3, the August rainstorm on line 2).
  ASSERT_EQ(data.weather.size(), 2u);
  const WeatherEvent& t8 = data.weather[0];
  EXPECT_EQ(t8.signal, WeatherSignal::kT8);
  EXPECT_EQ(t8.issued_at.date, D("2024-06-03"));
  EXPECT_EQ(t8.issued_at.time, *TimeOfDay::from_hms(6, 10, 0));
  EXPECT_EQ(t8.lifted_at.date, D("2024-06-03"));
  EXPECT_EQ(t8.lifted_at.time, *TimeOfDay::from_hms(17, 20, 0));
  EXPECT_EQ(t8.issued_at.to_string(), "2024-06-03 06:10");
  EXPECT_EQ(t8.effect, "whole day cancelled");
  EXPECT_EQ(t8.source, "test notice F");
  EXPECT_EQ(t8.location, "testdata/calendar/weather_events.csv:3");
  const WeatherEvent& rain = data.weather[1];
  EXPECT_EQ(rain.signal, WeatherSignal::kBlackRainstorm);
  EXPECT_EQ(rain.issued_at.to_string(), "2024-08-01 10:00");
  EXPECT_EQ(rain.lifted_at.to_string(), "2024-08-01 11:00");
  EXPECT_EQ(rain.location, "testdata/calendar/weather_events.csv:2");
}

// ---------------------------------------------------------------------------------------------
// Refused rows: file as displayed, line, column, field.
// ---------------------------------------------------------------------------------------------

TEST_F(MarketCalendarTest, AWeekendDateIsRefused) {
  // 2024-03-30 is a Saturday; line 3, the date in column 1.
  write("sehk_closures.csv",
        "date,kind,reason,source\n"
        "2024-03-29,holiday,Good Friday,n\n"
        "2024-03-30,holiday,Day following Good Friday,n\n");
  expect_error(load_error(), "testdata/calendar/sehk_closures.csv", 3, 1, "date",
               "2024-03-30 is a weekend");
}

TEST_F(MarketCalendarTest, ADuplicateDateIsRefusedNamingTheFirstRow) {
  // Line 3 repeats line 2's date for the same market.
  write("sehk_closures.csv",
        "date,kind,reason,source\n"
        "2024-03-29,holiday,Good Friday,n\n"
        "2024-03-29,holiday,Good Friday again,n\n");
  const Error error = load_error();
  expect_error(error, "testdata/calendar/sehk_closures.csv", 3, 1, "date",
               "2024-03-29 is already listed for sehk");
  EXPECT_THAT(error.message, HasSubstr("testdata/calendar/sehk_closures.csv:2"));
}

TEST_F(MarketCalendarTest, ADuplicateAcrossBothAndOneExchangeIsRefused) {
  // Line 2 "both" lists 2024-10-01 for sse and szse; line 3 lists it again for sse.
  write("mainland_closures.csv",
        "date,exchange,reason,source\n"
        "2024-10-01,both,National Day,n\n"
        "2024-10-01,sse,National Day,n\n");
  const Error error = load_error();
  expect_error(error, "testdata/calendar/mainland_closures.csv", 3, 1, "date",
               "2024-10-01 is already listed for sse");
  EXPECT_THAT(error.message, HasSubstr("testdata/calendar/mainland_closures.csv:2"));
}

TEST_F(MarketCalendarTest, ADateOutsideTheCoveredRangeIsRefused) {
  // Coverage ends 2024-12-31; 2025-01-02 (a Thursday) is past it. Line 2, column 1.
  write("sehk_closures.csv",
        "date,kind,reason,source\n"
        "2025-01-02,holiday,Next year,n\n");
  expect_error(load_error(), "testdata/calendar/sehk_closures.csv", 2, 1, "date",
               "2025-01-02 is outside the covered range 2024-01-01 to 2024-12-31 of sehk");
}

TEST_F(MarketCalendarTest, AnUnknownKindIsRefused) {
  // "2024-03-29," is 11 characters: the kind starts in column 12.
  write("sehk_closures.csv",
        "date,kind,reason,source\n"
        "2024-03-29,closed,Good Friday,n\n");
  expect_error(load_error(), "testdata/calendar/sehk_closures.csv", 2, 12, "kind",
               "kind must be holiday or half_day, not 'closed'");
}

TEST_F(MarketCalendarTest, AnUnknownExchangeIsRefused) {
  // Line 3; "2024-02-12," is 11 characters: the exchange starts in column 12.
  write("mainland_closures.csv",
        "date,exchange,reason,source\n"
        "2024-10-01,both,National Day,n\n"
        "2024-02-12,hkex,Spring Festival,n\n");
  expect_error(load_error(), "testdata/calendar/mainland_closures.csv", 3, 12, "exchange",
               "exchange must be both, sse or szse, not 'hkex'");
}

TEST_F(MarketCalendarTest, AnEmptySourceIsRefused) {
  // "2024-03-29,holiday,Good Friday," is 31 characters: the empty source is column 32.
  write("sehk_closures.csv",
        "date,kind,reason,source\n"
        "2024-03-29,holiday,Good Friday,\n");
  expect_error(load_error(), "testdata/calendar/sehk_closures.csv", 2, 32, "source",
               "source required");
}

TEST_F(MarketCalendarTest, AnEmptyWeatherSourceIsRefused) {
  // "t8,2024-06-03 06:10,2024-06-03 17:20,x," is 3 + 17 + 17 + 2 = 39 characters: column 40.
  write("weather_events.csv",
        "signal,issued_at,lifted_at,effect,source\n"
        "t8,2024-06-03 06:10,2024-06-03 17:20,x,\n");
  expect_error(load_error(), "testdata/calendar/weather_events.csv", 2, 40, "source",
               "source required");
}

TEST_F(MarketCalendarTest, AnImpossibleDateIsRefused) {
  // 2024 is a leap year, but February has no 30th. Line 2, column 1.
  write("mainland_closures.csv",
        "date,exchange,reason,source\n"
        "2024-02-30,both,No such day,n\n");
  expect_error(load_error(), "testdata/calendar/mainland_closures.csv", 2, 1, "date",
               "'2024-02-30' is not a calendar date");
}

TEST_F(MarketCalendarTest, AWeatherEventLiftedNoLaterThanIssuedIsRefused) {
  // Line 3 is lifted when it is issued. "t8,2024-06-03 12:00," is 3 + 17 = 20 characters: the
  // lifted_at starts in column 21.
  write("weather_events.csv",
        "signal,issued_at,lifted_at,effect,source\n"
        "black_rainstorm,2024-08-01 10:00,2024-08-01 11:00,x,n\n"
        "t8,2024-06-03 12:00,2024-06-03 12:00,x,n\n");
  expect_error(load_error(), "testdata/calendar/weather_events.csv", 3, 21, "lifted_at",
               "lifted_at 2024-06-03 12:00 is not after issued_at 2024-06-03 12:00");
}

TEST_F(MarketCalendarTest, AWeatherEventLiftedBeforeIssuedIsRefused) {
  // "t8,2024-06-03 12:00," is 20 characters: column 21.
  write("weather_events.csv",
        "signal,issued_at,lifted_at,effect,source\n"
        "t8,2024-06-03 12:00,2024-06-03 11:59,x,n\n");
  expect_error(load_error(), "testdata/calendar/weather_events.csv", 2, 21, "lifted_at",
               "is not after issued_at");
}

TEST_F(MarketCalendarTest, ABadTimeIsRefused) {
  // "t8," is 3 characters: the issued_at starts in column 4. Hour 25 does not exist.
  write("weather_events.csv",
        "signal,issued_at,lifted_at,effect,source\n"
        "t8,2024-01-01 25:00,2024-01-01 23:00,x,n\n");
  expect_error(load_error(), "testdata/calendar/weather_events.csv", 2, 4, "issued_at",
               "is not a time of day");
}

TEST_F(MarketCalendarTest, ATimeWithoutItsDateIsRefused) {
  // "t8,2024-06-03 06:10," is 20 characters: the lifted_at starts in column 21.
  write("weather_events.csv",
        "signal,issued_at,lifted_at,effect,source\n"
        "t8,2024-06-03 06:10,17:20,x,n\n");
  expect_error(load_error(), "testdata/calendar/weather_events.csv", 2, 21, "lifted_at",
               "is not of the form YYYY-MM-DD HH:MM");
}

TEST_F(MarketCalendarTest, AnUnknownSignalIsRefused) {
  // Line 2, the signal in column 1.
  write("weather_events.csv",
        "signal,issued_at,lifted_at,effect,source\n"
        "t10,2024-06-03 06:10,2024-06-03 17:20,x,n\n");
  expect_error(load_error(), "testdata/calendar/weather_events.csv", 2, 1, "signal",
               "unknown signal 't10'");
}

TEST_F(MarketCalendarTest, AMissingCoverageRowIsRefusedAtTheFirstRowThatNeedsIt) {
  // No szse coverage: the "both" row on line 2 needs it (sse is checked first and passes).
  write("coverage.csv",
        "market,covered_from,covered_to,source\n"
        "sehk,2024-01-01,2024-12-31,s\n"
        "sse,2024-01-01,2024-12-31,s\n");
  expect_error(load_error(), "testdata/calendar/mainland_closures.csv", 2, 1, "date",
               "no coverage row for market szse");
}

TEST_F(MarketCalendarTest, AMissingColumnIsRefusedOnTheHeaderLine) {
  // The header lacks `source`: reported on line 1, no column, no field.
  write("sehk_closures.csv",
        "date,kind,reason\n"
        "2024-03-29,holiday,Good Friday\n");
  expect_error(load_error(), "testdata/calendar/sehk_closures.csv", 1, 0, "",
               "missing column(s) 'source' in the header");
}

TEST_F(MarketCalendarTest, AMissingFileIsRefusedByName) {
  fs::remove(data_ / "calendar" / "weather_events.csv");
  const Error error = load_error();
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.file, "testdata/calendar/weather_events.csv");
  EXPECT_THAT(error.message, HasSubstr("cannot open file"));
}

// ---------------------------------------------------------------------------------------------
// Operator additions.
// ---------------------------------------------------------------------------------------------

Closure sehk_holiday(std::string_view date) {
  return Closure{D(date),        Market::kSehk, ClosureKind::kHoliday,
                 "test closure", "test notice", "database"};
}

TEST_F(MarketCalendarTest, AddClosureRefusesAWeekendADuplicateAndAnOutOfCoverageDate) {
  MarketCalendarData data = load_good();
  ASSERT_EQ(data.closures.size(), 5u);

  // 2024-03-30 is a Saturday.
  const Result<void> weekend = data.add_closure(sehk_holiday("2024-03-30"));
  ASSERT_FALSE(weekend.ok());
  EXPECT_EQ(weekend.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(weekend.error().field, "date");
  EXPECT_THAT(weekend.error().message, HasSubstr("2024-03-30 is a weekend"));

  // 2024-03-29 is already an SEHK holiday (sehk_closures.csv line 3).
  const Result<void> duplicate = data.add_closure(sehk_holiday("2024-03-29"));
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().field, "date");
  EXPECT_THAT(duplicate.error().message, HasSubstr("2024-03-29 is already listed for sehk at "
                                                   "testdata/calendar/sehk_closures.csv:3"));

  // Coverage is 2024; 2025-01-02 is a Thursday after it, 2023-12-29 a Friday before it.
  const Result<void> after = data.add_closure(sehk_holiday("2025-01-02"));
  ASSERT_FALSE(after.ok());
  EXPECT_THAT(after.error().message, HasSubstr("outside the covered range"));
  const Result<void> before = data.add_closure(sehk_holiday("2023-12-29"));
  ASSERT_FALSE(before.ok());
  EXPECT_THAT(before.error().message, HasSubstr("outside the covered range"));

  // Nothing refused was added.
  EXPECT_EQ(data.closures.size(), 5u);
}

TEST_F(MarketCalendarTest, AddClosureAcceptsAGoodOneAndKeepsTheClosuresSorted) {
  MarketCalendarData data = load_good();
  // 2024-07-02 is a Tuesday, inside the coverage, not listed for SEHK.
  ASSERT_TRUE(data.add_closure(sehk_holiday("2024-07-02")).ok());
  // 2024-03-29 is an SEHK holiday but not an SSE one: the same date for another market is fine.
  ASSERT_TRUE(data.add_closure(Closure{D("2024-03-29"), Market::kSse, ClosureKind::kHoliday,
                                       "test closure", "test notice", "database"})
                  .ok());
  ASSERT_EQ(data.closures.size(), 7u);
  EXPECT_TRUE(sorted_by_date(data.closures));
  // By date: 02-12 sse, 03-29 sehk, 03-29 sse (added), 07-02 sehk (added), 10-01 sse, 10-01 szse,
  // 12-24 sehk.
  EXPECT_EQ(data.closures[2].date, D("2024-03-29"));
  EXPECT_EQ(data.closures[2].market, Market::kSse);
  EXPECT_EQ(data.closures[2].location, "database");
  EXPECT_EQ(data.closures[3].date, D("2024-07-02"));
  EXPECT_EQ(data.closures[3].market, Market::kSehk);
  EXPECT_EQ(data.closures[3].reason, "test closure");
  EXPECT_EQ(data.closures[3].source, "test notice");
  EXPECT_EQ(data.closures[6].date, D("2024-12-24"));
  // And the second time it is a duplicate.
  const Result<void> again = data.add_closure(sehk_holiday("2024-07-02"));
  ASSERT_FALSE(again.ok());
  EXPECT_THAT(again.error().message, HasSubstr("already listed for sehk at database"));
}

TEST_F(MarketCalendarTest, AddWeatherChecksTimesAndSourceAndKeepsTheEventsSorted) {
  MarketCalendarData data = load_good();
  const HktDateTimeMinute seven = *parse_hkt_minute("2024-03-14 07:00");
  const HktDateTimeMinute one_pm = *parse_hkt_minute("2024-03-14 13:00");
  const Result<void> backwards =
      data.add_weather(WeatherEvent{WeatherSignal::kT8, one_pm, seven, "", "x", "database"});
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.error().field, "lifted_at");
  EXPECT_THAT(backwards.error().message, HasSubstr("is not after issued_at"));
  const Result<void> no_source =
      data.add_weather(WeatherEvent{WeatherSignal::kT8, seven, one_pm, "", "", "database"});
  ASSERT_FALSE(no_source.ok());
  EXPECT_EQ(no_source.error().field, "source");
  EXPECT_EQ(data.weather.size(), 2u);

  ASSERT_TRUE(
      data.add_weather(WeatherEvent{WeatherSignal::kT8, seven, one_pm, "", "x", "database"}).ok());
  ASSERT_EQ(data.weather.size(), 3u);
  // March comes before the June and August events.
  EXPECT_EQ(data.weather[0].issued_at, seven);
  EXPECT_TRUE(std::is_sorted(
      data.weather.begin(), data.weather.end(),
      [](const WeatherEvent& a, const WeatherEvent& b) { return a.issued_at < b.issued_at; }));
}

// ---------------------------------------------------------------------------------------------
// The shipped data.
// ---------------------------------------------------------------------------------------------

TEST(ShippedMarketCalendarTest, LoadsWithSourcesCoverageAndNoWeekendClosures) {
  const fs::path data_dir = fs::path(CONNECTPOST_SOURCE_DIR) / "data";
  const Result<MarketCalendarData> loaded = load_market_calendars(data_dir);
  ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();

  EXPECT_FALSE(loaded->closures.empty());
  EXPECT_FALSE(loaded->weather.empty());
  for (const Closure& closure : loaded->closures) {
    EXPECT_FALSE(closure.source.empty()) << closure.location;
    EXPECT_FALSE(closure.date.is_weekend()) << closure.location << " " << closure.date.to_string();
  }
  for (const WeatherEvent& event : loaded->weather) {
    EXPECT_FALSE(event.source.empty()) << event.location;
    EXPECT_LT(event.issued_at, event.lifted_at) << event.location;
  }
  EXPECT_TRUE(sorted_by_date(loaded->closures));

  // data/calendar/coverage.csv: every market from the Shanghai Southbound launch (2014-11-17)
  // to the end of 2026.
  ASSERT_EQ(loaded->coverage.size(), 3u);
  for (Market market : {Market::kSehk, Market::kSse, Market::kSzse}) {
    const Coverage* coverage = loaded->coverage_of(market);
    ASSERT_NE(coverage, nullptr) << market_code(market);
    EXPECT_EQ(coverage->covered_from, D("2014-11-17")) << market_code(market);
    EXPECT_EQ(coverage->covered_to, D("2026-12-31")) << market_code(market);
    EXPECT_FALSE(coverage->source.empty()) << market_code(market);
  }
}

}  // namespace
}  // namespace cp::refdata
