// What each action does to the holdings on its distribution date, worked from the ratio (CLR-8),
// with the golden case tests/golden/ca/shares's holdings.
#include "corpactions/securities_movement.h"

#include <gtest/gtest.h>

#include <string>

namespace cp::corpactions {
namespace {

CorporateAction action_of(ActionType type, std::string security, std::optional<Ratio> ratio) {
  CorporateAction a;
  a.event_id = "E";
  a.type = type;
  a.security_code = std::move(security);
  a.ratio = ratio;
  return a;
}

std::string text(const std::vector<clearing::HoldingMovement>& moved) {
  std::string out;
  for (const auto& m : moved) {
    out += m.account_id + " " + m.security_code + " " + std::to_string(m.quantity) + "; ";
  }
  return out;
}

// B-5: 1 for 10 on 00005. H1's 1,234 get 123 (4/10 not credited), H2's 4,000 get 400. Another
// security's holding and a zero holding move nothing.
TEST(SecuritiesMovement, BonusSharesCreditTheWholeSharesOnly) {
  const auto a = action_of(ActionType::kBonusShares, "00005", Ratio{1, 10});
  EXPECT_EQ(text(securities_movements(a, {{"H1", "00005", 1234},
                                          {"H2", "00005", 4000},
                                          {"H3", "00700", 500},
                                          {"H4", "00005", 0}})),
            "H1 00005 123; H2 00005 400; ");
}

// Bonus warrants, 1 for 5 into warrant 12345: 1,234 × 1 ÷ 5 = 246.8 → 246 of 12345.
TEST(SecuritiesMovement, BonusWarrantsAreCreditedAsTheWarrant) {
  auto a = action_of(ActionType::kBonusWarrants, "00005", Ratio{1, 5});
  a.new_security_code = "12345";
  EXPECT_EQ(text(securities_movements(a, {{"H1", "00005", 1234}})), "H1 12345 246; ");
}

// C-388: 2 into 1. H1's 1,001 become 500 (−501, the ½ not credited); H3's 4,000 become 2,000.
// A 1-into-4 split: 300 become 1,200 (+900).
TEST(SecuritiesMovement, SplitsAndConsolidationsReplaceTheHolding) {
  const auto c = action_of(ActionType::kConsolidation, "00388", Ratio{1, 2});
  EXPECT_EQ(text(securities_movements(c, {{"H1", "00388", 1001}, {"H3", "00388", 4000}})),
            "H1 00388 -501; H3 00388 -2000; ");
  const auto s = action_of(ActionType::kSplit, "00700", Ratio{4, 1});
  EXPECT_EQ(text(securities_movements(s, {{"H1", "00700", 300}})), "H1 00700 900; ");
  // With a new code the old shares go and the new ones come.
  auto renamed = c;
  renamed.new_security_code = "02388";
  EXPECT_EQ(text(securities_movements(renamed, {{"H1", "00388", 1001}})),
            "H1 00388 -1001; H1 02388 500; ");
}

// T-763: the scheme takes H2's 3,000 and H3's 2,200 (the consideration is cash, not here). A
// dividend or a vote moves nothing.
TEST(SecuritiesMovement, ATakeoverTakesTheSharesAndCashActionsMoveNone) {
  const auto t = action_of(ActionType::kTakeover, "00763", std::nullopt);
  EXPECT_EQ(text(securities_movements(t, {{"H2", "00763", 3000}, {"H3", "00763", 2200}})),
            "H2 00763 -3000; H3 00763 -2200; ");
  EXPECT_TRUE(securities_movements(action_of(ActionType::kCashDividend, "00005", std::nullopt),
                                   {{"H1", "00005", 1000}})
                  .empty());
  EXPECT_FALSE(moves_securities(ActionType::kVote));
}

// A scrip dividend of HKD 0.50 a share at a reference price of HKD 62.50 (CA-3): H1 holds 2,000
// and files 1,500 for scrip — 1,500 × 0.50 ÷ 62.50 = 12 new shares; H2 instructs 3,000 on its
// 1,200, refused whole (no excess): all cash, no shares; H3 instructs 130 — 65 ÷ 62.50 = 1.04,
// 1 share, the 0.04 disregarded. Another channel's instruction is not this channel's.
TEST(SecuritiesMovement, ScripSharesGoToTheSharesFiledForScrip) {
  auto a = action_of(ActionType::kScripDividend, "00005", std::nullopt);
  a.rate = Decimal::parse("0.50").value();
  a.price = Decimal::parse("62.50").value();
  a.options = {ElectionOption::kCash, ElectionOption::kScrip};
  auto instruct = [](Channel channel, const char* account, int64_t scrip) {
    ElectionInstruction i;
    i.channel = channel;
    i.account_id = account;
    i.choices = {{ElectionOption::kScrip, scrip}};
    return i;
  };
  const std::vector<clearing::Holding> holders = {
      {"H1", "00005", 2000}, {"H2", "00005", 1200}, {"H3", "00005", 130}, {"H4", "00005", 400}};
  const auto filed = scrip_filed_by_account(
      a, Channel::kShanghai,
      {instruct(Channel::kShanghai, "H1", 1500), instruct(Channel::kShanghai, "H2", 3000),
       instruct(Channel::kShanghai, "H3", 130), instruct(Channel::kShenzhen, "H4", 400)},
      holders);
  EXPECT_EQ(filed.size(), 2u);
  EXPECT_EQ(filed.at("H1"), 1500);
  EXPECT_EQ(filed.at("H3"), 130);
  EXPECT_EQ(text(securities_movements(a, holders, filed)), "H1 00005 12; H3 00005 1; ");
  EXPECT_TRUE(securities_movements(a, holders).empty());  // nobody elected: all cash
}

}  // namespace
}  // namespace cp::corpactions
