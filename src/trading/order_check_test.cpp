// Tests of the broker's order checks (trading/order_check.h) on one worked security and day:
//   2024-03-15, Shanghai channel, normal day with the closing auction; the shipped spread table
//   of that date (200-500 ticks 0.20); pre-opening band ±15% (from 2020-10-19), closing-auction
//   band ±5%, at most 3,000 board lots (data/parameters.csv).
//   Security 00700: board lot 100, eligible, in the closing auction, outside the VCM unless a
//   test says otherwise; previous close 300.00, CAS reference 301.20, best bid 300.80, best ask
//   301.80, live and in the book as CAS order input ended at 16:06.
// So the pre-opening band is 300.00 × (1 ∓ 0.15) = 255.00 to 345.00 and the closing-auction band
// 301.20 × (1 ∓ 0.05) = 286.14 to 316.26; on the 0.20 tick the nearest prices inside are 286.20
// and 316.20. The checks run in the order SUIT, SESSION, TRD-1/2, TRD-6 (lots, maximum lots,
// tick), POS, TRD-5, TRD-4, TRD-3; the first that fails decides.
#include "trading/order_check.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "core/market.h"
#include "refdata/parameters.h"
#include "refdata/spread_table.h"
#include "trading/eligibility.h"
#include "trading/quota.h"
#include "trading/session.h"
#include "trading/tick.h"
#include "trading/vcm.h"

namespace cp::trading {
namespace {

namespace fs = std::filesystem;

Date Day(std::string_view iso) {
  return Date::parse(iso).value();
}

Decimal Dec(std::string_view text) {
  return Decimal::parse(text).value();
}

fs::path DataDir() {
  return fs::path(CONNECTPOST_SOURCE_DIR) / "data";
}

constexpr std::string_view kDate = "2024-03-15";
constexpr DayShape kNormalDay{.half_day = false, .closing_auction = true};
constexpr DayShape kHalfDay{.half_day = true, .closing_auction = true};

// The 2016 VCM rules: band 10%, lookback and cooling-off 5 min, exclusions 15 min.
VcmRules CoveredByVcm() {
  VcmRules rules;
  rules.covered = true;
  rules.band = Dec("0.10");
  rules.lookback_s = 300;
  rules.cooling_off_s = 300;
  rules.start_exclusion_s = 900;
  rules.end_exclusion_s = 900;
  return rules;
}

SecurityDay Security00700(VcmRules vcm = {}) {
  return SecurityDay{"00700",
                     100,
                     Eligibility::kEligible,
                     "HSCI large-cap constituent (TRD-1)",
                     true,
                     VcmMonitor(std::move(vcm), kNormalDay),
                     Dec("300.00"),
                     Dec("300.80"),
                     Dec("301.80"),
                     Dec("301.20"),
                     Dec("300.80"),
                     Dec("301.80")};
}

OrderRequest Order(int at_s, Side side, std::string_view price, int64_t quantity) {
  OrderRequest order;
  order.at_s = at_s;
  order.side = side;
  order.price = Dec(price);
  order.price_milli = to_milli(order.price).value();
  order.quantity = quantity;
  return order;
}

void SetPrice(OrderRequest& order, std::string_view price) {
  order.price = Dec(price);
  order.price_milli = to_milli(order.price).value();
}

::testing::AssertionResult Accepted(const Verdict& verdict) {
  if (verdict.accepted) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "rejected by " << verdict.rule << ": " << verdict.message;
}

// Rejected by `rule` with a message that contains `fragment`.
::testing::AssertionResult Rejected(const Verdict& verdict, std::string_view rule,
                                    std::string_view fragment) {
  if (verdict.accepted) return ::testing::AssertionFailure() << "accepted; expected " << rule;
  if (rule != verdict.rule || verdict.message.find(fragment) == std::string::npos) {
    return ::testing::AssertionFailure()
           << "rejected by " << verdict.rule << ": \"" << verdict.message << "\"; expected " << rule
           << " with \"" << fragment << "\"";
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult HasValue(const Decimal& actual, std::string_view expected) {
  if (actual == Dec(expected)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << actual.to_string() << ", expected " << expected;
}

class OrderCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto table =
        refdata::SpreadTable::load(DataDir() / "spread_table.csv", "data/spread_table.csv");
    ASSERT_TRUE(table.ok()) << table.error().to_string();
    auto version = table->version_on(Day(kDate));
    ASSERT_TRUE(version.ok()) << version.error().to_string();
    rules_.channel = Channel::kShanghai;
    rules_.shape = kNormalDay;
    rules_.opening_band = Dec("0.15");
    rules_.closing_band = Dec("0.05");
    rules_.max_board_lots = 3000;
    rules_.ticks = TickLadder::from(**version);
  }

  Verdict Check(const OrderRequest& order) { return check_order(order, security_, rules_, quota_); }

  DayRules rules_;
  SecurityDay security_ = Security00700();
  // Ample: RMB 42bn, the 2018 daily quota.
  QuotaTracker quota_{Dec("42000000000.00"), Dec("0.90")};
};

TEST(OrderCheckRulesTest, TheWorkedDayRulesAreTheShippedParameters) {
  auto parameters = refdata::ParameterTable::load(DataDir() / "parameters.csv");
  ASSERT_TRUE(parameters.ok()) << parameters.error().to_string();
  const Date date = Day(kDate);
  auto opening = parameters->ratio("trading.opening_auction_band", date);  // 15 percent
  ASSERT_TRUE(opening.ok());
  EXPECT_TRUE(HasValue(*opening, "0.15"));
  auto closing = parameters->ratio("trading.closing_auction_band", date);  // 5 percent
  ASSERT_TRUE(closing.ok());
  EXPECT_TRUE(HasValue(*closing, "0.05"));
  auto lots = parameters->integer("trading.max_order_board_lots", date);
  ASSERT_TRUE(lots.ok());
  EXPECT_EQ(*lots, 3000);
}

TEST_F(OrderCheckTest, AnOrdinaryOrderIsAccepted) {
  const Verdict verdict = Check(Order(hms(10, 0), Side::kBuy, "300.00", 100));
  EXPECT_TRUE(Accepted(verdict));
  EXPECT_STREQ(verdict.rule, "");
  EXPECT_EQ(verdict.message, "");
}

// ---------------------------------------------------------------------------------------------
// The order of the checks: one order that breaks every rule, mended one rule at a time.
// ---------------------------------------------------------------------------------------------

TEST_F(OrderCheckTest, PreOpeningOrderFailsEachRuleInTurn) {
  quota_ = QuotaTracker(Dec("0.00"), Dec("0.90"));  // used up
  security_.eligibility = Eligibility::kNotEligible;
  security_.eligibility_reason = "not an HSCI constituent nor an eligible A+H share (TRD-1)";
  // 09:00, enhanced limit, 150 shares, 345.30: off the 0.20 tick and above 345.00.
  OrderRequest order = Order(hms(9, 0), Side::kBuy, "345.30", 150);
  order.type = OrderType::kEnhancedLimit;
  order.standing = Standing{false, ""};

  Verdict verdict = Check(order);
  EXPECT_TRUE(Rejected(verdict, "SUIT", ""));
  EXPECT_EQ(verdict.message,
            "the investor has no Southbound permission for the sh channel (SUIT-1, SUIT-2)");

  // Permitted, but the risk assessment expired: a buy waits (SUIT-6), with the reason the
  // registry gave; a sell of the same would go on to the next rule.
  order.standing = Standing{true, "the risk assessment expired after 2024-03-14"};
  verdict = Check(order);
  EXPECT_TRUE(Rejected(verdict, "SUIT-6", ""));
  EXPECT_EQ(verdict.message, "the risk assessment expired after 2024-03-14");
  order.side = Side::kSell;
  EXPECT_EQ(std::string(Check(order).rule), "SESSION");
  order.side = Side::kBuy;

  order.standing = Standing{true, ""};
  verdict = Check(order);
  EXPECT_TRUE(Rejected(verdict, "SESSION", ""));
  EXPECT_EQ(verdict.message,
            "enhanced limit orders are not taken in pre-opening order input; use at-auction limit");

  order.type = std::nullopt;  // the phase's own type
  verdict = Check(order);
  EXPECT_TRUE(Rejected(verdict, "TRD-1", ""));
  EXPECT_EQ(verdict.message,
            "00700 is not eligible for Southbound: not an HSCI constituent nor an eligible A+H "
            "share (TRD-1)");

  security_.eligibility = Eligibility::kSellOnly;
  security_.eligibility_reason = "left the eligible list after 2024-03-14";
  verdict = Check(order);
  EXPECT_TRUE(Rejected(verdict, "TRD-2", ""));
  EXPECT_EQ(verdict.message, "00700 is sell-only: left the eligible list after 2024-03-14");

  security_.eligibility = Eligibility::kEligible;
  verdict = Check(order);
  EXPECT_TRUE(Rejected(verdict, "TRD-6", ""));
  EXPECT_EQ(verdict.message,
            "odd lot: 150 is not a multiple of the board lot 100; odd lots can only be sold");

  order.quantity = 300'100;  // 3,001 lots
  EXPECT_TRUE(Rejected(Check(order), "TRD-6", "3001 board lots exceed the maximum 3000"));

  order.quantity = 100;
  verdict = Check(order);
  EXPECT_TRUE(Rejected(verdict, "TRD-6", ""));
  EXPECT_EQ(verdict.message, "price 345.30 is not on the 0.2 tick");

  SetPrice(order, "345.20");  // on the tick (145.20 = 726 × 0.20), above 345.00
  verdict = Check(order);
  EXPECT_TRUE(Rejected(verdict, "POS", ""));
  EXPECT_EQ(verdict.message,
            "pre-opening price must be within 255.00 to 345.00 (previous close 300.00)");

  SetPrice(order, "345.00");
  verdict = Check(order);
  EXPECT_TRUE(Rejected(verdict, "TRD-3", ""));
  EXPECT_EQ(verdict.message, "the sh daily quota is used up (balance RMB 0.00)");

  quota_ = QuotaTracker(Dec("42000000000.00"), Dec("0.90"));
  EXPECT_TRUE(Accepted(Check(order)));
}

TEST_F(OrderCheckTest, ClosingAuctionOrderFailsEachRuleInTurn) {
  quota_ = QuotaTracker(Dec("0.00"), Dec("0.90"));
  security_.cas_covered = false;
  security_.cas_reference = std::nullopt;
  // 16:06:00, the no-cancellation period; 316.40 is above both 316.26 and the ask 301.80.
  OrderRequest order = Order(hms(16, 6), Side::kBuy, "316.40", 100);

  EXPECT_TRUE(Rejected(Check(order), "TRD-5", "00700 is not in the closing auction"));

  security_.cas_covered = true;
  EXPECT_TRUE(Rejected(Check(order), "TRD-5", "no closing-auction reference price for 00700"));

  security_.cas_reference = Dec("301.20");
  Verdict verdict = Check(order);
  EXPECT_TRUE(Rejected(verdict, "TRD-5", ""));
  EXPECT_EQ(verdict.message,
            "closing-auction price must be within 286.14 to 316.26 (reference 301.20)");

  SetPrice(order, "302.00");  // inside ±5%, above the ask
  verdict = Check(order);
  EXPECT_TRUE(Rejected(verdict, "TRD-5", ""));
  EXPECT_EQ(verdict.message,
            "from 16:06 the price must lie between 300.80 and 301.80 (the book at 16:06: highest "
            "bid 300.80, lowest ask 301.80)");

  SetPrice(order, "301.00");
  EXPECT_TRUE(Rejected(Check(order), "TRD-3", "daily quota is used up"));

  quota_ = QuotaTracker(Dec("42000000000.00"), Dec("0.90"));
  EXPECT_TRUE(Accepted(Check(order)));
}

TEST_F(OrderCheckTest, VcmIsCheckedBeforeTheQuota) {
  security_ = Security00700(CoveredByVcm());
  // 300.00 at 10:00; at 10:05 a trade at 331.00 would be more than 10% above it (330.00).
  security_.vcm.record_trade(hms(10, 0), Dec("300.00"));
  ASSERT_TRUE(security_.vcm.on_trade(hms(10, 5), Dec("331.00")).has_value());
  quota_ = QuotaTracker(Dec("0.00"), Dec("0.90"));

  OrderRequest order = Order(hms(10, 6), Side::kBuy, "330.20", 100);
  EXPECT_TRUE(Rejected(Check(order), "TRD-4", "VCM cooling-off"));
  SetPrice(order, "330.00");
  EXPECT_TRUE(Rejected(Check(order), "TRD-3", "daily quota is used up"));
}

// ---------------------------------------------------------------------------------------------
// SESSION
// ---------------------------------------------------------------------------------------------

TEST_F(OrderCheckTest, InputOnlyInTheInputPhases) {
  // 301.00 is inside every band of the day: POS 255-345, CAS 286.14-316.26, bid-ask 300.80-301.80.
  struct Case {
    int at_s;
    const char* phase;  // empty: accepted
  };
  const std::vector<Case> cases = {
      {hms(8, 59, 59), "closed"},
      {hms(9, 0), ""},
      {hms(9, 14, 59), ""},
      {hms(9, 15), "pre-opening matching"},
      {hms(9, 29, 59), "pre-opening matching"},
      {hms(9, 30), ""},
      {hms(11, 59, 59), ""},
      {hms(12, 0), "lunch break (no input)"},
      {hms(12, 29, 59), "lunch break (no input)"},
      {hms(12, 30), ""},
      {hms(13, 0), ""},
      {hms(15, 59, 59), ""},
      {hms(16, 0, 30), "closing auction reference price fixing"},
      {hms(16, 1), ""},
      {hms(16, 6), ""},
      {hms(16, 9, 59), ""},
      {hms(16, 10), "closed"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(clock_text(c.at_s));
    const Verdict verdict = Check(Order(c.at_s, Side::kBuy, "301.00", 100));
    if (std::string_view(c.phase).empty()) {
      EXPECT_TRUE(Accepted(verdict));
    } else {
      EXPECT_TRUE(Rejected(verdict, "SESSION", ""));
      EXPECT_EQ(verdict.message,
                "no order input at " + clock_text(c.at_s) + " (" + std::string(c.phase) + ")");
    }
  }
}

TEST_F(OrderCheckTest, OrderTypeMustBeThePhases) {
  OrderRequest order = Order(hms(10, 0), Side::kBuy, "301.00", 100);
  order.type = OrderType::kAtAuctionLimit;
  Verdict verdict = Check(order);
  EXPECT_TRUE(Rejected(verdict, "SESSION", ""));
  EXPECT_EQ(verdict.message,
            "at-auction limit orders are not taken in morning continuous trading; use enhanced "
            "limit");
  order.type = OrderType::kEnhancedLimit;
  EXPECT_TRUE(Accepted(Check(order)));

  order.at_s = hms(12, 30);  // queued for the afternoon: enhanced limit
  EXPECT_TRUE(Accepted(Check(order)));

  order.at_s = hms(16, 1);
  EXPECT_TRUE(Rejected(Check(order), "SESSION",
                       "enhanced limit orders are not taken in closing auction order input; use "
                       "at-auction limit"));
  order.type = OrderType::kAtAuctionLimit;
  EXPECT_TRUE(Accepted(Check(order)));

  order.at_s = hms(9, 0);
  EXPECT_TRUE(Accepted(Check(order)));
}

// ---------------------------------------------------------------------------------------------
// TRD-1, TRD-2
// ---------------------------------------------------------------------------------------------

TEST_F(OrderCheckTest, NotEligibleRefusesBothSidesSellOnlyRefusesBuys) {
  security_.eligibility = Eligibility::kNotEligible;
  security_.eligibility_reason = "HSCI SmallCap is not eligible on the sh channel (TRD-1)";
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 0), Side::kSell, "300.00", 100)), "TRD-1",
                       "not eligible for Southbound: HSCI SmallCap"));

  security_.eligibility = Eligibility::kSellOnly;
  security_.eligibility_reason = "a distributed warrant is outside the eligible list (TRD-2)";
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 0), Side::kBuy, "300.00", 100)), "TRD-2",
                       "00700 is sell-only: a distributed warrant"));
  EXPECT_TRUE(Accepted(Check(Order(hms(10, 0), Side::kSell, "300.00", 100))));
}

// ---------------------------------------------------------------------------------------------
// TRD-6
// ---------------------------------------------------------------------------------------------

TEST_F(OrderCheckTest, BoardLotsAndOddLots) {
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 0), Side::kBuy, "300.00", 0)), "TRD-6",
                       "quantity must be positive"));
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 0), Side::kSell, "300.00", -100)), "TRD-6",
                       "quantity must be positive"));
  // Odd lots are never bought.
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 0), Side::kBuy, "300.00", 50)), "TRD-6",
                       "odd lot: 50 is not a multiple of the board lot 100"));
  // 250 = 2 lots + 50: the whole lots and the odd 50 go separately.
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 0), Side::kSell, "300.00", 250)), "TRD-6",
                       "sell 200 in board lots and the odd 50 separately"));
  // Under one lot, sold in continuous trading (the queued lunch input included) only.
  EXPECT_TRUE(Accepted(Check(Order(hms(10, 0), Side::kSell, "300.00", 50))));
  EXPECT_TRUE(Accepted(Check(Order(hms(12, 30), Side::kSell, "300.00", 50))));
  EXPECT_TRUE(Rejected(Check(Order(hms(9, 0), Side::kSell, "300.00", 50)), "TRD-6",
                       "odd lots are not taken in pre-opening order input"));
  EXPECT_TRUE(Rejected(Check(Order(hms(16, 1), Side::kSell, "301.00", 50)), "TRD-6",
                       "odd lots are not taken in closing auction order input"));
  // A whole lot is fine in the pre-opening.
  EXPECT_TRUE(Accepted(Check(Order(hms(9, 0), Side::kSell, "300.00", 100))));
}

TEST_F(OrderCheckTest, AtMostThreeThousandBoardLots) {
  // 300,000 shares = 3,000 lots of 100: the maximum, accepted.
  EXPECT_TRUE(Accepted(Check(Order(hms(10, 0), Side::kBuy, "300.00", 300'000))));
  // 300,100 = 3,001 lots, on either side.
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 0), Side::kBuy, "300.00", 300'100)), "TRD-6",
                       "3001 board lots exceed the maximum 3000"));
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 0), Side::kSell, "300.00", 300'100)), "TRD-6",
                       "3001 board lots exceed the maximum 3000"));
}

TEST_F(OrderCheckTest, PriceMustBeOnTheTick) {
  // 200-500 ticks 0.20: 300.10 is half a tick; 300.20 = 200 + 501 × 0.20.
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 0), Side::kBuy, "300.10", 100)), "TRD-6",
                       "price 300.10 is not on the 0.2 tick"));
  EXPECT_TRUE(Accepted(Check(Order(hms(10, 0), Side::kBuy, "300.20", 100))));
  // 20-100 ticks 0.05 on the 2024 table: 20.02 is off.
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 0), Side::kBuy, "20.02", 100)), "TRD-6",
                       "price 20.02 is not on the 0.05 tick"));
  // Above 9,995.00 and below 0.01 there is no tick.
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 0), Side::kSell, "10000.00", 100)), "TRD-6",
                       "price 10000.00 is outside the spread table"));
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 0), Side::kSell, "0.005", 100)), "TRD-6",
                       "price 0.005 is outside the spread table"));
}

// ---------------------------------------------------------------------------------------------
// POS: ±15% of the previous close in the 09:00-09:15 order input.
// ---------------------------------------------------------------------------------------------

TEST_F(OrderCheckTest, PreOpeningBandEdgesAreInside) {
  // 300.00 × 0.85 = 255.00 and × 1.15 = 345.00, both on the 0.20 tick.
  EXPECT_TRUE(Accepted(Check(Order(hms(9, 0), Side::kBuy, "255.00", 100))));
  EXPECT_TRUE(Accepted(Check(Order(hms(9, 0), Side::kBuy, "345.00", 100))));
  // One tick outside, either side, buy or sell; to the last second of the input.
  const std::string message =
      "pre-opening price must be within 255.00 to 345.00 (previous close 300.00)";
  EXPECT_TRUE(Rejected(Check(Order(hms(9, 0), Side::kBuy, "345.20", 100)), "POS", message));
  EXPECT_TRUE(Rejected(Check(Order(hms(9, 0), Side::kSell, "254.80", 100)), "POS", message));
  EXPECT_TRUE(Rejected(Check(Order(hms(9, 14, 59), Side::kSell, "345.20", 100)), "POS", message));
  // In continuous trading there is no such band.
  EXPECT_TRUE(Accepted(Check(Order(hms(9, 30), Side::kBuy, "345.20", 100))));
}

TEST_F(OrderCheckTest, NoPreOpeningBandBefore2020OrWithoutAPreviousClose) {
  rules_.opening_band = std::nullopt;  // before the 2020-10-19 enhancement
  EXPECT_TRUE(Accepted(Check(Order(hms(9, 0), Side::kBuy, "345.20", 100))));
  rules_.opening_band = Dec("0.15");
  security_.previous_close = std::nullopt;  // e.g. the first day of listing
  EXPECT_TRUE(Accepted(Check(Order(hms(9, 0), Side::kBuy, "345.20", 100))));
}

// ---------------------------------------------------------------------------------------------
// TRD-5: the closing auction.
// ---------------------------------------------------------------------------------------------

TEST_F(OrderCheckTest, ClosingAuctionBandOfFivePercent) {
  const std::string message =
      "closing-auction price must be within 286.14 to 316.26 (reference 301.20)";
  // 316.26 is not on the 0.20 tick (116.26 / 0.20 = 581.3); 316.20 is the last tick inside.
  EXPECT_TRUE(Accepted(Check(Order(hms(16, 1), Side::kBuy, "316.20", 100))));
  EXPECT_TRUE(Rejected(Check(Order(hms(16, 1), Side::kBuy, "316.40", 100)), "TRD-5", message));
  // 286.14 neither (86.14 / 0.20 = 430.7); 286.20 is the first tick inside.
  EXPECT_TRUE(Accepted(Check(Order(hms(16, 1), Side::kSell, "286.20", 100))));
  EXPECT_TRUE(Rejected(Check(Order(hms(16, 1), Side::kSell, "286.00", 100)), "TRD-5", message));
}

TEST_F(OrderCheckTest, From1606BetweenTheBestBidAndAsk) {
  // 302.00 is inside ±5% but above the ask 301.80: fine until 16:05:59, refused from 16:06:00.
  EXPECT_TRUE(Accepted(Check(Order(hms(16, 5, 59), Side::kBuy, "302.00", 100))));
  const std::string message =
      "between 300.80 and 301.80 (the book at 16:06: highest bid 300.80, "
      "lowest ask 301.80)";
  EXPECT_TRUE(Rejected(Check(Order(hms(16, 6), Side::kBuy, "302.00", 100)), "TRD-5", message));
  EXPECT_TRUE(Rejected(Check(Order(hms(16, 9, 59), Side::kSell, "300.60", 100)), "TRD-5", message));
  // The bid and the ask themselves are inside.
  EXPECT_TRUE(Accepted(Check(Order(hms(16, 6), Side::kBuy, "300.80", 100))));
  EXPECT_TRUE(Accepted(Check(Order(hms(16, 6), Side::kSell, "301.80", 100))));
  // Without an ask in the book at 16:06 there is no such limit.
  security_.cas_input_end_ask = std::nullopt;
  EXPECT_TRUE(Accepted(Check(Order(hms(16, 6), Side::kBuy, "302.00", 100))));
}

// Seed 004 §2.4: from 16:06 "价格在最低卖价和最高买价之间". In the auction the book can be crossed:
// here the highest bid 302.40 is above the lowest ask 300.60 (nothing matches until the random
// close). The range then runs from the ask 300.60 up to the bid 302.40 — a rule read as
// "bid ≤ price ≤ ask" would refuse every order. Both edges are on the 0.20 tick and inside
// ±5% of 301.20 (286.14 to 316.26).
TEST_F(OrderCheckTest, OnACrossedBookFrom1606BetweenTheAskAndTheBid) {
  security_.best_bid = Dec("302.40");
  security_.best_ask = Dec("300.60");
  security_.cas_input_end_bid = Dec("302.40");
  security_.cas_input_end_ask = Dec("300.60");
  // 16:05:59, order input: only the ±5% band; 303.00 is outside the crossed range and taken.
  EXPECT_TRUE(Accepted(Check(Order(hms(16, 5, 59), Side::kBuy, "303.00", 100))));
  EXPECT_TRUE(Accepted(Check(Order(hms(16, 5, 59), Side::kSell, "300.00", 100))));
  // 16:06:00: between 300.60 and 302.40, both edges included.
  for (const char* price : {"300.60", "301.20", "302.40"}) {
    SCOPED_TRACE(price);
    EXPECT_TRUE(Accepted(Check(Order(hms(16, 6), Side::kBuy, price, 100))));
    EXPECT_TRUE(Accepted(Check(Order(hms(16, 6), Side::kSell, price, 100))));
  }
  const std::string message =
      "between 300.60 and 302.40 (the book at 16:06: highest bid 302.40, "
      "lowest ask 300.60)";
  EXPECT_TRUE(Rejected(Check(Order(hms(16, 6), Side::kBuy, "302.60", 100)), "TRD-5", message));
  EXPECT_TRUE(Rejected(Check(Order(hms(16, 6), Side::kSell, "300.40", 100)), "TRD-5", message));
}

// The limits are the book at 16:06, not the live book: a bid that rises to 303.00 at 16:07 does
// not widen the range, and one that falls does not narrow it.
TEST_F(OrderCheckTest, TheNoCancellationRangeIsTheBookAt1606) {
  security_.best_bid = Dec("303.00");
  EXPECT_TRUE(Rejected(Check(Order(hms(16, 7), Side::kBuy, "302.00", 100)), "TRD-5",
                       "between 300.80 and 301.80"));
  security_.best_bid = Dec("299.00");
  security_.best_ask = Dec("299.20");
  EXPECT_TRUE(Accepted(Check(Order(hms(16, 7), Side::kSell, "301.80", 100))));
}

TEST_F(OrderCheckTest, HalfDayClosingAuctionAfterNoon) {
  rules_.shape = kHalfDay;
  EXPECT_TRUE(Accepted(Check(Order(hms(12, 1), Side::kBuy, "316.20", 100))));
  EXPECT_TRUE(Rejected(Check(Order(hms(12, 1), Side::kBuy, "316.40", 100)), "TRD-5",
                       "within 286.14 to 316.26"));
  EXPECT_TRUE(Accepted(Check(Order(hms(12, 5, 59), Side::kBuy, "302.00", 100))));
  EXPECT_TRUE(Rejected(Check(Order(hms(12, 6), Side::kBuy, "302.00", 100)), "TRD-5",
                       "from 12:06 the price must lie between 300.80 and 301.80 (the book at "
                       "12:06: highest bid 300.80, lowest ask 301.80)"));
  EXPECT_TRUE(Rejected(Check(Order(hms(12, 10), Side::kBuy, "301.00", 100)), "SESSION",
                       "no order input at 12:10:00 (closed)"));
}

// ---------------------------------------------------------------------------------------------
// TRD-4: inside a VCM cooling-off, within the band around its reference.
// ---------------------------------------------------------------------------------------------

TEST_F(OrderCheckTest, VcmCoolingOffBand) {
  security_ = Security00700(CoveredByVcm());
  // Reference 300.00 (10:00); 331.00 at 10:05 is above 300.00 × 1.10 = 330.00: cooling-off
  // 10:05:00-10:10:00 within 270.00 to 330.00.
  security_.vcm.record_trade(hms(10, 0), Dec("300.00"));
  ASSERT_TRUE(security_.vcm.on_trade(hms(10, 5), Dec("331.00")).has_value());

  const std::string message =
      "VCM cooling-off until 10:10:00: price must be within 270.00 to 330.00";
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 6), Side::kBuy, "330.20", 100)), "TRD-4", message));
  EXPECT_TRUE(Accepted(Check(Order(hms(10, 6), Side::kBuy, "330.00", 100))));
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 9, 59), Side::kSell, "269.80", 100)), "TRD-4", message));
  EXPECT_TRUE(Accepted(Check(Order(hms(10, 9, 59), Side::kSell, "270.00", 100))));
  // The cooling-off ends at 10:10:00.
  EXPECT_TRUE(Accepted(Check(Order(hms(10, 10), Side::kBuy, "331.00", 100))));
}

// ---------------------------------------------------------------------------------------------
// TRD-3: the quota.
// ---------------------------------------------------------------------------------------------

TEST_F(OrderCheckTest, AnAcceptedBuyTakesPriceTimesQuantityTimesRate) {
  quota_ = QuotaTracker(Dec("1000000.00"), Dec("0.9123"));
  // 301.20 × 200 = HKD 60,240.00; × 0.9123 = RMB 54,956.952; 1,000,000.00 − 54,956.952.
  EXPECT_TRUE(Accepted(Check(Order(hms(10, 0), Side::kBuy, "301.20", 200))));
  EXPECT_TRUE(HasValue(quota_.balance_rmb(), "945043.048"));
  // A sell order uses no quota (its execution gives some back, quota.h).
  EXPECT_TRUE(Accepted(Check(Order(hms(10, 1), Side::kSell, "301.20", 200))));
  EXPECT_TRUE(HasValue(quota_.balance_rmb(), "945043.048"));
  // A refused buy takes nothing.
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 2), Side::kBuy, "300.10", 200)), "TRD-6", "tick"));
  EXPECT_TRUE(HasValue(quota_.balance_rmb(), "945043.048"));
}

TEST_F(OrderCheckTest, TheBuyThatUsesUpTheQuotaIsAcceptedTheNextIsNot) {
  // RMB 27,000.00 = 100 × 300.00 × 0.90 exactly.
  quota_ = QuotaTracker(Dec("27000.00"), Dec("0.90"));
  EXPECT_TRUE(Accepted(Check(Order(hms(10, 0), Side::kBuy, "300.00", 100))));
  EXPECT_TRUE(quota_.balance_rmb().is_zero());
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 1), Side::kBuy, "300.00", 100)), "TRD-3",
                       "the sh daily quota is used up (balance RMB 0.00)"));
  EXPECT_TRUE(Accepted(Check(Order(hms(10, 2), Side::kSell, "300.00", 100))));

  // An order worth more than what is left is accepted when the balance before it is positive:
  // RMB 100.00 − 27,000.00 = −26,900.00. The Shenzhen channel names itself.
  rules_.channel = Channel::kShenzhen;
  quota_ = QuotaTracker(Dec("100.00"), Dec("0.90"));
  EXPECT_TRUE(Accepted(Check(Order(hms(10, 0), Side::kBuy, "300.00", 100))));
  EXPECT_TRUE(Rejected(Check(Order(hms(10, 1), Side::kBuy, "300.00", 100)), "TRD-3",
                       "the sz daily quota is used up (balance RMB -26900.00)"));
}

// ---------------------------------------------------------------------------------------------
// Cancellation windows: 09:00-09:15, 09:30-12:00, 12:30-16:00, 16:01-16:06.
// ---------------------------------------------------------------------------------------------

TEST_F(OrderCheckTest, CancellationWindows) {
  struct Case {
    int at_s;
    const char* phase;  // empty: allowed
  };
  const std::vector<Case> cases = {
      {hms(8, 59, 59), "closed"},
      {hms(9, 0), ""},
      {hms(9, 14, 59), ""},
      {hms(9, 15), "pre-opening matching"},
      {hms(9, 30), ""},
      {hms(11, 59, 59), ""},
      {hms(12, 10), "lunch break (no input)"},
      {hms(12, 30), ""},
      {hms(15, 59, 59), ""},
      {hms(16, 0, 30), "closing auction reference price fixing"},
      {hms(16, 1), ""},
      {hms(16, 5, 59), ""},
      {hms(16, 6), "closing auction no-cancellation"},
      {hms(16, 10), "closed"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(clock_text(c.at_s));
    const Verdict verdict = check_cancel(c.at_s, rules_);
    if (std::string_view(c.phase).empty()) {
      EXPECT_TRUE(Accepted(verdict));
    } else {
      EXPECT_TRUE(Rejected(verdict, "SESSION", ""));
      EXPECT_EQ(verdict.message,
                "no cancellation at " + clock_text(c.at_s) + " (" + std::string(c.phase) + ")");
    }
  }
}

TEST_F(OrderCheckTest, HalfDayCancellationStopsAt1206) {
  rules_.shape = kHalfDay;
  EXPECT_TRUE(Accepted(check_cancel(hms(11, 59, 59), rules_)));
  EXPECT_TRUE(Rejected(check_cancel(hms(12, 0, 30), rules_), "SESSION", "reference price fixing"));
  EXPECT_TRUE(Accepted(check_cancel(hms(12, 5, 59), rules_)));
  EXPECT_TRUE(Rejected(check_cancel(hms(12, 6), rules_), "SESSION", "no-cancellation"));
}

}  // namespace
}  // namespace cp::trading
