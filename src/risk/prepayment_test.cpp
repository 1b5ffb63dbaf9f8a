// MO-5 worked by hand: 1,000,000 shares of 02800 receivable on the day against 12,500,000 of
// SEHK trades money (tests/golden/margin TP002 on 2024-03-15).
#include "risk/prepayment.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::risk {
namespace {

constexpr auto dec = &test_values::D;

TimeOfDay at(const char* text) {
  return TimeOfDay::parse(text).value();
}

const PrepaymentRules kRules{at("15:30"), at("14:45"), at("17:45")};
const std::vector<Allocation> kShares{{"02800", 1'000'000}};

TEST(Prepayment, ChatsBeforeHalfPastThreeReleasesTheSharesAtOnce) {
  const auto r = share_releases(kShares, dec("12500000"),
                                {{dec("12500000"), PaymentMethod::kChats, at("15:10")}}, kRules);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].state, ReleaseState::kReleasedByPrepayment);
  EXPECT_EQ(r[0].released_hkt->to_string(), "15:10");
}

TEST(Prepayment, TwoPartsReleaseWhenTheSecondArrives) {
  // 5,000,000 by Others at 14:00, 7,500,000 by CHATS at 15:25: prepaid in full at 15:25.
  const auto r = share_releases(kShares, dec("12500000"),
                                {{dec("5000000"), PaymentMethod::kOthers, at("14:00")},
                                 {dec("7500000"), PaymentMethod::kChats, at("15:25")}},
                                kRules);
  EXPECT_EQ(r[0].state, ReleaseState::kReleasedByPrepayment);
  EXPECT_EQ(r[0].released_hkt->to_string(), "15:25");
}

TEST(Prepayment, OthersAfterItsCutOffWaitsForTheDirectDebit) {
  // 14:50 by Others misses 14:45: not a prepayment; the money is in by 17:45, so the shares come
  // with the day's settlement.
  const auto r = share_releases(kShares, dec("12500000"),
                                {{dec("12500000"), PaymentMethod::kOthers, at("14:50")}}, kRules);
  EXPECT_EQ(r[0].state, ReleaseState::kReleasedBySettlement);
  EXPECT_EQ(r[0].released_hkt->to_string(), "17:45");
}

TEST(Prepayment, ShortMoneyLeavesTheSharesOnHold) {
  const auto r = share_releases(kShares, dec("12500000"),
                                {{dec("12499999.99"), PaymentMethod::kChats, at("15:00")}}, kRules);
  EXPECT_EQ(r[0].state, ReleaseState::kOnHold);
  EXPECT_FALSE(r[0].released_hkt.has_value());
}

TEST(Prepayment, MethodsReadByTheirCodes) {
  EXPECT_EQ(parse_payment_method("chats").value(), PaymentMethod::kChats);
  EXPECT_FALSE(parse_payment_method("cash").ok());
}

}  // namespace
}  // namespace cp::risk
