// Tests of tick sizes and price validity (trading/tick.h; SPEC TRD-6) on the shipped
// data/spread_table.csv. The expected ticks are read off research/domain-facts.md §2.1:
//   to 2025-08-03 (2006 Part A)          from 2025-08-04 (Phase 1 of the spread reduction)
//   0.01-0.25 0.001   0.25-0.50 0.005    same
//   0.50-10   0.01    10-20     0.02     0.50-10 0.01   10-20 0.01
//   20-100    0.05    100-200   0.10     20-50   0.02   50-100 0.05   100-200 0.10
//   200-500   0.20    500-1000  0.50     same from 200 up
//   1000-2000 1.00    2000-5000 2.00     5000-9995 5.00
// A band covers (from, to]: a price exactly on an edge takes the lower band's tick; the first
// band also includes 0.01. A price is valid when (price − band_from) is a whole number of ticks.
#include "trading/tick.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "core/error.h"
#include "core/result.h"
#include "refdata/spread_table.h"

namespace cp::trading {
namespace {

using ::testing::HasSubstr;

Date Day(std::string_view iso) {
  return Date::parse(iso).value();
}

Decimal Dec(std::string_view text) {
  return Decimal::parse(text).value();
}

constexpr std::string_view kOldTable = "2024-03-15";    // the 2006 table
constexpr std::string_view kLastOldDay = "2025-08-03";  // its last day
constexpr std::string_view kNewTable = "2025-08-04";    // Phase 1, first day

class TickTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto table = refdata::SpreadTable::load(
        std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data" / "spread_table.csv",
        "data/spread_table.csv");
    ASSERT_TRUE(table.ok()) << table.error().to_string();
    table_ = std::move(table).value();
  }

  // check_tick that must not be an error.
  TickResult Check(std::string_view date, std::string_view price) {
    Result<TickResult> result = check_tick(table_, Day(date), Dec(price));
    EXPECT_TRUE(result.ok()) << price << " on " << date << ": " << result.error().to_string();
    return result.ok() ? std::move(result).value() : TickResult{};
  }

  refdata::SpreadTable table_;
};

// ---------------------------------------------------------------------------------------------
// check_tick on worked prices.
// ---------------------------------------------------------------------------------------------

TEST_F(TickTest, BandEdgeTakesTheLowerBandsTick) {
  // 10.00 is the top of 0.50-10.00 ("From 0.50 to 10.00"), so its tick is 0.01, not 0.02.
  const TickResult ten = Check(kOldTable, "10.00");
  EXPECT_TRUE(ten.valid);
  EXPECT_EQ(ten.tick.to_string(), "0.01");
  EXPECT_EQ(ten.band_from.to_string(), "0.50");
  EXPECT_EQ(ten.band_to.to_string(), "10.00");
  EXPECT_EQ(ten.reason, "");
}

TEST_F(TickTest, TenPointZeroOneIsOffTickUntilThe2025Reduction) {
  // Over 10.00 the old tick is 0.02: 10.01 − 10.00 = 0.01 is half a tick.
  const TickResult before = Check(kOldTable, "10.01");
  EXPECT_FALSE(before.valid);
  EXPECT_EQ(before.tick.to_string(), "0.02");
  EXPECT_EQ(before.band_from.to_string(), "10.00");
  EXPECT_EQ(before.band_to.to_string(), "20.00");
  EXPECT_EQ(before.reason, "10.01 is not on the 0.02 tick of the band 10.00 to 20.00");
  // 10.02 = 10.00 + 1 × 0.02.
  EXPECT_TRUE(Check(kOldTable, "10.02").valid);

  // The last day of the old table still says 0.02.
  EXPECT_FALSE(Check(kLastOldDay, "10.01").valid);

  // From 2025-08-04 the 10-20 band ticks 0.01: 10.01 = 10.00 + 1 × 0.01.
  const TickResult after = Check(kNewTable, "10.01");
  EXPECT_TRUE(after.valid);
  EXPECT_EQ(after.tick.to_string(), "0.01");
  EXPECT_EQ(after.band_from.to_string(), "10.00");
  EXPECT_EQ(after.band_to.to_string(), "20.00");
}

TEST_F(TickTest, TwentyAcrossThe2025Split) {
  // Before: 20.00 tops 10-20 (tick 0.02; 10.00 / 0.02 = 500 ticks). Over 20 the band is 20-100
  // with tick 0.05: 20.02 is 0.4 of a tick, 20.05 is one tick.
  const TickResult twenty = Check(kOldTable, "20.00");
  EXPECT_TRUE(twenty.valid);
  EXPECT_EQ(twenty.tick.to_string(), "0.02");
  const TickResult twenty_02 = Check(kOldTable, "20.02");
  EXPECT_FALSE(twenty_02.valid);
  EXPECT_EQ(twenty_02.tick.to_string(), "0.05");
  EXPECT_EQ(twenty_02.band_to.to_string(), "100.00");
  const TickResult twenty_05 = Check(kOldTable, "20.05");
  EXPECT_TRUE(twenty_05.valid);
  EXPECT_EQ(twenty_05.tick.to_string(), "0.05");

  // After: 20.00 tops 10-20 (now tick 0.01). Over 20 the band is 20-50 with tick 0.02: 20.02 is
  // one tick, 20.05 is 2.5 ticks.
  const TickResult twenty_new = Check(kNewTable, "20.00");
  EXPECT_TRUE(twenty_new.valid);
  EXPECT_EQ(twenty_new.tick.to_string(), "0.01");
  const TickResult twenty_02_new = Check(kNewTable, "20.02");
  EXPECT_TRUE(twenty_02_new.valid);
  EXPECT_EQ(twenty_02_new.tick.to_string(), "0.02");
  EXPECT_EQ(twenty_02_new.band_to.to_string(), "50.00");
  const TickResult twenty_05_new = Check(kNewTable, "20.05");
  EXPECT_FALSE(twenty_05_new.valid);
  EXPECT_EQ(twenty_05_new.tick.to_string(), "0.02");
}

TEST_F(TickTest, FiftyIsANewEdgeFrom2025) {
  // Before, 50 is inside 20-100 (tick 0.05): 50.02 is off (30.02 / 0.05 is not whole).
  EXPECT_FALSE(Check(kOldTable, "50.02").valid);
  EXPECT_TRUE(Check(kOldTable, "50.05").valid);
  // After, 50.00 tops 20-50 (tick 0.02; 30.00 / 0.02 = 1500); over 50 the tick is 0.05 again.
  const TickResult fifty = Check(kNewTable, "50.00");
  EXPECT_TRUE(fifty.valid);
  EXPECT_EQ(fifty.tick.to_string(), "0.02");
  const TickResult fifty_02 = Check(kNewTable, "50.02");
  EXPECT_FALSE(fifty_02.valid);
  EXPECT_EQ(fifty_02.tick.to_string(), "0.05");
  EXPECT_TRUE(Check(kNewTable, "50.05").valid);
}

TEST(ToMilli, APriceTooLargeForThreeDecimalsIsNoPriceRatherThanAThrow) {
  // Found by fuzz/replay_fuzz: 36 digits before the point with 2 after is 38 digits, a Decimal's
  // most; at 3 decimals it would need 39, and the rescaling threw from the events file's reader.
  const Decimal huge = *Decimal::parse("777777777777777777777777777777777300.00");
  EXPECT_FALSE(to_milli(huge).has_value());
  // The largest price it takes: 10^12 thousandths, that is 1,000,000,000.000.
  EXPECT_EQ(to_milli(*Decimal::parse("1000000000")), int64_t{1'000'000'000'000});
  EXPECT_FALSE(to_milli(*Decimal::parse("1000000000.001")).has_value());
  EXPECT_EQ(to_milli(*Decimal::parse("302.005")), int64_t{302'005});
}

TEST_F(TickTest, EndsOfTheTable) {
  // 0.01 is the lowest price: the first band includes its own from.
  const TickResult lowest = Check(kOldTable, "0.01");
  EXPECT_TRUE(lowest.valid);
  EXPECT_EQ(lowest.tick.to_string(), "0.001");
  EXPECT_EQ(lowest.band_from.to_string(), "0.01");
  EXPECT_EQ(lowest.band_to.to_string(), "0.25");

  // 0.005 has 3 decimals (not an input error) but lies below 0.01: outside, no tick.
  const TickResult below = Check(kOldTable, "0.005");
  EXPECT_FALSE(below.valid);
  EXPECT_TRUE(below.tick.is_zero());
  EXPECT_EQ(below.reason, "outside the spread table (0.01 to 9995.00)");

  // 9995.00 tops 5000-9995 (tick 5.00): 4995.00 / 5.00 = 999 ticks.
  const TickResult highest = Check(kOldTable, "9995.00");
  EXPECT_TRUE(highest.valid);
  EXPECT_EQ(highest.tick.to_string(), "5.00");
  // 9992.00: 4992 / 5 is not whole.
  EXPECT_FALSE(Check(kOldTable, "9992.00").valid);

  // Above 9995.00 there is no band, in either table.
  for (std::string_view date : {kOldTable, kNewTable}) {
    for (std::string_view price : {"9995.01", "10000"}) {
      SCOPED_TRACE(std::string(price) + " on " + std::string(date));
      const TickResult above = Check(date, price);
      EXPECT_FALSE(above.valid);
      EXPECT_TRUE(above.tick.is_zero());
      EXPECT_THAT(above.reason, HasSubstr("outside the spread table"));
    }
  }
}

TEST_F(TickTest, QuarterAndHalfDollarEdges) {
  // 0.25 tops 0.01-0.25 (tick 0.001); over it the tick is 0.005 (0.255 = 0.25 + 0.005).
  EXPECT_EQ(Check(kOldTable, "0.25").tick.to_string(), "0.001");
  EXPECT_TRUE(Check(kOldTable, "0.255").valid);
  EXPECT_FALSE(Check(kOldTable, "0.251").valid);
  // 0.50 tops 0.25-0.50 (tick 0.005); 0.505 is half of the next band's 0.01 tick.
  EXPECT_EQ(Check(kOldTable, "0.50").tick.to_string(), "0.005");
  EXPECT_FALSE(Check(kOldTable, "0.505").valid);
  EXPECT_TRUE(Check(kOldTable, "0.51").valid);
}

TEST_F(TickTest, MoreDecimalsThanAnyTickIsAnInputError) {
  // The finest tick is 0.001 (3 decimals); 1.0001 has 4.
  const Result<TickResult> four = check_tick(table_, Day(kOldTable), Dec("1.0001"));
  ASSERT_FALSE(four.ok());
  EXPECT_EQ(four.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(four.error().field, "price");
  EXPECT_THAT(four.error().message, HasSubstr("more decimals than any tick (3)"));

  // Trailing zeros do not count: 1.0010 is 1.001, a price that is merely off the 0.01 tick.
  const TickResult written_long = Check(kOldTable, "1.0010");
  EXPECT_FALSE(written_long.valid);
  EXPECT_EQ(written_long.tick.to_string(), "0.01");
}

TEST_F(TickTest, NonPositivePriceIsAnInputError) {
  for (std::string_view price : {"0", "0.000", "-1.00", "-0.01"}) {
    SCOPED_TRACE(price);
    const Result<TickResult> result = check_tick(table_, Day(kOldTable), Dec(price));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);
    EXPECT_THAT(result.error().message, HasSubstr("is not positive"));
  }
}

TEST_F(TickTest, NoTableBeforeThe2006Version) {
  // The first version starts 2006-07-24.
  const Result<TickResult> result = check_tick(table_, Day("2006-07-23"), Dec("10.00"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(result.error().message, HasSubstr("2006-07-23"));
}

// ---------------------------------------------------------------------------------------------
// TickLadder (integer thousandths) against check_tick.
// ---------------------------------------------------------------------------------------------

TEST_F(TickTest, LadderWorkedPoints) {
  const auto version = table_.version_on(Day(kOldTable));
  ASSERT_TRUE(version.ok());
  const TickLadder ladder = TickLadder::from(**version);
  EXPECT_EQ(ladder.tick_milli(9), 0);          // 0.009: below 0.01
  EXPECT_EQ(ladder.tick_milli(10), 1);         // 0.010: tick 0.001
  EXPECT_EQ(ladder.tick_milli(10'000), 10);    // 10.000: edge, lower band's 0.01
  EXPECT_EQ(ladder.tick_milli(10'001), 20);    // 10.001: band 10-20, 0.02
  EXPECT_EQ(ladder.tick_milli(300'000), 200);  // 300.000: band 200-500, 0.20
  EXPECT_EQ(ladder.tick_milli(9'995'000), 5'000);
  EXPECT_EQ(ladder.tick_milli(9'995'001), 0);  // above the table
  EXPECT_FALSE(ladder.on_tick(5));             // 0.005: below the table
  EXPECT_TRUE(ladder.on_tick(10));
  EXPECT_TRUE(ladder.on_tick(300'200));   // 300.20 = 200 + 501 × 0.20
  EXPECT_FALSE(ladder.on_tick(300'100));  // 300.10: half a tick
  EXPECT_TRUE(ladder.on_tick(9'995'000));
  EXPECT_FALSE(ladder.on_tick(10'000'000));
  // An empty ladder knows no price.
  const TickLadder empty{};
  EXPECT_EQ(empty.tick_milli(10'000), 0);
  EXPECT_FALSE(empty.on_tick(10'000));
}

TEST_F(TickTest, LadderAgreesWithCheckTickAroundEveryEdge) {
  // Every 0.001 within 0.200 of each band edge of both versions (so 9.800-10.200, 19.800-20.200,
  // 99.800-100.200, ... and 0.001-0.210 around the lowest price): the ladder and check_tick give
  // the same validity and the same tick.
  for (std::string_view date : {kOldTable, kNewTable}) {
    const auto version = table_.version_on(Day(date));
    ASSERT_TRUE(version.ok());
    const TickLadder ladder = TickLadder::from(**version);
    std::vector<int64_t> edges = {to_milli((*version)->bands.front().price_from).value()};
    for (const auto& band : (*version)->bands) edges.push_back(to_milli(band.price_to).value());
    EXPECT_EQ(edges.size(), date == kOldTable ? 12u : 13u);
    int compared = 0;
    for (int64_t edge : edges) {
      for (int64_t milli = edge - 200; milli <= edge + 200; ++milli) {
        if (milli <= 0) continue;
        const Decimal price = Decimal::from_units(milli, 3);
        SCOPED_TRACE(price.to_string() + " on " + std::string(date));
        const Result<TickResult> checked = check_tick(table_, Day(date), price);
        ASSERT_TRUE(checked.ok()) << checked.error().to_string();
        EXPECT_EQ(ladder.on_tick(milli), checked->valid);
        const std::optional<int64_t> tick = to_milli(checked->tick);
        ASSERT_TRUE(tick.has_value());
        EXPECT_EQ(ladder.tick_milli(milli), *tick);
        ++compared;
      }
    }
    // 11 bands (12 edges) before the split, 12 bands (13 edges) after; 401 prices around each,
    // less the 191 at or below zero around 0.01 (-0.190 to 0.000).
    EXPECT_EQ(compared, static_cast<int>(edges.size()) * 401 - 191);
  }
}

TEST(ToMilliTest, ThousandthsOrNothing) {
  ASSERT_TRUE(to_milli(Dec("300.20")).has_value());
  EXPECT_EQ(*to_milli(Dec("300.20")), 300'200);
  EXPECT_EQ(*to_milli(Dec("0.001")), 1);
  EXPECT_EQ(*to_milli(Dec("1.0010")), 1'001);  // trailing zero: still 3 decimals of value
  EXPECT_EQ(*to_milli(Dec("0")), 0);
  EXPECT_FALSE(to_milli(Dec("1.0001")).has_value());  // a fourth decimal
  EXPECT_FALSE(to_milli(Dec("-1.00")).has_value());
  // The bound is 10^12 thousandths, HKD 1,000,000,000.000.
  ASSERT_TRUE(to_milli(Dec("1000000000")).has_value());
  EXPECT_EQ(*to_milli(Dec("1000000000")), int64_t{1'000'000'000'000});
  EXPECT_FALSE(to_milli(Dec("1000000000.001")).has_value());
}

TEST(SpreadTableLoad, RefusesATickFinerThanAThousandthWithItsLineAndField) {
  // SEHK's smallest tick is 0.001 (TRD-6); a 0.0005 tick would not fit the integer ladder.
  const auto path =
      std::filesystem::temp_directory_path() / ("cp_spread_" + std::to_string(::getpid()) + ".csv");
  {
    std::ofstream out(path);
    out << "effective_from,effective_to,price_from,price_to,tick,source\n"
        << "2006-07-24,,0.01,0.25,0.001,test\n"
        << "2006-07-24,,0.25,0.50,0.0005,test\n";
  }
  auto table = refdata::SpreadTable::load(path, "spread.csv");
  std::filesystem::remove(path);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().file, "spread.csv");
  EXPECT_EQ(table.error().line, 3);
  EXPECT_EQ(table.error().field, "tick");
  EXPECT_THAT(table.error().message, HasSubstr("more than 3 decimals"));
}

}  // namespace
}  // namespace cp::trading
