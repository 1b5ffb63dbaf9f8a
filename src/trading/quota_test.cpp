// Tests of the daily quota balance (trading/quota.h; SPEC TRD-3; research/domain-facts.md §3):
//   balance = daily quota − buy orders + sell trades + cancelled or SEHK-rejected buy orders
//             + price improvement on executed buys
// in RMB, each HKD value taken at the day's rate (RMB per HKD) without rounding. A balance ≤ 0
// refuses buys; in the pre-opening a cancellation that restores a positive balance reopens
// buying, from continuous trading (09:30) the day stays closed. Each order is checked against
// the balance before it. The quotas here are small so the arithmetic can be done by hand.
#include "trading/quota.h"

#include <gtest/gtest.h>

#include <string_view>

#include "core/decimal.h"
#include "trading/session.h"

namespace cp::trading {
namespace {

Decimal Dec(std::string_view text) {
  return Decimal::parse(text).value();
}

// Compares by value (1.5 == 1.50); a failure shows the exact balance.
::testing::AssertionResult HasValue(const Decimal& actual, std::string_view expected) {
  if (actual == Dec(expected)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << actual.to_string() << ", expected " << expected;
}

TEST(QuotaTest, ABuyTakesItsValueAtTheDaysRate) {
  QuotaTracker quota(Dec("1000.00"), Dec("0.90"));
  EXPECT_TRUE(quota.can_buy(Phase::kMorning));
  quota.on_buy_accepted(Dec("1000.00"));  // HKD 1,000.00 × 0.90 = RMB 900.00
  EXPECT_TRUE(HasValue(quota.balance_rmb(), "100.00"));
  EXPECT_TRUE(quota.can_buy(Phase::kMorning));
  EXPECT_FALSE(quota.closed_for_the_day());
}

TEST(QuotaTest, TheBalanceIsExactNotRoundedToCents) {
  // HKD 0.01 × 0.9123 = RMB 0.009123; 1,000.00 − 0.009123 = 999.990877, all six decimals kept.
  QuotaTracker quota(Dec("1000.00"), Dec("0.9123"));
  quota.on_buy_accepted(Dec("0.01"));
  EXPECT_EQ(quota.balance_rmb().to_string(), "999.990877");

  // A balance of RMB 0.001 shows as 0.00 but is still positive, so buying goes on.
  QuotaTracker tiny(Dec("0.01"), Dec("0.90"));
  tiny.on_buy_accepted(Dec("0.01"));  // 0.01 − 0.009 = 0.001
  EXPECT_TRUE(HasValue(tiny.balance_rmb(), "0.001"));
  EXPECT_TRUE(tiny.can_buy(Phase::kMorning));
  tiny.on_buy_accepted(Dec("0.01"));  // 0.001 − 0.009 = −0.008
  EXPECT_TRUE(HasValue(tiny.balance_rmb(), "-0.008"));
  EXPECT_FALSE(tiny.can_buy(Phase::kMorning));
}

TEST(QuotaTest, ABalanceOfExactlyZeroRefusesBuys) {
  // RMB 900.00 less HKD 1,000.00 × 0.90 = 900.00 leaves exactly 0.00: "≤ 0" refuses.
  QuotaTracker quota(Dec("900.00"), Dec("0.90"));
  ASSERT_TRUE(quota.can_buy(Phase::kMorning));
  quota.on_buy_accepted(Dec("1000.00"));
  EXPECT_TRUE(quota.balance_rmb().is_zero());
  EXPECT_FALSE(quota.can_buy(Phase::kMorning));
  EXPECT_TRUE(quota.closed_for_the_day());
}

TEST(QuotaTest, TheOrderThatExhaustsTheQuotaIsItselfAccepted) {
  QuotaTracker quota(Dec("900.00"), Dec("0.90"));
  ASSERT_TRUE(quota.can_buy(Phase::kMorning));
  quota.on_buy_accepted(Dec("500.00"));  // 900.00 − 450.00
  EXPECT_TRUE(HasValue(quota.balance_rmb(), "450.00"));
  // The next order is worth RMB 900.00, more than the 450.00 left; it is checked against the
  // balance before it (450.00 > 0), so it goes through and takes the balance below zero.
  ASSERT_TRUE(quota.can_buy(Phase::kMorning));
  quota.on_buy_accepted(Dec("1000.00"));  // 450.00 − 900.00
  EXPECT_TRUE(HasValue(quota.balance_rmb(), "-450.00"));
  // Only the order after it is refused.
  EXPECT_FALSE(quota.can_buy(Phase::kMorning));
  EXPECT_TRUE(quota.closed_for_the_day());
}

TEST(QuotaTest, InThePreOpeningACancellationReopensBuying) {
  QuotaTracker quota(Dec("900.00"), Dec("0.90"));
  ASSERT_TRUE(quota.can_buy(Phase::kPreOpenInput));
  quota.on_buy_accepted(Dec("1000.00"));  // 900.00 − 900.00 = 0.00
  EXPECT_FALSE(quota.can_buy(Phase::kPreOpenInput));
  EXPECT_FALSE(quota.can_buy(Phase::kPreOpenMatching));
  EXPECT_FALSE(quota.closed_for_the_day());  // the pre-opening does not close the day
  // A cancelled buy of HKD 200.00 gives back RMB 180.00.
  quota.on_buy_released(Dec("200.00"));
  EXPECT_TRUE(HasValue(quota.balance_rmb(), "180.00"));
  EXPECT_TRUE(quota.can_buy(Phase::kPreOpenInput));
  // Still open at 09:30 since the balance is positive.
  EXPECT_TRUE(quota.can_buy(Phase::kMorning));
}

TEST(QuotaTest, FromContinuousTradingTheDayStaysClosed) {
  QuotaTracker quota(Dec("900.00"), Dec("0.90"));
  ASSERT_TRUE(quota.can_buy(Phase::kMorning));
  quota.on_buy_accepted(Dec("1000.00"));  // to exactly 0.00
  EXPECT_FALSE(quota.can_buy(Phase::kMorning));
  EXPECT_TRUE(quota.closed_for_the_day());
  // Cancelling the whole order brings the balance back to 900.00, but from 09:30 the refusal
  // holds for the rest of the day, in every later phase.
  quota.on_buy_released(Dec("1000.00"));
  EXPECT_TRUE(HasValue(quota.balance_rmb(), "900.00"));
  EXPECT_FALSE(quota.can_buy(Phase::kMorning));
  EXPECT_FALSE(quota.can_buy(Phase::kLunchQueued));
  EXPECT_FALSE(quota.can_buy(Phase::kAfternoon));
  EXPECT_FALSE(quota.can_buy(Phase::kCasInput));
  EXPECT_TRUE(quota.closed_for_the_day());
}

TEST(QuotaTest, TheClosingAuctionAlsoClosesTheDay) {
  // research §3: "剩余交易时间均不再接受买入申报" — by the same wording the CAS latches too.
  QuotaTracker quota(Dec("900.00"), Dec("0.90"));
  quota.on_buy_accepted(Dec("1000.00"));
  EXPECT_FALSE(quota.can_buy(Phase::kCasInput));
  EXPECT_TRUE(quota.closed_for_the_day());
  quota.on_buy_released(Dec("1000.00"));
  EXPECT_FALSE(quota.can_buy(Phase::kCasNoCancel));
}

TEST(QuotaTest, SellTradesPriceImprovementAndCancellationsAddBack) {
  QuotaTracker quota(Dec("10000.00"), Dec("0.90"));
  // Buy 100 at 10.00: HKD 1,000.00 × 0.90 = RMB 900.00 → 9,100.00.
  quota.on_buy_accepted(Dec("1000.00"));
  EXPECT_TRUE(HasValue(quota.balance_rmb(), "9100.00"));
  // It executes at 9.90: 100 × (10.00 − 9.90) = HKD 10.00 comes back, RMB 9.00 → 9,109.00.
  quota.on_buy_improvement(Dec("10.00"));
  EXPECT_TRUE(HasValue(quota.balance_rmb(), "9109.00"));
  // A sell of 200 at 12.00 executes: HKD 2,400.00 × 0.90 = RMB 2,160.00 → 11,269.00. The formula
  // has no cap: sells can lift the balance above the day's quota.
  quota.on_sell_executed(Dec("2400.00"));
  EXPECT_TRUE(HasValue(quota.balance_rmb(), "11269.00"));
  // A buy of HKD 500.00 (RMB 450.00) is accepted, then cancelled: the balance is back.
  quota.on_buy_accepted(Dec("500.00"));
  EXPECT_TRUE(HasValue(quota.balance_rmb(), "10819.00"));
  quota.on_buy_released(Dec("500.00"));
  EXPECT_TRUE(HasValue(quota.balance_rmb(), "11269.00"));
  EXPECT_TRUE(quota.can_buy(Phase::kAfternoon));
}

}  // namespace
}  // namespace cp::trading

namespace cp::trading {
namespace {

TEST(QuotaLatch, ExhaustedInContinuousTradingStaysClosedAfterASellLiftsTheBalance) {
  // Quota RMB 900.00 at 0.90: a HKD 1,000.00 buy at 09:31 takes exactly 900.00 → 0.00, which
  // closes buying for the day (research §3: ≤ 0 from 09:30). A sell trade of HKD 500.00 then adds
  // 450.00, but no buy is taken again.
  QuotaTracker quota(*Decimal::parse("900.00"), *Decimal::parse("0.90"));
  ASSERT_TRUE(quota.can_buy(Phase::kMorning));
  quota.on_buy_accepted(*Decimal::parse("1000.00"));
  quota.observe(Phase::kMorning);
  EXPECT_TRUE(quota.closed_for_the_day());
  quota.on_sell_executed(*Decimal::parse("500.00"));
  EXPECT_EQ(quota.balance_rmb().round(2, Rounding::kHalfUp).to_string(), "450.00");
  EXPECT_FALSE(quota.can_buy(Phase::kMorning));
}

TEST(QuotaLatch, AtTheOpenAnExhaustedPreOpeningBalanceClosesTheDay) {
  // Exhausted in the pre-opening (not latched there); at 09:30 it is still ≤ 0, so the day
  // closes even if a sell executes before the next buy is tried.
  QuotaTracker quota(*Decimal::parse("900.00"), *Decimal::parse("0.90"));
  quota.on_buy_accepted(*Decimal::parse("1000.00"));
  quota.observe(Phase::kPreOpenInput);
  EXPECT_FALSE(quota.closed_for_the_day());
  quota.observe(Phase::kMorning);
  quota.on_sell_executed(*Decimal::parse("100.00"));
  EXPECT_FALSE(quota.can_buy(Phase::kMorning));
}

}  // namespace
}  // namespace cp::trading
