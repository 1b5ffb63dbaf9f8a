// Business dates and Hong Kong / Beijing wall-clock times (UTC+8, no daylight saving), kept
// apart from the machine clock. A business date is what a trade, a settlement or an EOD run is
// "for"; it is never derived from the clock inside domain code (the clock is passed in).
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace cp {

enum class Weekday { kMonday = 1, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

// A calendar date (proleptic Gregorian), as in Hong Kong.
class Date {
 public:
  constexpr Date() = default;  // 1970-01-01

  // Parses exactly "YYYY-MM-DD" and checks the date exists: "2024-02-30" is an error.
  static Result<Date> parse(std::string_view iso);
  static Result<Date> from_ymd(int year, int month, int day);
  static constexpr Date from_days_since_epoch(int64_t days) { return Date(days); }

  int year() const;
  int month() const;
  int day() const;
  Weekday weekday() const;
  bool is_weekend() const;

  Date plus_days(int64_t days) const { return Date(days_ + days); }
  int64_t days_since_epoch() const { return days_; }
  std::chrono::sys_days sys_days() const { return std::chrono::sys_days(std::chrono::days(days_)); }

  std::string to_string() const;  // "2024-03-15"

  friend auto operator<=>(const Date&, const Date&) = default;

 private:
  constexpr explicit Date(int64_t days) : days_(days) {}
  int64_t days_ = 0;
};

// The number of days from `from` to `to` (negative when `to` is earlier).
inline int64_t days_between(Date from, Date to) {
  return to.days_since_epoch() - from.days_since_epoch();
}

// A wall-clock time of day in Hong Kong, to the second: 00:00:00 ≤ t < 24:00:00.
class TimeOfDay {
 public:
  constexpr TimeOfDay() = default;
  // Parses "HH:MM" or "HH:MM:SS".
  static Result<TimeOfDay> parse(std::string_view text);
  static Result<TimeOfDay> from_hms(int hours, int minutes, int seconds);

  int seconds_since_midnight() const { return seconds_; }
  std::string to_string() const;  // "10:30" when seconds are 0, else "10:30:15"

  friend auto operator<=>(const TimeOfDay&, const TimeOfDay&) = default;

 private:
  constexpr explicit TimeOfDay(int seconds) : seconds_(seconds) {}
  int seconds_ = 0;
};

// An instant, stored and compared in UTC, to the microsecond.
using UtcTime = std::chrono::sys_time<std::chrono::microseconds>;

// Hong Kong Time is UTC+8 all year (no daylight saving since 1979).
inline constexpr std::chrono::hours kHktOffset{8};

struct HktDateTime {
  Date date;
  TimeOfDay time;
};

HktDateTime to_hkt(UtcTime instant);
UtcTime from_hkt(Date date, TimeOfDay time);
// "2024-03-15T02:30:00.000000Z"
std::string format_utc(UtcTime instant);
// "2024-03-15T10:30:00.000000+08:00"
std::string format_hkt(UtcTime instant);

// The source of "now"; the shell passes one in, tests pass a FixedClock.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual UtcTime now() const = 0;
};

class SystemClock final : public Clock {
 public:
  UtcTime now() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(UtcTime instant) : instant_(instant) {}
  UtcTime now() const override { return instant_; }
  void advance(std::chrono::microseconds by) { instant_ += by; }

 private:
  UtcTime instant_;
};

}  // namespace cp
