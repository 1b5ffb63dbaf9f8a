// Tests of the Volatility Control Mechanism (trading/vcm.h; SPEC TRD-4; research/domain-facts.md
// §4.3) with the 2016 rules of data/parameters.csv: band ±10%, reference = the last trade at or
// before t − 5 min, 5-minute cooling-off, no monitoring in the first 15 minutes of each session
// (so from 09:45 and 13:15) nor in the last 15 minutes of the day (from 15:45; from 11:45 on a
// half day), at most one trigger per session. "More than ±10%" triggers: exactly 10% does not.
#include "trading/vcm.h"

#include <gtest/gtest.h>

#include <optional>
#include <string_view>

#include "core/decimal.h"
#include "trading/session.h"

namespace cp::trading {
namespace {

Decimal Dec(std::string_view text) {
  return Decimal::parse(text).value();
}

// Compares by value (90 == 90.0000); a failure shows the exact Decimal.
::testing::AssertionResult HasValue(const Decimal& actual, std::string_view expected) {
  if (actual == Dec(expected)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << actual.to_string() << ", expected " << expected;
}

::testing::AssertionResult HasValue(const std::optional<Decimal>& actual,
                                    std::string_view expected) {
  if (!actual) return ::testing::AssertionFailure() << "no price, expected " << expected;
  return HasValue(*actual, expected);
}

constexpr DayShape kNormalDay{.half_day = false, .closing_auction = true};
constexpr DayShape kHalfDay{.half_day = true, .closing_auction = true};

// The 2016 rules in seconds: band 10%, lookback 5 min, cooling-off 5 min, exclusions 15 min.
VcmRules Rules2016() {
  VcmRules rules;
  rules.covered = true;
  rules.band = Dec("0.10");
  rules.lookback_s = 300;
  rules.cooling_off_s = 300;
  rules.start_exclusion_s = 900;
  rules.end_exclusion_s = 900;
  return rules;
}

// A monitor whose only trade is 100.00 at 10:00:00, so that the reference at 10:05:00 is 100.00
// and the band is 90.00 to 110.00.
VcmMonitor MonitorWithReference100() {
  VcmMonitor monitor(Rules2016(), kNormalDay);
  monitor.record_trade(hms(10, 0), Dec("100.00"));
  return monitor;
}

TEST(VcmTest, ExactlyTenPercentUpDoesNotTriggerOneCentMoreDoes) {
  // 100.00 × 1.10 = 110.00: at the edge, not "more than 10%".
  VcmMonitor at_edge = MonitorWithReference100();
  EXPECT_FALSE(at_edge.on_trade(hms(10, 5), Dec("110.00")).has_value());
  EXPECT_EQ(at_edge.cooling_off_at(hms(10, 5)), nullptr);

  VcmMonitor above = MonitorWithReference100();
  const std::optional<VcmTrigger> trigger = above.on_trade(hms(10, 5), Dec("110.01"));
  ASSERT_TRUE(trigger.has_value());
  EXPECT_EQ(trigger->at_s, hms(10, 5));
  EXPECT_EQ(trigger->until_s, hms(10, 10));  // 10:05:00 + 300 s
  EXPECT_TRUE(HasValue(trigger->reference, "100.00"));
  EXPECT_TRUE(HasValue(trigger->lower, "90.00"));   // 100.00 × 0.90
  EXPECT_TRUE(HasValue(trigger->upper, "110.00"));  // 100.00 × 1.10
  EXPECT_TRUE(HasValue(trigger->trigger_price, "110.01"));
}

TEST(VcmTest, ExactlyTenPercentDownDoesNotTriggerOneCentLessDoes) {
  // 100.00 × 0.90 = 90.00.
  VcmMonitor at_edge = MonitorWithReference100();
  EXPECT_FALSE(at_edge.on_trade(hms(10, 5), Dec("90.00")).has_value());

  VcmMonitor below = MonitorWithReference100();
  const std::optional<VcmTrigger> trigger = below.on_trade(hms(10, 5), Dec("89.99"));
  ASSERT_TRUE(trigger.has_value());
  EXPECT_TRUE(HasValue(trigger->lower, "90.00"));
  EXPECT_TRUE(HasValue(trigger->trigger_price, "89.99"));
}

TEST(VcmTest, TheBandIsExactOnAnUnevenReference) {
  // 123.45 × 1.10 = 135.795 and 123.45 × 0.90 = 111.105: no rounding of the band.
  const auto fresh = [] {
    VcmMonitor monitor(Rules2016(), kNormalDay);
    monitor.record_trade(hms(10, 0), Dec("123.45"));
    return monitor;
  };
  EXPECT_FALSE(fresh().on_trade(hms(10, 5), Dec("135.79")).has_value());
  EXPECT_TRUE(fresh().on_trade(hms(10, 5), Dec("135.80")).has_value());
  EXPECT_FALSE(fresh().on_trade(hms(10, 5), Dec("111.11")).has_value());
  const std::optional<VcmTrigger> low = fresh().on_trade(hms(10, 5), Dec("111.10"));
  ASSERT_TRUE(low.has_value());
  EXPECT_TRUE(HasValue(low->lower, "111.105"));
  EXPECT_TRUE(HasValue(low->upper, "135.795"));
}

TEST(VcmTest, ReferenceIsTheLastTradeAtOrBeforeFiveMinutesEarlier) {
  // Trades 100.00 at 10:00:00 and 105.00 at 10:00:01.
  const auto fresh = [] {
    VcmMonitor monitor(Rules2016(), kNormalDay);
    monitor.record_trade(hms(10, 0, 0), Dec("100.00"));
    monitor.record_trade(hms(10, 0, 1), Dec("105.00"));
    return monitor;
  };
  // At 10:05:00 the reference is the trade at 10:00:00 (exactly 5 minutes back): band up to
  // 110.00, so 115.00 triggers.
  VcmMonitor at_five = fresh();
  const std::optional<VcmTrigger> trigger = at_five.on_trade(hms(10, 5, 0), Dec("115.00"));
  ASSERT_TRUE(trigger.has_value());
  EXPECT_TRUE(HasValue(trigger->reference, "100.00"));
  // At 10:05:01 the reference is 105.00 (band up to 115.50): 115.00 does not trigger.
  VcmMonitor a_second_later = fresh();
  EXPECT_FALSE(a_second_later.on_trade(hms(10, 5, 1), Dec("115.00")).has_value());

  // A trade less than 5 minutes old is not the reference: 120.00 at 10:04 does not make 115.00
  // at 10:05 normal; the reference is still 100.00 at 10:00.
  VcmMonitor recent = MonitorWithReference100();
  recent.record_trade(hms(10, 4), Dec("120.00"));
  const std::optional<VcmTrigger> against_old = recent.on_trade(hms(10, 5), Dec("115.00"));
  ASSERT_TRUE(against_old.has_value());
  EXPECT_TRUE(HasValue(against_old->reference, "100.00"));
}

TEST(VcmTest, LastPriceAt) {
  VcmMonitor monitor = MonitorWithReference100();
  monitor.record_trade(hms(10, 0, 1), Dec("105.00"));
  EXPECT_FALSE(monitor.last_price_at(hms(9, 59, 59)).has_value());
  EXPECT_TRUE(HasValue(monitor.last_price_at(hms(10, 0, 0)), "100.00"));
  EXPECT_TRUE(HasValue(monitor.last_price_at(hms(10, 0, 1)), "105.00"));
  EXPECT_TRUE(HasValue(monitor.last_price_at(hms(15, 0)), "105.00"));
}

TEST(VcmTest, NoReferenceNoTrigger) {
  // The first trade of the day has nothing 5 minutes before it.
  VcmMonitor empty(Rules2016(), kNormalDay);
  EXPECT_FALSE(empty.on_trade(hms(10, 0), Dec("100.00")).has_value());
  // A trade at 09:58 is too recent for 10:00 (needs one at or before 09:55): 200.00 passes.
  VcmMonitor too_recent(Rules2016(), kNormalDay);
  too_recent.record_trade(hms(9, 58), Dec("100.00"));
  EXPECT_FALSE(too_recent.on_trade(hms(10, 0), Dec("200.00")).has_value());
  EXPECT_EQ(too_recent.cooling_off_at(hms(10, 0)), nullptr);
}

TEST(VcmTest, MonitoringStartsAt0945) {
  EXPECT_FALSE(VcmMonitor(Rules2016(), kNormalDay).monitored_at(hms(9, 30)));
  EXPECT_FALSE(VcmMonitor(Rules2016(), kNormalDay).monitored_at(hms(9, 44, 59)));
  EXPECT_TRUE(VcmMonitor(Rules2016(), kNormalDay).monitored_at(hms(9, 45)));

  // 100.00 at 09:30. At 09:44:59 a 20% move is not monitored (and becomes a trade); at 09:45:00
  // the reference is the last trade at or before 09:40:00, still 100.00, so 120.00 triggers.
  VcmMonitor monitor(Rules2016(), kNormalDay);
  monitor.record_trade(hms(9, 30), Dec("100.00"));
  EXPECT_FALSE(monitor.on_trade(hms(9, 44, 59), Dec("120.00")).has_value());
  EXPECT_TRUE(HasValue(monitor.last_price_at(hms(9, 44, 59)), "120.00"));
  const std::optional<VcmTrigger> trigger = monitor.on_trade(hms(9, 45), Dec("120.00"));
  ASSERT_TRUE(trigger.has_value());
  EXPECT_TRUE(HasValue(trigger->reference, "100.00"));
}

TEST(VcmTest, MonitoredWindowsOfANormalDay) {
  const VcmMonitor monitor(Rules2016(), kNormalDay);
  EXPECT_FALSE(monitor.monitored_at(hms(9, 0)));
  EXPECT_TRUE(monitor.monitored_at(hms(11, 45)));  // no end exclusion in a normal morning
  EXPECT_TRUE(monitor.monitored_at(hms(11, 59, 59)));
  EXPECT_FALSE(monitor.monitored_at(hms(12, 0)));
  EXPECT_FALSE(monitor.monitored_at(hms(12, 30)));
  EXPECT_FALSE(monitor.monitored_at(hms(13, 0)));
  EXPECT_FALSE(monitor.monitored_at(hms(13, 14, 59)));  // 13:00 + 15 min
  EXPECT_TRUE(monitor.monitored_at(hms(13, 15)));
  EXPECT_TRUE(monitor.monitored_at(hms(15, 44, 59)));  // 16:00 − 15 min
  EXPECT_FALSE(monitor.monitored_at(hms(15, 45)));
  EXPECT_FALSE(monitor.monitored_at(hms(16, 1)));  // never in the closing auction

  // The 2020 rules stop 20 minutes before the close.
  VcmRules rules2020 = Rules2016();
  rules2020.end_exclusion_s = 1200;
  const VcmMonitor later(rules2020, kNormalDay);
  EXPECT_TRUE(later.monitored_at(hms(15, 39, 59)));
  EXPECT_FALSE(later.monitored_at(hms(15, 40)));
}

TEST(VcmTest, MonitoringEndsAt1545) {
  const auto fresh = [] {
    VcmMonitor monitor(Rules2016(), kNormalDay);
    monitor.record_trade(hms(15, 35), Dec("100.00"));
    return monitor;
  };
  VcmMonitor last_second = fresh();
  EXPECT_TRUE(last_second.on_trade(hms(15, 44, 59), Dec("120.00")).has_value());
  VcmMonitor excluded = fresh();
  EXPECT_FALSE(excluded.on_trade(hms(15, 45), Dec("120.00")).has_value());
}

TEST(VcmTest, HalfDayMonitoringEndsAt1145) {
  const VcmMonitor windows(Rules2016(), kHalfDay);
  EXPECT_TRUE(windows.monitored_at(hms(9, 45)));
  EXPECT_TRUE(windows.monitored_at(hms(11, 44, 59)));  // 12:00 − 15 min
  EXPECT_FALSE(windows.monitored_at(hms(11, 45)));
  EXPECT_FALSE(windows.monitored_at(hms(13, 15)));  // no afternoon session
  EXPECT_FALSE(windows.monitored_at(hms(14, 0)));

  const auto fresh = [] {
    VcmMonitor monitor(Rules2016(), kHalfDay);
    monitor.record_trade(hms(11, 35), Dec("100.00"));
    return monitor;
  };
  VcmMonitor last_second = fresh();
  EXPECT_TRUE(last_second.on_trade(hms(11, 44, 59), Dec("120.00")).has_value());
  VcmMonitor excluded = fresh();
  EXPECT_FALSE(excluded.on_trade(hms(11, 45), Dec("120.00")).has_value());
}

TEST(VcmTest, AtMostOneTriggerPerSession) {
  VcmMonitor monitor = MonitorWithReference100();
  ASSERT_TRUE(monitor.on_trade(hms(10, 5), Dec("111.00")).has_value());
  // 10:20: past the cooling-off (ends 10:10); the reference at 10:15 is still 100.00 (111.00
  // did not trade), so 130.00 breaches the band, but the morning has had its trigger.
  EXPECT_FALSE(monitor.on_trade(hms(10, 20), Dec("130.00")).has_value());
  EXPECT_EQ(monitor.cooling_off_at(hms(10, 20)), nullptr);
  EXPECT_TRUE(HasValue(monitor.last_price_at(hms(10, 20)), "130.00"));  // it traded

  // The afternoon is a new session: 100.00 at 13:10 is the reference at 13:20 (13:15 back).
  monitor.record_trade(hms(13, 10), Dec("100.00"));
  const std::optional<VcmTrigger> afternoon = monitor.on_trade(hms(13, 20), Dec("111.00"));
  ASSERT_TRUE(afternoon.has_value());
  EXPECT_EQ(afternoon->at_s, hms(13, 20));
  EXPECT_TRUE(HasValue(afternoon->reference, "100.00"));
  // And only once: at 13:40 (reference at 13:35 is 100.00 from 13:10) 130.00 passes.
  EXPECT_FALSE(monitor.on_trade(hms(13, 40), Dec("130.00")).has_value());
}

TEST(VcmTest, CoolingOffLastsFiveMinutesFromTheTrigger) {
  VcmMonitor monitor = MonitorWithReference100();
  ASSERT_TRUE(monitor.on_trade(hms(10, 5), Dec("110.01")).has_value());
  EXPECT_EQ(monitor.cooling_off_at(hms(10, 4, 59)), nullptr);
  const VcmTrigger* cooling = monitor.cooling_off_at(hms(10, 5));
  ASSERT_NE(cooling, nullptr);
  EXPECT_EQ(cooling->until_s, hms(10, 10));
  EXPECT_TRUE(HasValue(cooling->lower, "90.00"));
  EXPECT_TRUE(HasValue(cooling->upper, "110.00"));
  EXPECT_NE(monitor.cooling_off_at(hms(10, 9, 59)), nullptr);
  EXPECT_EQ(monitor.cooling_off_at(hms(10, 10)), nullptr);  // until is exclusive
}

TEST(VcmTest, ATriggeringPriceIsNotATrade) {
  VcmMonitor monitor = MonitorWithReference100();
  ASSERT_TRUE(monitor.on_trade(hms(10, 5), Dec("110.01")).has_value());
  EXPECT_TRUE(HasValue(monitor.last_price_at(hms(10, 5)), "100.00"));
  EXPECT_TRUE(HasValue(monitor.last_price_at(hms(10, 6)), "100.00"));
  // A trade inside the band during the cooling-off is recorded.
  EXPECT_FALSE(monitor.on_trade(hms(10, 6), Dec("109.00")).has_value());
  EXPECT_TRUE(HasValue(monitor.last_price_at(hms(10, 6)), "109.00"));
}

TEST(VcmTest, RecordedTradesNeverTrigger) {
  // Our own executions are facts, not candidates: a 100% jump is simply recorded.
  VcmMonitor monitor = MonitorWithReference100();
  monitor.record_trade(hms(10, 5), Dec("200.00"));
  EXPECT_EQ(monitor.cooling_off_at(hms(10, 5)), nullptr);
  EXPECT_TRUE(HasValue(monitor.last_price_at(hms(10, 5)), "200.00"));
}

TEST(VcmTest, ASecurityOutsideTheScopeNeverTriggers) {
  VcmRules rules = Rules2016();
  rules.covered = false;
  VcmMonitor monitor(rules, kNormalDay);
  monitor.record_trade(hms(10, 0), Dec("100.00"));
  EXPECT_FALSE(monitor.monitored_at(hms(10, 5)));
  EXPECT_FALSE(monitor.on_trade(hms(10, 5), Dec("200.00")).has_value());
  EXPECT_EQ(monitor.cooling_off_at(hms(10, 5)), nullptr);
  EXPECT_TRUE(HasValue(monitor.last_price_at(hms(10, 5)), "200.00"));
}

}  // namespace
}  // namespace cp::trading
