// Data-driven calendar cases: tests/golden/calendar/*.csv, each row worked out by hand from the
// SPEC rules and their sources (the file's `why` column), run against the shipped data.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>

#include "calendar/settlement.h"
#include "calendar/shipped_calendars_testing.h"
#include "calendar/southbound_calendar.h"
#include "core/csv.h"
#include "refdata/refdata.h"

namespace cp::calendar {
namespace {

namespace fs = std::filesystem;

class CalendarGolden : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    test_support::ShippedCalendars shipped;
    shipped.load();
    parameters_ = std::move(shipped.parameters);
    calendars_ = std::move(shipped.calendars);
  }

  // Reads a golden file; calls `check` for each row with a lookup by column name.
  template <typename Check>
  void for_each_case(const std::string& file, Check check) {
    const fs::path path = fs::path(CONNECTPOST_SOURCE_DIR) / "tests/golden/calendar" / file;
    auto reader = CsvReader::open(path.string(), file);
    ASSERT_TRUE(reader.ok()) << reader.error().to_string();
    CsvRecord record;
    int cases = 0;
    while (true) {
      auto more = reader->next(record);
      ASSERT_TRUE(more.ok()) << more.error().to_string();
      if (!*more) break;
      auto field = [&](const char* name) { return std::string(record[*reader->column(name)]); };
      ASSERT_FALSE(field("why").empty()) << file << ":" << record.line() << " has no why";
      SCOPED_TRACE(file + ":" + std::to_string(record.line()) + " [" + field("rules") + "] " +
                   field("why"));
      check(field);
      ++cases;
    }
    EXPECT_GT(cases, 0);
  }

  static void TearDownTestSuite() {
    parameters_.reset();
    calendars_.clear();
  }

  static inline std::unique_ptr<refdata::ParameterTable> parameters_;
  static inline std::map<Channel, std::unique_ptr<SouthboundCalendar>> calendars_;
};

TEST_F(CalendarGolden, Days) {
  for_each_case("days.csv", [&](auto field) {
    const SouthboundCalendar& calendar = *calendars_.at(*parse_channel(field("channel")));
    auto day = calendar.day(*Date::parse(field("date")));
    ASSERT_TRUE(day.ok()) << day.error().to_string();
    const DayInfo& d = **day;
    auto yes = [&](const char* name) { return field(name) == "y"; };
    EXPECT_EQ(d.hk_trading, yes("hk_trading")) << "hk_trading; reasons: " << d.reason_text();
    EXPECT_EQ(d.mainland_trading, yes("mainland_trading")) << "mainland_trading";
    EXPECT_EQ(d.southbound_trading, yes("southbound_trading"))
        << "southbound_trading; reasons: " << d.reason_text();
    EXPECT_EQ(d.half_day, yes("half_day")) << "half_day";
    EXPECT_EQ(d.hk_settlement_day, yes("hk_settlement_day")) << "hk_settlement_day";
    EXPECT_EQ(d.southbound_settlement_day, yes("southbound_settlement_day"))
        << "southbound_settlement_day";
    // Every day that is not a Southbound trading day says why.
    if (!d.southbound_trading) {
      EXPECT_FALSE(d.reason_text().empty());
    }
  });
}

TEST_F(CalendarGolden, Settlement) {
  for_each_case("settlement.csv", [&](auto field) {
    const SouthboundCalendar& calendar = *calendars_.at(*parse_channel(field("channel")));
    auto schedule = settlement_schedule(calendar, *parameters_, *Date::parse(field("trade_date")));
    ASSERT_TRUE(schedule.ok()) << schedule.error().to_string();
    EXPECT_EQ(schedule->securities_settlement_date.to_string(),
              field("securities_settlement_date"));
    std::map<std::string, const MoneyFlow*> flows;
    for (const auto& flow : schedule->money_flows) flows[flow.flow] = &flow;
    for (const char* name :
         {"trading_money_payable", "trading_money_receivable", "risk_funds", "portfolio_fee"}) {
      EXPECT_EQ(flows.at(name)->date.to_string(), field(name))
          << name << ": " << flows.at(name)->note;
    }
  });
}

}  // namespace
}  // namespace cp::calendar
