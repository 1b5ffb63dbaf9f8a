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

// One account's instruction of `quantity` for `option`.
ElectionInstruction instruction(Channel channel, const char* account, ElectionOption option,
                                int64_t quantity) {
  ElectionInstruction i;
  i.channel = channel;
  i.account_id = account;
  i.choices = {{option, quantity}};
  return i;
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
  const auto instruct = [](Channel channel, const char* account, int64_t scrip) {
    return instruction(channel, account, ElectionOption::kScrip, scrip);
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

// R-5 of tests/golden/ca/rights: 1 right (29876) for every 5 shares of 00005 at HKD 3.50, record
// date 2025-09-10, CSDC's deadline 09-24 16:00, payment date 10-03 ([D] docs/corpactions.md
// "Rights taken up").
CorporateAction rights_r5() {
  auto a = action_of(ActionType::kRightsIssue, "00005", Ratio{1, 5});
  a.new_security_code = "29876";
  a.record_date = *Date::parse("2025-09-10");
  a.payment_date = *Date::parse("2025-10-03");
  a.price = Decimal::parse("3.50").value();
  a.options = {ElectionOption::kTakeUp};
  a.election_open = HktInstant{*Date::parse("2025-09-15"), *TimeOfDay::from_hms(9, 0, 0)};
  a.csdc_deadline = HktInstant{*Date::parse("2025-09-24"), *TimeOfDay::from_hms(16, 0, 0)};
  return a;
}

// Two steps: the rights the day after the record date (09-11), the shares on the payment date.
// Each step in a window only once; an open offer (no tradable rights) has only the second. The
// rights read the record date's close; the payment date reads the close before it (10-02), and
// the filing the close before CSDC's deadline (09-23) — the record date's for an open offer, and
// never the payment date's own.
TEST(SecuritiesMovement, ARightsIssueMovesSecuritiesTheDayAfterItsRecordDateAndOnItsPaymentDate) {
  const auto r = rights_r5();
  const auto d = [](const char* text) { return *Date::parse(text); };
  auto steps = securities_steps_in(r, d("2025-09-10"), d("2025-09-11"));
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].step, SecuritiesStep::kRightsCredit);
  EXPECT_EQ(steps[0].date, d("2025-09-11"));
  EXPECT_EQ(step_basis(r, steps[0]), d("2025-09-10"));
  EXPECT_TRUE(securities_steps_in(r, d("2025-09-11"), d("2025-10-02")).empty());
  steps = securities_steps_in(r, d("2025-09-01"), d("2025-10-31"));
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[1].step, SecuritiesStep::kDistribution);
  EXPECT_EQ(steps[1].date, d("2025-10-03"));
  EXPECT_EQ(step_basis(r, steps[1]), d("2025-10-02"));
  EXPECT_EQ(take_up_basis(r), d("2025-09-23"));

  auto offer = r;
  offer.type = ActionType::kOpenOffer;
  offer.new_security_code.clear();
  steps = securities_steps_in(offer, d("2025-09-01"), d("2025-10-31"));
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].step, SecuritiesStep::kDistribution);
  EXPECT_EQ(take_up_basis(offer), d("2025-09-10"));
  auto late = r;
  late.csdc_deadline = HktInstant{d("2025-10-03"), *TimeOfDay::from_hms(16, 0, 0)};
  EXPECT_EQ(take_up_basis(late), d("2025-10-02"));
}

// The rights: H1's 2,002 carry 400 (2/5 not credited), H2's 1,000 carry 200; another security
// none. Once credited the rights held are what may be taken up — H1 sold 100, so 300 — and
// before, the shares' rights.
TEST(SecuritiesMovement, RightsAreCreditedFromTheRecordDateAndTakenUpAsHeld) {
  const auto r = rights_r5();
  EXPECT_EQ(text(rights_credit_movements(
                r, {{"H1", "00005", 2002}, {"H2", "00005", 1000}, {"H3", "00700", 500}})),
            "H1 29876 400; H2 29876 200; ");
  const std::vector<clearing::Holding> at_filing = {
      {"H1", "00005", 2002}, {"H1", "29876", 300}, {"H2", "00005", 1000}, {"H2", "29876", 200}};
  EXPECT_EQ(take_up_eligible(r, at_filing, *Date::parse("2025-09-23")),
            (std::map<std::string, int64_t>{{"H1", 300}, {"H2", 200}}));
  EXPECT_EQ(take_up_eligible(r, at_filing, *Date::parse("2025-09-10")),
            (std::map<std::string, int64_t>{{"H1", 400}, {"H2", 200}}));
}

// The filing (CA-3): H1 takes up its 300; H2 instructs 250 on 200 rights — an excess application,
// not offered (CA-1) — refused whole; a Shenzhen instruction is not Shanghai's. On the payment
// date H1 gets 300 new shares, and every right still held goes: H1's 300 (taken up), H2's 200
// (lapsed).
TEST(SecuritiesMovement, TheSharesTakenUpComeInAndTheRightsGo) {
  const auto r = rights_r5();
  const auto instruct = [](Channel channel, const char* account, int64_t rights) {
    return instruction(channel, account, ElectionOption::kTakeUp, rights);
  };
  const auto filed = take_up_filed_by_account(
      r, Channel::kShanghai,
      {instruct(Channel::kShanghai, "H1", 300), instruct(Channel::kShanghai, "H2", 250),
       instruct(Channel::kShenzhen, "H3", 100)},
      {{"H1", 300}, {"H2", 200}});
  EXPECT_EQ(filed, (std::map<std::string, int64_t>{{"H1", 300}}));
  EXPECT_EQ(text(securities_movements(r, {{"H1", "29876", 300}, {"H2", "29876", 200}}, filed)),
            "H1 00005 300; H1 29876 -300; H2 29876 -200; ");
  // An open offer has no rights to lapse: only the shares taken up.
  auto offer = r;
  offer.type = ActionType::kOpenOffer;
  offer.new_security_code.clear();
  EXPECT_EQ(text(securities_movements(offer, {{"H1", "00005", 2002}}, {{"H1", 400}})),
            "H1 00005 400; ");
}

}  // namespace
}  // namespace cp::corpactions
