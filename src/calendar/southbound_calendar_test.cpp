// The derivation on a small invented calendar, where each rule can be isolated: the era switch,
// the channel launch, coverage limits, and the CAL-6b money roll the shipped data never shows.
#include "calendar/southbound_calendar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "calendar/settlement.h"

namespace cp::calendar {
namespace {

using ::testing::HasSubstr;

Date d(const char* text) {
  return *Date::parse(text);
}

// June 2019 (invented closures): 2019-06-03 is a Monday.
refdata::MarketCalendarData june() {
  refdata::MarketCalendarData data;
  for (auto market : {refdata::Market::kSehk, refdata::Market::kSse, refdata::Market::kSzse}) {
    data.coverage.push_back({market, d("2019-06-03"), d("2019-06-28"), "test"});
  }
  return data;
}

refdata::ParameterTable parameters(const char* rule = "settlement_days_on_both_sides",
                                   const char* sz_open = "2019-06-10") {
  std::string csv = "key,value,unit,effective_from,effective_to,source,note\n";
  csv += std::string("calendar.southbound_rule,") + rule + ",text,2019-01-01,,test,\n";
  csv += "calendar.severe_weather_trading,false,bool,2019-01-01,,test,\n";
  csv += "calendar.channel_open.sh,2019-01-01,date,2019-01-01,,test,\n";
  csv += std::string("calendar.channel_open.sz,") + sz_open + ",date," + sz_open + ",,test,\n";
  csv += "calendar.half_day_risk_funds_settle.sh,false,bool,2019-01-01,,test,\n";
  csv += "calendar.half_day_risk_funds_settle.sz,true,bool,2019-01-01,,test,\n";
  for (const char* flow : {"trading_money_payable", "trading_money_receivable", "risk_funds",
                           "corporate_action_funds", "other_funds", "portfolio_fee"}) {
    const bool t1 = std::string(flow) != "trading_money_payable" &&
                    std::string(flow) != "trading_money_receivable";
    const bool evening =
        std::string(flow) == "trading_money_receivable" || std::string(flow) == "portfolio_fee";
    csv += std::string("stl.") + flow + ".day_offset," + (t1 ? "1" : "2") +
           ",days,2019-01-01,,test,\n";
    csv += std::string("stl.") + flow + ".cutoff," + (evening ? "18:00" : "10:30") +
           ",time_hkt,2019-01-01,,test,\n";
  }
  auto table = refdata::ParameterTable::parse("test.csv", csv);
  EXPECT_TRUE(table.ok()) << table.error().to_string();
  return *table;
}

std::string flow_date(const SettlementSchedule& schedule, const std::string& name) {
  for (const auto& flow : schedule.money_flows) {
    if (flow.flow == name) return flow.date.to_string();
  }
  return "missing";
}

void close(refdata::MarketCalendarData& data, refdata::Market market, const char* date,
           refdata::ClosureKind kind = refdata::ClosureKind::kHoliday) {
  ASSERT_TRUE(data.add_closure({d(date), market, kind, "test closure", "test", "test"}).ok());
}

TEST(SouthboundCalendar, OldRuleNeedsBothSettlementDaysOnTheMainland) {
  auto data = june();
  close(data, refdata::Market::kSse, "2019-06-07");  // mainland Friday holiday
  auto calendar = SouthboundCalendar::build(data, parameters(), Channel::kShanghai);
  ASSERT_TRUE(calendar.ok()) << calendar.error().to_string();
  // Wed 06-05: T+1 Thu 06-06, T+2 Fri 06-07 (mainland closed) → no.
  EXPECT_FALSE((*calendar->day(d("2019-06-05")))->southbound_trading);
  EXPECT_THAT((*calendar->day(d("2019-06-05")))->reason_text(), HasSubstr("T+2 settlement day"));
  // Thu 06-06: T+1 is 06-07 → no. Tue 06-04: T+1 06-05, T+2 06-06 → yes.
  EXPECT_FALSE((*calendar->day(d("2019-06-06")))->southbound_trading);
  EXPECT_TRUE((*calendar->day(d("2019-06-04")))->southbound_trading);
  // 06-07 itself: HK settles, the mainland does not.
  EXPECT_TRUE((*calendar->day(d("2019-06-07")))->hk_settlement_day);
  EXPECT_FALSE((*calendar->day(d("2019-06-07")))->southbound_settlement_day);
}

TEST(SouthboundCalendar, NewRuleTradesEveryCommonTradingDay) {
  auto data = june();
  close(data, refdata::Market::kSse, "2019-06-07");
  auto calendar =
      SouthboundCalendar::build(data, parameters("common_trading_days"), Channel::kShanghai);
  ASSERT_TRUE(calendar.ok());
  EXPECT_TRUE((*calendar->day(d("2019-06-05")))->southbound_trading);
  EXPECT_TRUE((*calendar->day(d("2019-06-06")))->southbound_trading);
  EXPECT_FALSE((*calendar->day(d("2019-06-07")))->southbound_trading);
}

TEST(SouthboundCalendar, AnUnknownRuleIsRefused) {
  auto calendar = SouthboundCalendar::build(june(), parameters("whatever"), Channel::kShanghai);
  ASSERT_FALSE(calendar.ok());
  EXPECT_THAT(calendar.error().message, HasSubstr("whatever"));
}

TEST(SouthboundCalendar, TheChannelTradesFromItsLaunchOnly) {
  auto calendar = SouthboundCalendar::build(june(), parameters(), Channel::kShenzhen);
  ASSERT_TRUE(calendar.ok());
  EXPECT_FALSE((*calendar->day(d("2019-06-07")))->southbound_trading);
  EXPECT_THAT((*calendar->day(d("2019-06-07")))->reason_text(), HasSubstr("Shenzhen"));
  EXPECT_TRUE((*calendar->day(d("2019-06-10")))->southbound_trading);
}

TEST(SouthboundCalendar, DaysOutsideTheDataAreErrorsNotGuesses) {
  auto calendar = SouthboundCalendar::build(june(), parameters(), Channel::kShanghai);
  ASSERT_TRUE(calendar.ok());
  auto before = calendar->day(d("2019-06-02"));
  ASSERT_FALSE(before.ok());
  EXPECT_THAT(before.error().message, HasSubstr("covers 2019-06-03 to 2019-06-28"));
  // Fri 06-27 needs T+1 06-28 and T+2 07-01, beyond the data: undecided, an error.
  auto undecided = calendar->day(d("2019-06-27"));
  ASSERT_FALSE(undecided.ok());
  EXPECT_THAT(undecided.error().message, HasSubstr("after the calendar data ends"));
}

TEST(Settlement, TyphoonAfterNineRollsMoneyButNotSecurities) {
  // Wed 06-12: T8 issued 10:00, up at noon (seed 004 §2.5 case 2). Trades of Mon 06-10 settle
  // securities on 06-12 (the day counts), their 10:30 and 18:00 money rolls to Thu 06-13.
  auto data = june();
  ASSERT_TRUE(
      data.add_weather({refdata::WeatherSignal::kT8, *refdata::parse_hkt_minute("2019-06-12 10:00"),
                        *refdata::parse_hkt_minute("2019-06-12 15:00"), "", "test", "test"})
          .ok());
  auto calendar = SouthboundCalendar::build(data, parameters(), Channel::kShanghai);
  ASSERT_TRUE(calendar.ok());
  auto monday = settlement_schedule(*calendar, parameters(), d("2019-06-10"));
  ASSERT_TRUE(monday.ok()) << monday.error().to_string();
  EXPECT_EQ(monday->securities_settlement_date.to_string(), "2019-06-12");
  for (const auto& flow : monday->money_flows) {
    if (flow.day_offset == 2) {
      EXPECT_EQ(flow.date.to_string(), "2019-06-13") << flow.flow;
      EXPECT_THAT(flow.note, HasSubstr("weather")) << flow.flow;
    }
  }
  // Trades of Tue 06-11: T+1 is the typhoon day itself: its 10:30 risk funds roll to 06-13; the
  // day still counts, so T+2 is 06-13 ("T-1日交易的交收仍在T+1日进行").
  auto tuesday = settlement_schedule(*calendar, parameters(), d("2019-06-11"));
  ASSERT_TRUE(tuesday.ok());
  EXPECT_EQ(tuesday->securities_settlement_date.to_string(), "2019-06-13");
  EXPECT_EQ(flow_date(*tuesday, "risk_funds"), "2019-06-13");
}

TEST(Settlement, ASignalAfterTenThirtyLetsTheTenThirtyFlowsSettle) {
  auto data = june();
  ASSERT_TRUE(
      data.add_weather({refdata::WeatherSignal::kT8, *refdata::parse_hkt_minute("2019-06-12 11:00"),
                        *refdata::parse_hkt_minute("2019-06-12 15:00"), "", "test", "test"})
          .ok());
  auto calendar = SouthboundCalendar::build(data, parameters(), Channel::kShanghai);
  ASSERT_TRUE(calendar.ok());
  auto monday = settlement_schedule(*calendar, parameters(), d("2019-06-10"));
  ASSERT_TRUE(monday.ok());
  EXPECT_EQ(flow_date(*monday, "trading_money_payable"), "2019-06-12");
  EXPECT_EQ(flow_date(*monday, "trading_money_receivable"), "2019-06-13");
}

}  // namespace
}  // namespace cp::calendar
