#include "core/date.h"

#include <cstdio>

namespace cp {
namespace {

bool parse_fixed_digits(std::string_view text, size_t pos, size_t count, int& out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  out = value;
  return true;
}

std::chrono::year_month_day ymd(const Date& date) {
  return std::chrono::year_month_day(date.sys_days());
}

}  // namespace

Result<Date> Date::parse(std::string_view iso) {
  int year = 0;
  int month = 0;
  int day = 0;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !parse_fixed_digits(iso, 0, 4, year) ||
      !parse_fixed_digits(iso, 5, 2, month) || !parse_fixed_digits(iso, 8, 2, day)) {
    return invalid_input("'" + std::string(iso) + "' is not a date of the form YYYY-MM-DD");
  }
  return from_ymd(year, month, day);
}

Result<Date> Date::from_ymd(int year, int month, int day) {
  const std::chrono::year_month_day value{std::chrono::year(year),
                                          std::chrono::month(static_cast<unsigned>(month)),
                                          std::chrono::day(static_cast<unsigned>(day))};
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || !value.ok()) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    return invalid_input(std::string("'") + text + "' is not a calendar date");
  }
  return Date(std::chrono::sys_days(value).time_since_epoch().count());
}

int Date::year() const {
  return static_cast<int>(ymd(*this).year());
}
int Date::month() const {
  return static_cast<int>(static_cast<unsigned>(ymd(*this).month()));
}
int Date::day() const {
  return static_cast<int>(static_cast<unsigned>(ymd(*this).day()));
}

Weekday Date::weekday() const {
  return static_cast<Weekday>(std::chrono::weekday(sys_days()).iso_encoding());
}

bool Date::is_weekend() const {
  const Weekday day_of_week = weekday();
  return day_of_week == Weekday::kSaturday || day_of_week == Weekday::kSunday;
}

std::string Date::to_string() const {
  const int y = year();
  if (y < 0 || y > 9999) {
    char text[24];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, month(), day());
    return text;
  }
  // Digit by digit: imports and results format a date per row, and snprintf was 5 % of an
  // import's profile.
  const int m = month();
  const int d = day();
  return {static_cast<char>('0' + y / 1000),
          static_cast<char>('0' + y / 100 % 10),
          static_cast<char>('0' + y / 10 % 10),
          static_cast<char>('0' + y % 10),
          '-',
          static_cast<char>('0' + m / 10),
          static_cast<char>('0' + m % 10),
          '-',
          static_cast<char>('0' + d / 10),
          static_cast<char>('0' + d % 10)};
}

Result<TimeOfDay> TimeOfDay::parse(std::string_view text) {
  int hours = 0;
  int minutes = 0;
  int seconds = 0;
  const bool short_form = text.size() == 5;
  const bool long_form =
      text.size() == 8 && text[5] == ':' && parse_fixed_digits(text, 6, 2, seconds);
  if ((!short_form && !long_form) || text[2] != ':' || !parse_fixed_digits(text, 0, 2, hours) ||
      !parse_fixed_digits(text, 3, 2, minutes)) {
    return invalid_input("'" + std::string(text) + "' is not a time of the form HH:MM or HH:MM:SS");
  }
  return from_hms(hours, minutes, seconds);
}

Result<TimeOfDay> TimeOfDay::from_hms(int hours, int minutes, int seconds) {
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) {
    char text[32];
    std::snprintf(text, sizeof text, "%02d:%02d:%02d", hours, minutes, seconds);
    return invalid_input(std::string("'") + text + "' is not a time of day");
  }
  return TimeOfDay(hours * 3600 + minutes * 60 + seconds);
}

std::string TimeOfDay::to_string() const {
  char text[16];
  const int hours = seconds_ / 3600;
  const int minutes = seconds_ / 60 % 60;
  const int seconds = seconds_ % 60;
  if (seconds == 0) {
    std::snprintf(text, sizeof text, "%02d:%02d", hours, minutes);
  } else {
    std::snprintf(text, sizeof text, "%02d:%02d:%02d", hours, minutes, seconds);
  }
  return text;
}

HktDateTime to_hkt(UtcTime instant) {
  const auto local = instant + kHktOffset;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const auto seconds = std::chrono::floor<std::chrono::seconds>(local - day).count();
  return {
      Date::from_days_since_epoch(day.time_since_epoch().count()),
      *TimeOfDay::from_hms(static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60),
                           static_cast<int>(seconds % 60))};
}

UtcTime from_hkt(Date date, TimeOfDay time) {
  return UtcTime(date.sys_days()) + std::chrono::seconds(time.seconds_since_midnight()) -
         kHktOffset;
}

namespace {
std::string format_with_offset(UtcTime instant, std::chrono::hours offset, const char* suffix) {
  const auto local = instant + offset;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(local - day).count();
  const Date date = Date::from_days_since_epoch(day.time_since_epoch().count());
  char text[64];
  std::snprintf(text, sizeof text, "%sT%02lld:%02lld:%02lld.%06lld%s", date.to_string().c_str(),
                static_cast<long long>(micros / 3'600'000'000LL),
                static_cast<long long>(micros / 60'000'000LL % 60),
                static_cast<long long>(micros / 1'000'000LL % 60),
                static_cast<long long>(micros % 1'000'000LL), suffix);
  return text;
}
}  // namespace

std::string format_utc(UtcTime instant) {
  return format_with_offset(instant, std::chrono::hours(0), "Z");
}

std::string format_hkt(UtcTime instant) {
  return format_with_offset(instant, kHktOffset, "+08:00");
}

UtcTime SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

}  // namespace cp
