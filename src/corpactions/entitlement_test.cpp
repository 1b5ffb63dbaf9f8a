// Entitlements worked by hand from the ratio and the holding (SPEC CA-2, CLR-8).
#include "corpactions/entitlement.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::corpactions {
namespace {

using test_values::D;

CorporateAction action_of(ActionType type) {
  CorporateAction a;
  a.event_id = "E1";
  a.type = type;
  a.security_code = "00005";
  return a;
}

Holder holder(std::string account, int64_t shares) {
  return {Channel::kShanghai, std::move(account), AccountType::kIndividual, shares};
}

TEST(Entitlement, ApplyRatioRoundsDownAndKeepsTheFraction) {
  // 1,234 × 1 ÷ 10 = 123.4: 123 whole, 4/10 left.
  const auto got = apply_ratio(1234, {1, 10});
  EXPECT_EQ(got.whole, 123);
  EXPECT_EQ(got.fraction_numerator, 4);
  // 10^12 shares × 10^12 ÷ 10^12: the product needs 128 bits and stays exact.
  const auto big = apply_ratio(1'000'000'000'000, {1'000'000'000'000, 1'000'000'000'000});
  EXPECT_EQ(big.whole, 1'000'000'000'000);
  EXPECT_EQ(big.fraction_numerator, 0);
}

// A 1-for-10 bonus on a 400-share lot: 1,234 held → 123 bonus (4/10 not credited); 1,357 after,
// 3 lots (1,200) and 157 odd. 4,000 held → 400 bonus, 4,400 after, 11 lots, no odd lot.
TEST(Entitlement, BonusOneForTenWithOddLots) {
  CorporateAction a = action_of(ActionType::kBonusShares);
  a.ratio = Ratio{1, 10};
  const auto got =
      entitlements(a, std::vector<Holder>{holder("A1", 1234), holder("A2", 4000)}, 400);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].holding, 1234);
  EXPECT_EQ(got[0].securities, 123);
  EXPECT_EQ(got[0].fraction_numerator, 4);
  EXPECT_EQ(got[0].odd_lot, 157);
  EXPECT_TRUE(got[0].cash_ccy.is_zero());
  EXPECT_EQ(got[1].securities, 400);
  EXPECT_EQ(got[1].odd_lot, 0);
}

// A 2-into-1 consolidation (1 new for 2 old), new board lot 200: 1,001 → 500 (½ not credited),
// 2 lots and 100 odd; 4,000 → 2,000, 10 lots.
TEST(Entitlement, ConsolidationTwoIntoOne) {
  CorporateAction a = action_of(ActionType::kConsolidation);
  a.ratio = Ratio{1, 2};
  const auto got =
      entitlements(a, std::vector<Holder>{holder("A1", 1001), holder("A2", 4000)}, 200);
  EXPECT_EQ(got[0].securities, 500);
  EXPECT_EQ(got[0].fraction_numerator, 1);
  EXPECT_EQ(got[0].odd_lot, 100);
  EXPECT_EQ(got[1].securities, 2000);
  EXPECT_EQ(got[1].odd_lot, 0);
}

// A 1-into-4 split, board lot 400 after: 250 → 1,000 (2 lots and 200 odd).
TEST(Entitlement, Split) {
  CorporateAction a = action_of(ActionType::kSplit);
  a.ratio = Ratio{4, 1};
  const auto got = entitlements(a, std::vector<Holder>{holder("A1", 250)}, 400);
  EXPECT_EQ(got[0].securities, 1000);
  EXPECT_EQ(got[0].fraction_numerator, 0);
  EXPECT_EQ(got[0].odd_lot, 200);
}

// Cash per share: a dividend of USD 0.123 on 10,000 shares is USD 1,230.000, exact; an offer of
// HKD 12.50 for 3,000 shares HKD 37,500.00.
TEST(Entitlement, CashIsHoldingTimesRate) {
  CorporateAction dividend = action_of(ActionType::kCashDividend);
  dividend.rate = D("0.123");
  EXPECT_TRUE(entitlements(dividend, std::vector<Holder>{holder("A1", 10000)}, 400)[0].cash_ccy ==
              D("1230.000"));
  CorporateAction offer = action_of(ActionType::kTakeover);
  offer.rate = D("12.50");
  EXPECT_TRUE(entitlements(offer, std::vector<Holder>{holder("A1", 3000)}, 400)[0].cash_ccy ==
              D("37500.00"));
}

// Rights 1 for 5: 2,002 held → 400 rights (2/5 not credited); a vote carries one per share.
TEST(Entitlement, RightsAndVotes) {
  CorporateAction rights = action_of(ActionType::kRightsIssue);
  rights.ratio = Ratio{1, 5};
  const auto got = entitlements(rights, std::vector<Holder>{holder("A1", 2002)}, 400);
  EXPECT_EQ(got[0].securities, 400);
  EXPECT_EQ(got[0].fraction_numerator, 2);
  EXPECT_EQ(got[0].odd_lot, 0);
  const auto votes =
      entitlements(action_of(ActionType::kVote), std::vector<Holder>{holder("A1", 750)}, 400);
  EXPECT_EQ(votes[0].votes, 750);
  EXPECT_EQ(votes[0].securities, 0);
}

// A scrip dividend, HKD 0.50 a share or scrip at HKD 62.50 (CA-3): A1 holds 2,000 and has 1,500
// filed for scrip — 12 new shares (1,500 × 0.50 ÷ 62.50) and cash on the other 500, HKD 250.00;
// A2 filed nothing: all 1,000 in cash, HKD 500.00. Without a filing everybody takes cash.
TEST(Entitlement, ScripTakesSharesForWhatIsFiledAndCashForTheRest) {
  CorporateAction scrip = action_of(ActionType::kScripDividend);
  scrip.rate = D("0.50");
  scrip.price = D("62.50");
  const FiledQuantities filed = {{{Channel::kShanghai, "A1"}, 1500}};
  const auto got =
      entitlements(scrip, std::vector<Holder>{holder("A1", 2000), holder("A2", 1000)}, 400, &filed);
  EXPECT_EQ(got[0].scrip_elected, 1500);
  EXPECT_EQ(got[0].securities, 12);
  EXPECT_TRUE(got[0].cash_ccy == D("250.00"));
  EXPECT_EQ(got[1].scrip_elected, 0);
  EXPECT_EQ(got[1].securities, 0);
  EXPECT_TRUE(got[1].cash_ccy == D("500.00"));
  EXPECT_TRUE(entitlements(scrip, std::vector<Holder>{holder("A1", 2000)}, 400)[0].cash_ccy ==
              D("1000.00"));
  EXPECT_EQ(scrip_new_shares(scrip, 130), 1);  // 65 ÷ 62.50 = 1.04: the 0.04 disregarded
}

}  // namespace
}  // namespace cp::corpactions
