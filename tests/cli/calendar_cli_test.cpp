// End-to-end tests of the calendar commands (`calendar`, `settlement-date`, `calendar
// add-closure`, `calendar add-weather`) as an operator or a script uses them: exit codes
// (docs/cli.md: 0 ok, 1 a rule said no, 2 bad input or usage, 3 internal), messages, --json
// output, and operator additions changing everything derived from the calendar. Every expected
// value is worked out from the SPEC rules and the shipped data (data/calendar/,
// data/parameters.csv) in the comment next to it; tests/golden/calendar/ has the same days with
// their sources.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "support/golden_files.h"

namespace cp {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::slurp;
using Json = nlohmann::json;

struct CalendarOutcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string shell_quote(const std::string& text) {
  return "'" + text + "'";
}

class CalendarCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cp_calendar_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // A private copy of the whole shipped data directory (parameters.csv and calendar/), so no
    // test can touch the shipped files.
    data_ = dir_ / "data";
    fs::copy(fs::path(CONNECTPOST_SOURCE_DIR) / "data", data_, fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs connectpost in the test's directory against its own database and data copy; `args`
  // are already shell-quoted where needed.
  CalendarOutcome run(const std::string& args, const std::string& env = "") {
    const char* bin = std::getenv("CONNECTPOST_BIN");
    if (bin == nullptr) bin = CONNECTPOST_TEST_BIN;
    const std::string db = "sqlite:" + (dir_ / "cp.db").string();
    const std::string command = "cd " + shell_quote(dir_.string()) + " && env " + env + " " +
                                shell_quote(bin) + " --db " + shell_quote(db) + " --data-dir " +
                                shell_quote(data_.string()) + " " + args +
                                " >stdout.txt 2>stderr.txt";
    const int status = std::system(command.c_str());
    CalendarOutcome result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = slurp(dir_ / "stdout.txt");
    result.err = slurp(dir_ / "stderr.txt");
    return result;
  }

  // `calendar --json` for one channel and range, as a map from date to the day's object.
  std::map<std::string, Json> days(const std::string& channel, const std::string& from,
                                   const std::string& to) {
    const CalendarOutcome shown =
        run("calendar --channel " + channel + " --from " + from + " --to " + to + " --json");
    EXPECT_EQ(shown.exit_code, 0) << shown.err;
    std::map<std::string, Json> by_date;
    if (shown.exit_code != 0) return by_date;
    const Json out = Json::parse(shown.out);
    for (const Json& day : out.at("days")) by_date[day.at("date").get<std::string>()] = day;
    return by_date;
  }

  // `settlement-date --json` for a trade date that must be a Southbound trading day.
  Json settlement(const std::string& channel, const std::string& trade_date) {
    const CalendarOutcome shown =
        run("settlement-date --channel " + channel + " --trade-date " + trade_date + " --json");
    EXPECT_EQ(shown.exit_code, 0) << shown.err;
    return shown.exit_code == 0 ? Json::parse(shown.out) : Json::object();
  }

  fs::path dir_;
  fs::path data_;
};

bool flag(const Json& day, const char* name) {
  return day.at(name).get<bool>();
}

std::string reason(const Json& day) {
  return day.at("reason").is_null() ? std::string() : day.at("reason").get<std::string>();
}

// ---------------------------------------------------------------------------------------------
// calendar
// ---------------------------------------------------------------------------------------------

// SPEC CAL-5 worked example (seed 004 §2.3, a Shenzhen training with 2016 dates), checked on the
// Shanghai channel because Shenzhen Southbound only opened on 2016-12-05. Before 2023-04-24 a
// Southbound trading day needs its next two planned HKSCC settlement days (T+1, T+2) to be
// mainland business days (CAL-4).
TEST_F(CalendarCliTest, CalendarJsonShowsTheCal5WorkedExample) {
  const CalendarOutcome shown =
      run("calendar --channel sh --from 2016-09-01 --to 2016-10-12 --json");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const Json out = Json::parse(shown.out);
  // 30 days of September and 12 of October.
  ASSERT_EQ(out.at("days").size(), 42u);
  EXPECT_EQ(out.at("days").front().at("date").get<std::string>(), "2016-09-01");
  EXPECT_EQ(out.at("days").back().at("date").get<std::string>(), "2016-10-12");
  std::map<std::string, Json> day;
  for (const Json& entry : out.at("days")) day[entry.at("date").get<std::string>()] = entry;

  // 09-12 (Monday): T+1 09-13 and T+2 09-14 are mainland business days: 开市.
  EXPECT_TRUE(flag(day.at("2016-09-12"), "southbound_trading"));
  // 09-13: T+2 is 09-15, the mainland Mid-Autumn holiday (SEHK open, HKSCC settles that day).
  // 09-14: T+1 is 09-15. Both: 非交易日 but 交收日 — both markets open, so money and securities
  // of earlier trades still settle.
  for (const char* date : {"2016-09-13", "2016-09-14"}) {
    SCOPED_TRACE(date);
    EXPECT_FALSE(flag(day.at(date), "southbound_trading"));
    EXPECT_TRUE(flag(day.at(date), "southbound_settlement_day"));
    EXPECT_THAT(reason(day.at(date)), HasSubstr("2016-09-15 is a mainland holiday"));
  }
  // 09-15: mainland Mid-Autumn; 09-16: mainland holiday and SEHK closed (day following
  // Mid-Autumn).
  EXPECT_FALSE(flag(day.at("2016-09-15"), "southbound_trading"));
  EXPECT_FALSE(flag(day.at("2016-09-15"), "mainland_trading"));
  EXPECT_THAT(reason(day.at("2016-09-15")), HasSubstr("SSE holiday"));
  EXPECT_FALSE(flag(day.at("2016-09-16"), "southbound_trading"));
  EXPECT_FALSE(flag(day.at("2016-09-16"), "hk_trading"));
  EXPECT_THAT(reason(day.at("2016-09-16")), HasSubstr("SEHK holiday"));
  // 09-28: T+1 09-29 and T+2 09-30 are mainland business days.
  EXPECT_TRUE(flag(day.at("2016-09-28"), "southbound_trading"));
  // 09-29: T+2 would be 10-03 (10-01 is a Saturday), a National Day holiday; 09-30: T+1 is 10-03.
  for (const char* date : {"2016-09-29", "2016-09-30"}) {
    SCOPED_TRACE(date);
    EXPECT_FALSE(flag(day.at(date), "southbound_trading"));
    EXPECT_TRUE(flag(day.at(date), "southbound_settlement_day"));
    EXPECT_THAT(reason(day.at(date)), HasSubstr("2016-10-03 is a mainland holiday"));
  }
  // 10-01 and 10-02 are a weekend; 10-03..10-07 the mainland National Day closure.
  for (const char* date : {"2016-10-01", "2016-10-02", "2016-10-03", "2016-10-04", "2016-10-05",
                           "2016-10-06", "2016-10-07"}) {
    SCOPED_TRACE(date);
    EXPECT_FALSE(flag(day.at(date), "southbound_trading"));
  }
  EXPECT_THAT(reason(day.at("2016-10-01")), HasSubstr("Saturday"));
  EXPECT_THAT(reason(day.at("2016-10-03")), HasSubstr("SSE holiday"));

  // Every "no" says why; a day on which everything is "yes" has nothing to explain. (No weather
  // event touches this range, so an all-yes day has no weather reason either.)
  for (const auto& [date, entry] : day) {
    SCOPED_TRACE(date);
    if (!flag(entry, "southbound_trading")) {
      EXPECT_FALSE(entry.at("reason").is_null());
      EXPECT_FALSE(reason(entry).empty());
    }
    const bool all_yes = flag(entry, "hk_trading") && flag(entry, "mainland_trading") &&
                         flag(entry, "southbound_trading") && !flag(entry, "half_day") &&
                         flag(entry, "hk_settlement_day") &&
                         flag(entry, "southbound_settlement_day");
    if (all_yes) {
      EXPECT_TRUE(entry.at("reason").is_null()) << entry.dump();
    }
    EXPECT_TRUE(entry.at("weather").is_null());
    // The rule before 2023-04-24 is in force throughout.
    EXPECT_EQ(entry.at("rule").get<std::string>(), "settlement_days_on_both_sides");
  }
}

TEST_F(CalendarCliTest, ARangeOutsideTheCoverageIsBadInputNamingTheCoveredRange) {
  // The calendar data starts at the Shanghai Southbound launch, 2014-11-17.
  const CalendarOutcome refused = run("calendar --channel sh --from 2014-11-10 --to 2014-11-20");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("the calendar covers 2014-11-17 to 2026-12-31"));
  EXPECT_THAT(refused.err, HasSubstr("2014-11-10 is outside it"));
}

TEST_F(CalendarCliTest, BadInputExitsTwo) {
  const CalendarOutcome channel =
      run("calendar --channel xx --from 2016-09-01 --to 2016-09-02 --json");
  EXPECT_EQ(channel.exit_code, 2);
  EXPECT_THAT(channel.err, HasSubstr("unknown channel 'xx'"));
  EXPECT_TRUE(channel.out.empty());

  const CalendarOutcome settlement_channel =
      run("settlement-date --channel xx --trade-date 2016-09-12");
  EXPECT_EQ(settlement_channel.exit_code, 2);
  EXPECT_THAT(settlement_channel.err, HasSubstr("unknown channel 'xx'"));

  // 2024 is a leap year, but February has no 30th.
  const CalendarOutcome impossible = run("calendar --channel sh --from 2024-02-30 --to 2024-03-05");
  EXPECT_EQ(impossible.exit_code, 2);
  EXPECT_THAT(impossible.err, HasSubstr("'2024-02-30' is not a calendar date"));

  const CalendarOutcome no_channel = run("calendar --from 2016-09-01 --to 2016-09-02");
  EXPECT_EQ(no_channel.exit_code, 2);
  EXPECT_THAT(no_channel.err, HasSubstr("--channel sh|sz is required"));

  const CalendarOutcome backwards = run("calendar --channel sh --from 2016-09-02 --to 2016-09-01");
  EXPECT_EQ(backwards.exit_code, 2);
  EXPECT_THAT(backwards.err, HasSubstr("is before --from"));

  // --channel and --trade-date are required options of settlement-date (a usage error).
  EXPECT_EQ(run("settlement-date --trade-date 2016-09-12").exit_code, 2);
  EXPECT_EQ(run("settlement-date --channel sh").exit_code, 2);
}

// ---------------------------------------------------------------------------------------------
// settlement-date
// ---------------------------------------------------------------------------------------------

TEST_F(CalendarCliTest, SettlementDateRollsOverTheTyphoonDay) {
  // 2016-10-21: Typhoon Haima T8 06:10-17:20, in force at 09:00 and 12:00, so a whole-day
  // HKSCC non-settlement day (CAL-6a, seed 004 §2.5 case 1). Trades of Wednesday 10-19: T+1 is
  // 10-20; T+2 skips 10-21 and the weekend: 10-24. Risk funds settle T+1 (stl.risk_funds
  // .day_offset = 1), trading money T+2 at the 10:30 cut-off (stl.trading_money_payable.*).
  const Json out = settlement("sh", "2016-10-19");
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.at("trade_date").get<std::string>(), "2016-10-19");
  EXPECT_EQ(out.at("securities_settlement_date").get<std::string>(), "2016-10-24");
  // STL-3: the buyer has the entitlements from the evening of the settlement day; the seller
  // keeps them through the evening before.
  EXPECT_EQ(out.at("entitlement").at("buyer_entitled_from").get<std::string>(), "2016-10-24");
  EXPECT_EQ(out.at("entitlement").at("seller_entitled_through").get<std::string>(), "2016-10-23");
  std::map<std::string, Json> flows;
  for (const Json& flow : out.at("money_flows")) flows[flow.at("flow").get<std::string>()] = flow;
  ASSERT_EQ(flows.count("risk_funds"), 1u) << out.dump();
  ASSERT_EQ(flows.count("trading_money_payable"), 1u) << out.dump();
  EXPECT_EQ(flows.at("risk_funds").at("date").get<std::string>(), "2016-10-20");
  EXPECT_EQ(flows.at("risk_funds").at("day_offset").get<int64_t>(), 1);
  EXPECT_EQ(flows.at("trading_money_payable").at("date").get<std::string>(), "2016-10-24");
  EXPECT_EQ(flows.at("trading_money_payable").at("hk_date").get<std::string>(), "2016-10-24");
  EXPECT_EQ(flows.at("trading_money_payable").at("day_offset").get<int64_t>(), 2);
  EXPECT_EQ(flows.at("trading_money_payable").at("cutoff_hkt").get<std::string>(), "10:30");
}

TEST_F(CalendarCliTest, ADayThatIsNotASouthboundTradingDayIsARuleViolation) {
  // CAL-4: 2016-09-13's T+2 settlement day 2016-09-15 is the mainland Mid-Autumn holiday.
  const CalendarOutcome holiday = run("settlement-date --channel sh --trade-date 2016-09-13");
  EXPECT_EQ(holiday.exit_code, 1);
  EXPECT_THAT(holiday.err, HasSubstr("2016-09-13 is not a Southbound trading day"));
  EXPECT_THAT(holiday.err, HasSubstr("mainland holiday"));
  EXPECT_TRUE(holiday.out.empty());

  // 2016-09-10 is a Saturday.
  const CalendarOutcome saturday = run("settlement-date --channel sh --trade-date 2016-09-10");
  EXPECT_EQ(saturday.exit_code, 1);
  EXPECT_THAT(saturday.err, HasSubstr("not a Southbound trading day"));
  EXPECT_THAT(saturday.err, HasSubstr("Saturday"));
}

TEST_F(CalendarCliTest, SettlementBeyondTheCalendarDataIsNotFound) {
  // 2026-12-31 (Thursday) is New Year's Eve, an SEHK half day: it trades (common trading days
  // rule, CAL-8) but is not a settlement day, and T+1/T+2 fall in 2027, after the data ends on
  // 2026-12-31.
  const CalendarOutcome beyond = run("settlement-date --channel sz --trade-date 2026-12-31");
  EXPECT_EQ(beyond.exit_code, 1);
  EXPECT_THAT(beyond.err, HasSubstr("beyond the calendar data"));
  EXPECT_THAT(beyond.err, HasSubstr("2026-12-31"));
}

// ---------------------------------------------------------------------------------------------
// calendar add-closure / add-weather
// ---------------------------------------------------------------------------------------------

TEST_F(CalendarCliTest, AnAddedClosureChangesTheCalendarAndSettlement) {
  // Before: 2024-03-14 (Thursday) trades; T+1 is Friday 03-15, T+2 Monday 03-18. No closure or
  // weather event in the shipped data between 03-14 and 03-19.
  const Json before = settlement("sh", "2024-03-14");
  ASSERT_FALSE(before.empty());
  EXPECT_EQ(before.at("securities_settlement_date").get<std::string>(), "2024-03-18");

  const CalendarOutcome added =
      run("calendar add-closure --market sehk --date 2024-03-15 --reason 'test closure' "
          "--source 'test notice'");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_THAT(added.out, HasSubstr("added holiday 2024-03-15 for sehk"));

  // The day is now an SEHK holiday: neither SEHK nor Southbound trades; SSE still does.
  const auto day = days("sh", "2024-03-15", "2024-03-15");
  ASSERT_EQ(day.size(), 1u);
  const Json& friday = day.at("2024-03-15");
  EXPECT_FALSE(flag(friday, "hk_trading"));
  EXPECT_FALSE(flag(friday, "southbound_trading"));
  EXPECT_FALSE(flag(friday, "hk_settlement_day"));
  EXPECT_TRUE(flag(friday, "mainland_trading"));
  EXPECT_THAT(reason(friday), HasSubstr("test closure"));

  // After: 2024-03-14 still trades (from 2023-04-24 every common trading day does, CAL-8); T+1
  // skips 03-15 and the weekend: 03-18; T+2 is 03-19.
  const Json after = settlement("sh", "2024-03-14");
  ASSERT_FALSE(after.empty());
  EXPECT_EQ(after.at("securities_settlement_date").get<std::string>(), "2024-03-19");
  EXPECT_EQ(after.at("entitlement").at("buyer_entitled_from").get<std::string>(), "2024-03-19");

  // The same closure a second time is already listed (in the database).
  const CalendarOutcome again =
      run("calendar add-closure --market sehk --date 2024-03-15 --reason 'test closure' "
          "--source 'test notice'");
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_THAT(again.err, HasSubstr("already listed"));
}

TEST_F(CalendarCliTest, AddClosureRefusesAWeekendAndAMainlandHalfDay) {
  // 2024-03-16 is a Saturday: weekends are computed, never listed.
  const CalendarOutcome weekend =
      run("calendar add-closure --market sehk --date 2024-03-16 --reason x --source y");
  EXPECT_EQ(weekend.exit_code, 2);
  EXPECT_THAT(weekend.err, HasSubstr("weekend"));

  // Only SEHK has half days.
  const CalendarOutcome half_day = run(
      "calendar add-closure --market sse --date 2024-03-15 --kind half_day --reason x --source y");
  EXPECT_EQ(half_day.exit_code, 2);
  EXPECT_THAT(half_day.err, HasSubstr("only SEHK has half days"));

  // Outside the covered range (the data ends 2026-12-31; 2027-01-04 is a Monday).
  const CalendarOutcome outside =
      run("calendar add-closure --market sse --date 2027-01-04 --reason x --source y");
  EXPECT_EQ(outside.exit_code, 2);
  EXPECT_THAT(outside.err, HasSubstr("outside the covered range"));

  // Nothing refused was stored: 2024-03-15 is still an ordinary day.
  const auto day = days("sh", "2024-03-15", "2024-03-15");
  ASSERT_EQ(day.size(), 1u);
  EXPECT_TRUE(flag(day.at("2024-03-15"), "hk_trading"));
  EXPECT_TRUE(flag(day.at("2024-03-15"), "mainland_trading"));
  EXPECT_TRUE(flag(day.at("2024-03-15"), "southbound_trading"));
  EXPECT_TRUE(day.at("2024-03-15").at("reason").is_null());
}

TEST_F(CalendarCliTest, AnAddedWeatherEventBeforeSevereWeatherTradingCancelsTheDay) {
  // 2024-03-14 is before Severe Weather Trading (calendar.severe_weather_trading is true only
  // from 2024-09-23). A T8 from 07:00 to 13:00 is in force at 09:00 and at 12:00: the whole
  // day's trading is cancelled and HKSCC does not settle (CAL-6a).
  const CalendarOutcome added =
      run("calendar add-weather --signal t8 --issued-at '2024-03-14 07:00' "
          "--lifted-at '2024-03-14 13:00' --source x");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_THAT(added.out, HasSubstr("added t8 from 2024-03-14 07:00 to 2024-03-14 13:00"));

  const auto day = days("sh", "2024-03-14", "2024-03-14");
  ASSERT_EQ(day.size(), 1u);
  const Json& thursday = day.at("2024-03-14");
  EXPECT_FALSE(flag(thursday, "hk_trading"));
  EXPECT_FALSE(flag(thursday, "southbound_trading"));
  EXPECT_FALSE(flag(thursday, "hk_settlement_day"));
  EXPECT_TRUE(flag(thursday, "mainland_trading"));
  ASSERT_FALSE(thursday.at("weather").is_null());
  EXPECT_THAT(thursday.at("weather").get<std::string>(),
              HasSubstr("t8 2024-03-14 07:00 to 2024-03-14 13:00"));
  EXPECT_THAT(reason(thursday), HasSubstr("whole day trading cancelled"));

  // A trade date of that day is now refused.
  const CalendarOutcome refused = run("settlement-date --channel sh --trade-date 2024-03-14");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("not a Southbound trading day"));
}

TEST_F(CalendarCliTest, AddWeatherRefusesALiftBeforeTheIssue) {
  const CalendarOutcome refused =
      run("calendar add-weather --signal t8 --issued-at '2024-03-14 13:00' "
          "--lifted-at '2024-03-14 07:00' --source x");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err,
              HasSubstr("lifted_at 2024-03-14 07:00 is not after issued_at 2024-03-14 13:00"));

  // Nothing was stored: the day still trades.
  const auto day = days("sh", "2024-03-14", "2024-03-14");
  ASSERT_EQ(day.size(), 1u);
  EXPECT_TRUE(flag(day.at("2024-03-14"), "hk_trading"));
  EXPECT_TRUE(day.at("2024-03-14").at("weather").is_null());
}

}  // namespace
}  // namespace cp
