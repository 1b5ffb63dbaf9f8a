// Tests of business dates, Hong Kong times of day and UTC instants (core/date.h). Every weekday
// and day count below was checked with Python's datetime module; the market dates are cited
// where they come from.
#include "core/date.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/result.h"

namespace cp {
namespace {

using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::StartsWith;

Date D(std::string_view iso) {
  return Date::parse(iso).value();
}
TimeOfDay Hhmm(std::string_view text) {
  return TimeOfDay::parse(text).value();
}

// The UTC instant date + hh:mm:ss, built with std::chrono only (independent of from_hkt).
UtcTime utc(int year, unsigned month, unsigned day, int hours, int minutes, int seconds) {
  const std::chrono::sys_days days{std::chrono::year{year} / std::chrono::month{month} /
                                   std::chrono::day{day}};
  return UtcTime(days) + std::chrono::hours(hours) + std::chrono::minutes(minutes) +
         std::chrono::seconds(seconds);
}

int64_t micros(UtcTime instant) {
  return instant.time_since_epoch().count();
}

// ---------------------------------------------------------------------------------------------
// Date::parse.
// ---------------------------------------------------------------------------------------------

TEST(DateParseTest, AcceptsCalendarDates) {
  const Result<Date> date = Date::parse("2024-03-15");
  ASSERT_TRUE(date.ok()) << date.error().to_string();
  EXPECT_EQ(date->year(), 2024);
  EXPECT_EQ(date->month(), 3);
  EXPECT_EQ(date->day(), 15);
  EXPECT_EQ(date->to_string(), "2024-03-15");
  EXPECT_EQ(date->days_since_epoch(), 19797);

  // 2024 is a leap year (divisible by 4, not a century).
  const Result<Date> leap = Date::parse("2024-02-29");
  ASSERT_TRUE(leap.ok()) << leap.error().to_string();
  EXPECT_EQ(leap->to_string(), "2024-02-29");
  // 2000 is a leap year (divisible by 400).
  EXPECT_TRUE(Date::parse("2000-02-29").ok());
  EXPECT_TRUE(Date::parse("2024-12-31").ok());
}

TEST(DateParseTest, RefusesDatesThatDoNotExist) {
  for (std::string_view text :
       {"2024-02-30", "2023-02-29", "1900-02-29", "2100-02-29", "2024-04-31", "2024-13-01",
        "2024-00-10", "2024-01-00", "2024-01-32"}) {
    SCOPED_TRACE(std::string(text));
    const Result<Date> date = Date::parse(text);
    ASSERT_FALSE(date.ok());
    EXPECT_EQ(date.error().code, ErrorCode::kInvalidInput);
    EXPECT_THAT(date.error().message, HasSubstr(std::string(text)));
  }
}

TEST(DateParseTest, RefusesOtherShapes) {
  for (std::string_view text :
       {"2024-2-3", "2024-03-15T00", "", "abcd-ef-gh", "2024/03/15", "20240315", "2024-03-1",
        "2024-03-155", " 2024-03-15", "2024-03-15 ", "+024-03-15", "2024-0a-15"}) {
    SCOPED_TRACE(std::string(text));
    const Result<Date> date = Date::parse(text);
    ASSERT_FALSE(date.ok());
    EXPECT_EQ(date.error().code, ErrorCode::kInvalidInput);
    EXPECT_THAT(date.error().message, HasSubstr("YYYY-MM-DD"));
  }
}

TEST(DateParseTest, YearsRunFrom1900To2999) {
  const Result<Date> first = Date::parse("1900-01-01");
  ASSERT_TRUE(first.ok()) << first.error().to_string();
  EXPECT_EQ(first->to_string(), "1900-01-01");
  const Result<Date> last = Date::parse("2999-12-31");
  ASSERT_TRUE(last.ok()) << last.error().to_string();
  EXPECT_EQ(last->to_string(), "2999-12-31");

  EXPECT_FALSE(Date::parse("1899-12-31").ok());
  EXPECT_FALSE(Date::parse("3000-01-01").ok());
  EXPECT_FALSE(Date::parse("0000-01-01").ok());
  EXPECT_FALSE(Date::from_ymd(1899, 12, 31).ok());
  EXPECT_FALSE(Date::from_ymd(3000, 1, 1).ok());
}

TEST(DateParseTest, FromYmdChecksTheDate) {
  const Result<Date> date = Date::from_ymd(2016, 12, 5);
  ASSERT_TRUE(date.ok()) << date.error().to_string();
  EXPECT_EQ(date->to_string(), "2016-12-05");
  EXPECT_FALSE(Date::from_ymd(2024, 2, 30).ok());
  EXPECT_FALSE(Date::from_ymd(2024, 13, 1).ok());
  EXPECT_FALSE(Date::from_ymd(2024, 0, 1).ok());
  EXPECT_FALSE(Date::from_ymd(2024, 1, 0).ok());
  EXPECT_FALSE(Date::from_ymd(2024, -1, 1).ok());
}

TEST(DateTest, DefaultIsTheEpoch) {
  const Date epoch;
  EXPECT_EQ(epoch.to_string(), "1970-01-01");
  EXPECT_EQ(epoch.days_since_epoch(), 0);
  EXPECT_EQ(epoch.weekday(), Weekday::kThursday);  // 1 Jan 1970 was a Thursday
  EXPECT_EQ(Date::from_days_since_epoch(19797).to_string(), "2024-03-15");
  EXPECT_EQ(Date::from_days_since_epoch(-1).to_string(), "1969-12-31");
  EXPECT_EQ(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
  EXPECT_EQ(Date::parse("2000-02-29")->to_string(), "2000-02-29");
}

// ---------------------------------------------------------------------------------------------
// Weekdays.
// ---------------------------------------------------------------------------------------------

TEST(DateWeekdayTest, KnownDates) {
  // Shanghai Southbound began trading on Monday 17 November 2014.
  EXPECT_EQ(D("2014-11-17").weekday(), Weekday::kMonday);
  // Shenzhen Southbound began trading on Monday 5 December 2016.
  EXPECT_EQ(D("2016-12-05").weekday(), Weekday::kMonday);
  EXPECT_EQ(D("2024-03-15").weekday(), Weekday::kFriday);
  // The common-trading-day rule took effect on Monday 24 April 2023.
  EXPECT_EQ(D("2023-04-24").weekday(), Weekday::kMonday);
  EXPECT_EQ(D("2023-04-23").weekday(), Weekday::kSunday);
  EXPECT_EQ(D("2024-02-29").weekday(), Weekday::kThursday);
  EXPECT_EQ(D("2018-05-01").weekday(), Weekday::kTuesday);
  EXPECT_EQ(D("1900-01-01").weekday(), Weekday::kMonday);
  EXPECT_EQ(D("2999-12-31").weekday(), Weekday::kTuesday);
  // ISO numbering: Monday is 1, Sunday is 7.
  EXPECT_EQ(static_cast<int>(D("2024-03-17").weekday()), 7);
  EXPECT_EQ(static_cast<int>(D("2024-03-18").weekday()), 1);
}

TEST(DateWeekdayTest, IsWeekend) {
  EXPECT_FALSE(D("2024-03-15").is_weekend());  // Friday
  EXPECT_TRUE(D("2024-03-16").is_weekend());   // Saturday
  EXPECT_TRUE(D("2024-03-17").is_weekend());   // Sunday
  EXPECT_FALSE(D("2024-03-18").is_weekend());  // Monday
  EXPECT_FALSE(D("2014-11-17").is_weekend());  // Monday
}

// ---------------------------------------------------------------------------------------------
// Arithmetic and ordering.
// ---------------------------------------------------------------------------------------------

TEST(DateArithmeticTest, PlusDaysAcrossLeapDayAndYearEnd) {
  EXPECT_EQ(D("2024-02-28").plus_days(1).to_string(), "2024-02-29");
  EXPECT_EQ(D("2024-02-28").plus_days(2).to_string(), "2024-03-01");
  EXPECT_EQ(D("2023-02-28").plus_days(1).to_string(), "2023-03-01");
  EXPECT_EQ(D("2024-03-01").plus_days(-1).to_string(), "2024-02-29");
  EXPECT_EQ(D("2023-12-31").plus_days(1).to_string(), "2024-01-01");
  EXPECT_EQ(D("2024-01-01").plus_days(-1).to_string(), "2023-12-31");
  EXPECT_EQ(D("2024-12-31").plus_days(-366).to_string(), "2023-12-31");  // 2024 has 366 days
  EXPECT_EQ(D("2024-03-15").plus_days(0).to_string(), "2024-03-15");
  EXPECT_EQ(D("2024-03-15").plus_days(7).weekday(), Weekday::kFriday);
}

TEST(DateArithmeticTest, DaysBetween) {
  EXPECT_EQ(days_between(D("2024-02-01"), D("2024-03-01")), 29);  // leap February
  EXPECT_EQ(days_between(D("2023-02-01"), D("2023-03-01")), 28);
  EXPECT_EQ(days_between(D("2024-01-01"), D("2025-01-01")), 366);
  EXPECT_EQ(days_between(D("2024-03-01"), D("2024-02-01")), -29);
  EXPECT_EQ(days_between(D("2024-03-15"), D("2024-03-15")), 0);
  // Shanghai to Shenzhen Southbound launch.
  EXPECT_EQ(days_between(D("2014-11-17"), D("2016-12-05")), 749);
  EXPECT_EQ(days_between(D("2024-02-28"), D("2024-02-28").plus_days(45)), 45);
}

TEST(DateArithmeticTest, Ordering) {
  EXPECT_TRUE(D("2024-02-29") < D("2024-03-01"));
  EXPECT_TRUE(D("2023-12-31") < D("2024-01-01"));
  EXPECT_TRUE(D("2024-03-15") == D("2024-03-15"));
  EXPECT_TRUE(D("2024-03-15") != D("2024-03-16"));
  EXPECT_TRUE(D("2024-03-16") > D("2024-03-15"));
  EXPECT_TRUE(D("2024-03-15") <= D("2024-03-15"));
  EXPECT_TRUE(D("2024-03-15") >= D("2024-03-15"));
  EXPECT_FALSE(D("2024-03-16") < D("2024-03-15"));
}

// ---------------------------------------------------------------------------------------------
// TimeOfDay.
// ---------------------------------------------------------------------------------------------

TEST(TimeOfDayTest, ParsesAndFormats) {
  const Result<TimeOfDay> morning = TimeOfDay::parse("10:30");
  ASSERT_TRUE(morning.ok()) << morning.error().to_string();
  EXPECT_EQ(morning->seconds_since_midnight(), 10 * 3600 + 30 * 60);
  EXPECT_EQ(morning->to_string(), "10:30");

  const Result<TimeOfDay> closing = TimeOfDay::parse("16:06");
  ASSERT_TRUE(closing.ok()) << closing.error().to_string();
  EXPECT_EQ(closing->seconds_since_midnight(), 16 * 3600 + 6 * 60);
  EXPECT_EQ(closing->to_string(), "16:06");

  const Result<TimeOfDay> with_seconds = TimeOfDay::parse("09:45:15");
  ASSERT_TRUE(with_seconds.ok()) << with_seconds.error().to_string();
  EXPECT_EQ(with_seconds->seconds_since_midnight(), 9 * 3600 + 45 * 60 + 15);
  EXPECT_EQ(with_seconds->to_string(), "09:45:15");

  // Zero seconds are left out on output.
  EXPECT_EQ(Hhmm("10:30:00").to_string(), "10:30");
  EXPECT_EQ(Hhmm("00:00").seconds_since_midnight(), 0);
  EXPECT_EQ(Hhmm("00:00").to_string(), "00:00");
  EXPECT_EQ(Hhmm("23:59:59").seconds_since_midnight(), 86399);
  EXPECT_EQ(Hhmm("23:59:59").to_string(), "23:59:59");
  EXPECT_EQ(TimeOfDay().to_string(), "00:00");
}

TEST(TimeOfDayTest, RefusesBadTimes) {
  for (std::string_view text : {"24:00", "9:30", "12:60", "10:30:60", "", "10", "1030", "10-30",
                                "10:3a", "10:30:1", "10:30 ", "-1:30", "10:30:00:00"}) {
    SCOPED_TRACE(std::string(text));
    const Result<TimeOfDay> parsed = TimeOfDay::parse(text);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
  }
  EXPECT_FALSE(TimeOfDay::from_hms(24, 0, 0).ok());
  EXPECT_FALSE(TimeOfDay::from_hms(-1, 0, 0).ok());
  EXPECT_FALSE(TimeOfDay::from_hms(12, 60, 0).ok());
  EXPECT_FALSE(TimeOfDay::from_hms(12, 0, 60).ok());
  ASSERT_TRUE(TimeOfDay::from_hms(16, 6, 0).ok());
  EXPECT_EQ(TimeOfDay::from_hms(16, 6, 0)->to_string(), "16:06");
}

TEST(TimeOfDayTest, Ordering) {
  EXPECT_TRUE(Hhmm("09:30") < Hhmm("10:30"));
  EXPECT_TRUE(Hhmm("10:30") < Hhmm("10:30:01"));
  EXPECT_TRUE(Hhmm("10:30") == Hhmm("10:30:00"));
  EXPECT_TRUE(Hhmm("23:59:59") > Hhmm("00:00"));
}

// ---------------------------------------------------------------------------------------------
// UTC and Hong Kong Time (UTC+8, no daylight saving).
// ---------------------------------------------------------------------------------------------

TEST(HktTest, ToHkt) {
  // 02:30 UTC is 10:30 in Hong Kong, the same day.
  const HktDateTime morning = to_hkt(utc(2024, 3, 15, 2, 30, 0));
  EXPECT_EQ(morning.date.to_string(), "2024-03-15");
  EXPECT_EQ(morning.time.to_string(), "10:30");

  // 16:00 UTC is midnight of the next day in Hong Kong.
  const HktDateTime midnight = to_hkt(utc(2024, 3, 15, 16, 0, 0));
  EXPECT_EQ(midnight.date.to_string(), "2024-03-16");
  EXPECT_EQ(midnight.time.to_string(), "00:00");

  // One second earlier is still the 15th.
  const HktDateTime before = to_hkt(utc(2024, 3, 15, 15, 59, 59));
  EXPECT_EQ(before.date.to_string(), "2024-03-15");
  EXPECT_EQ(before.time.to_string(), "23:59:59");

  // Across a leap day and a year end.
  const HktDateTime leap = to_hkt(utc(2024, 2, 28, 20, 0, 0));
  EXPECT_EQ(leap.date.to_string(), "2024-02-29");
  EXPECT_EQ(leap.time.to_string(), "04:00");
  const HktDateTime new_year = to_hkt(utc(2023, 12, 31, 16, 0, 0));
  EXPECT_EQ(new_year.date.to_string(), "2024-01-01");
  EXPECT_EQ(new_year.time.to_string(), "00:00");
}

TEST(HktTest, FromHkt) {
  // 2024-03-15T02:30:00Z is 1710469800 seconds after the epoch.
  EXPECT_EQ(micros(from_hkt(D("2024-03-15"), Hhmm("10:30"))), 1'710'469'800'000'000);
  EXPECT_EQ(micros(from_hkt(D("2024-03-15"), Hhmm("10:30"))), micros(utc(2024, 3, 15, 2, 30, 0)));
  EXPECT_EQ(micros(from_hkt(D("2024-03-16"), Hhmm("00:00"))), micros(utc(2024, 3, 15, 16, 0, 0)));
  EXPECT_EQ(micros(from_hkt(D("1970-01-01"), Hhmm("08:00"))), 0);
  EXPECT_EQ(micros(from_hkt(D("1970-01-01"), Hhmm("00:00"))), -8LL * 3600 * 1'000'000);
}

TEST(HktTest, RoundTrip) {
  for (const UtcTime instant :
       {utc(2024, 3, 15, 2, 30, 0), utc(2024, 3, 15, 16, 0, 0), utc(2024, 3, 15, 15, 59, 59),
        utc(2024, 2, 28, 20, 0, 0), utc(2023, 12, 31, 23, 59, 59), utc(1969, 12, 31, 20, 0, 0),
        utc(2014, 11, 17, 1, 30, 0)}) {
    SCOPED_TRACE(format_utc(instant));
    const HktDateTime local = to_hkt(instant);
    EXPECT_EQ(micros(from_hkt(local.date, local.time)), micros(instant));
  }
  for (const char* text : {"00:00", "09:30", "12:00", "16:06", "23:59:59"}) {
    SCOPED_TRACE(text);
    const HktDateTime local = to_hkt(from_hkt(D("2024-02-29"), Hhmm(text)));
    EXPECT_EQ(local.date.to_string(), "2024-02-29");
    EXPECT_EQ(local.time.to_string(), Hhmm(text).to_string());
  }
}

TEST(HktTest, FormatUtc) {
  EXPECT_EQ(format_utc(utc(2024, 3, 15, 2, 30, 0)), "2024-03-15T02:30:00.000000Z");
  EXPECT_EQ(format_utc(utc(2024, 3, 15, 2, 30, 0) + std::chrono::microseconds(123456)),
            "2024-03-15T02:30:00.123456Z");
  EXPECT_EQ(format_utc(utc(2024, 12, 31, 23, 59, 59) + std::chrono::microseconds(999999)),
            "2024-12-31T23:59:59.999999Z");
  EXPECT_EQ(format_utc(UtcTime()), "1970-01-01T00:00:00.000000Z");
  EXPECT_EQ(format_utc(utc(1969, 12, 31, 16, 0, 0)), "1969-12-31T16:00:00.000000Z");
}

TEST(HktTest, FormatHkt) {
  // date.h documents "2024-03-15T10:30:00+08:00"; only the date, the time to the second and
  // the offset are asserted here, not whether fractional seconds are written.
  const std::string morning = format_hkt(utc(2024, 3, 15, 2, 30, 0));
  EXPECT_THAT(morning, StartsWith("2024-03-15T10:30:00"));
  EXPECT_THAT(morning, EndsWith("+08:00"));
  const std::string midnight = format_hkt(utc(2024, 3, 15, 16, 0, 0));
  EXPECT_THAT(midnight, StartsWith("2024-03-16T00:00:00"));
  EXPECT_THAT(midnight, EndsWith("+08:00"));
}

// ---------------------------------------------------------------------------------------------
// Clocks.
// ---------------------------------------------------------------------------------------------

TEST(ClockTest, FixedClockStandsStillUntilAdvanced) {
  FixedClock clock(utc(2024, 3, 15, 2, 30, 0));
  const Clock& as_clock = clock;
  EXPECT_EQ(format_utc(as_clock.now()), "2024-03-15T02:30:00.000000Z");
  EXPECT_EQ(format_utc(as_clock.now()), "2024-03-15T02:30:00.000000Z");

  clock.advance(std::chrono::minutes(90));
  EXPECT_EQ(format_utc(clock.now()), "2024-03-15T04:00:00.000000Z");
  clock.advance(std::chrono::microseconds(1));
  EXPECT_EQ(format_utc(clock.now()), "2024-03-15T04:00:00.000001Z");
  clock.advance(std::chrono::hours(12));  // past HKT midnight
  EXPECT_EQ(to_hkt(clock.now()).date.to_string(), "2024-03-16");
  EXPECT_EQ(to_hkt(clock.now()).time.to_string(), "00:00");
}

TEST(ClockTest, SystemClockIsAfter2024) {
  SystemClock clock;
  EXPECT_GT(micros(clock.now()), micros(utc(2024, 1, 1, 0, 0, 0)));
}

}  // namespace
}  // namespace cp
