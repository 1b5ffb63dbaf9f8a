// Each suitability rule at its edge, worked by hand from SPEC SUIT-1..3 and the shipped
// `suit.*` parameters (seed 002 附件2 第7、8、10条; seed 004 §2.1; domain-facts §9).
#include "investors/suitability.h"

#include <gtest/gtest.h>

#include "core/test_values.h"
#include "refdata/refdata.h"

namespace cp::investors {
namespace {

using test_values::d;
using test_values::D;

ChannelRules shipped(Channel channel, const char* date = "2026-12-07") {
  auto refdata = refdata::load_refdata(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data");
  EXPECT_TRUE(refdata.ok()) << refdata.error().to_string();
  auto rules = channel_rules(refdata->parameters, channel, d(date));
  EXPECT_TRUE(rules.ok()) << rules.error().to_string();
  return *rules;
}

// Twenty weekdays before Monday 2026-12-07, as the shell would pass them, with a holiday inside:
// Wednesday 11-18 is left out, so the window reaches back to Friday 11-06.
std::vector<Date> window() {
  std::vector<Date> days;
  for (Date day = d("2026-12-04"); days.size() < 20; day = day.plus_days(-1)) {
    if (day.weekday() == Weekday::kSaturday || day.weekday() == Weekday::kSunday) continue;
    if (day == d("2026-11-18")) continue;
    days.insert(days.begin(), day);
  }
  return days;
}

// An individual who meets every rule of both channels on 2026-12-07.
Evidence qualified(Channel channel) {
  Evidence e;
  e.a_share_account = AShareAccountState::kNormal;
  e.questionnaire = Questionnaire{d("2025-01-10"), RiskLevel::kBalanced, false};
  for (const Date day : window()) e.daily_assets_rmb[day] = D("500000.00");
  e.risk_disclosure_studied_on = d("2026-12-07");
  e.knowledge_test = KnowledgeTest{channel, d("2026-12-07"), 20, 20};
  e.agreement_signed_on = d("2026-12-07");
  return e;
}

// A copy: the assessment is often a temporary.
RuleResult rule_of(const Assessment& a, Rule rule) {
  for (const RuleResult& r : a.rules) {
    if (r.rule == rule) return r;
  }
  ADD_FAILURE() << "no rule " << rule_code(rule);
  return {};
}

TEST(Suitability, TheShippedRulesOfEachChannel) {
  const ChannelRules sh = shipped(Channel::kShanghai);
  EXPECT_EQ(sh.min_average_assets_rmb, D("500000.00"));
  EXPECT_EQ(sh.asset_window_days, 20);
  EXPECT_EQ(sh.questionnaire_valid_years, 2);
  EXPECT_EQ(sh.min_risk_level, RiskLevel::kConservative);  // all five levels
  EXPECT_TRUE(sh.knowledge_all_correct);
  EXPECT_EQ(sh.warning_lookback_months, 3);
  const ChannelRules sz = shipped(Channel::kShenzhen);
  EXPECT_EQ(sz.min_risk_level, RiskLevel::kBalanced);
  EXPECT_TRUE(sz.low_level_with_acknowledgement);
  EXPECT_FALSE(sz.knowledge_all_correct);
  EXPECT_EQ(sz.knowledge_min_score, 80);
  // Shenzhen Connect opened on 2016-12-05: no rules before it.
  auto refdata = refdata::load_refdata(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data");
  ASSERT_TRUE(refdata.ok());
  auto before = channel_rules(refdata->parameters, Channel::kShenzhen, d("2016-12-02"));
  ASSERT_FALSE(before.ok());
  EXPECT_NE(before.error().message.find("suit.min_average_assets.sz"), std::string::npos);
}

TEST(Suitability, AQualifiedIndividualIsEligibleOnBothChannels) {
  for (const Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
    const Assessment a = assess(shipped(channel), qualified(channel), d("2026-12-07"), window());
    EXPECT_TRUE(a.eligible) << channel_code(channel);
    EXPECT_EQ(a.rules.size(), 10u);
    EXPECT_EQ(rule_of(a, Rule::kAssets).evidence,
              "average 500,000.00 over 2026-11-06 to 2026-12-04 (20 trading days)");
  }
}

// 19 days at 500,000.00 and one at 499,999.99: 9,999,999.99 over 20 days is 499,999.9995 a day,
// below 500,000 (shown rounded down: 499,999.99). At 500,000.00 every day it passes (above).
TEST(Suitability, AssetsJustBelowTheAverageFail) {
  Evidence e = qualified(Channel::kShanghai);
  e.daily_assets_rmb[d("2026-11-20")] = D("499999.99");
  const Assessment a = assess(shipped(Channel::kShanghai), e, d("2026-12-07"), window());
  EXPECT_FALSE(a.eligible);
  const RuleResult assets = rule_of(a, Rule::kAssets);
  EXPECT_FALSE(assets.passed);
  EXPECT_EQ(assets.evidence, "average 499,999.99 over 2026-11-06 to 2026-12-04 (20 trading days)");
  EXPECT_EQ(assets.reason, "below RMB 500,000.00");
  // A day of the window without a record is named; a day outside the window does not count.
  e = qualified(Channel::kShanghai);
  e.daily_assets_rmb.erase(d("2026-11-06"));
  e.daily_assets_rmb[d("2026-11-18")] = D("0.00");  // the holiday: not in the window
  const RuleResult missing =
      rule_of(assess(shipped(Channel::kShanghai), e, d("2026-12-07"), window()), Rule::kAssets);
  EXPECT_FALSE(missing.passed);
  EXPECT_EQ(missing.evidence, "no assets record for 2026-11-06");
}

// Valid for 2 years: completed 2024-12-07 passes on 2026-12-07; 2024-12-06 (2 years and a day)
// fails, as does one dated after the application.
TEST(Suitability, AQuestionnaireTwoYearsAndADayOldHasExpired) {
  Evidence e = qualified(Channel::kShanghai);
  e.questionnaire->completed_on = d("2024-12-07");
  EXPECT_TRUE(rule_of(assess(shipped(Channel::kShanghai), e, d("2026-12-07"), window()),
                      Rule::kQuestionnaire)
                  .passed);
  e.questionnaire->completed_on = d("2024-12-06");
  const RuleResult old = rule_of(assess(shipped(Channel::kShanghai), e, d("2026-12-07"), window()),
                                 Rule::kQuestionnaire);
  EXPECT_FALSE(old.passed);
  EXPECT_EQ(old.reason, "older than 2 years: valid until 2026-12-06; complete it again");
  e.questionnaire->completed_on = d("2026-12-08");
  EXPECT_FALSE(rule_of(assess(shipped(Channel::kShanghai), e, d("2026-12-07"), window()),
                       Rule::kQuestionnaire)
                   .passed);
}

// Shenzhen: 80 of 100 passes, 79 fails; 16 of 20 is 80 and passes, 15 of 20 (75) fails. A
// Shanghai pass, even 20 of 20, does not carry over.
TEST(Suitability, OnShenzhenEightyPassesAndSeventyNineFails) {
  const ChannelRules sz = shipped(Channel::kShenzhen);
  Evidence e = qualified(Channel::kShenzhen);
  const auto test_with = [&](int32_t correct, int32_t questions) {
    e.knowledge_test = KnowledgeTest{Channel::kShenzhen, d("2026-12-07"), questions, correct};
    return rule_of(assess(sz, e, d("2026-12-07"), window()), Rule::kKnowledgeTest);
  };
  EXPECT_TRUE(test_with(80, 100).passed);
  const RuleResult failed = test_with(79, 100);
  EXPECT_FALSE(failed.passed);
  EXPECT_EQ(failed.reason, "a score of at least 80 is required");
  EXPECT_TRUE(test_with(16, 20).passed);
  EXPECT_FALSE(test_with(15, 20).passed);
  e.knowledge_test = KnowledgeTest{Channel::kShanghai, d("2026-12-07"), 20, 20};
  const RuleResult other = rule_of(assess(sz, e, d("2026-12-07"), window()), Rule::kKnowledgeTest);
  EXPECT_FALSE(other.passed);
  EXPECT_EQ(other.reason, "a test for another channel does not carry over: take the sz test");
}

// Shanghai: every answer right (附件2 第10条): 19 of 20 fails.
TEST(Suitability, OnShanghaiOneWrongAnswerFails) {
  Evidence e = qualified(Channel::kShanghai);
  e.knowledge_test->correct = 19;
  const RuleResult r = rule_of(assess(shipped(Channel::kShanghai), e, d("2026-12-07"), window()),
                               Rule::kKnowledgeTest);
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.evidence, "19 of 20 right on 2026-12-07 for sh");
  EXPECT_EQ(r.reason, "every answer must be right");
}

// "No warning in the last 3 months" on 2026-12-07: the months after 2026-09-07. A warning on
// 09-07 itself is outside and passes; one on 09-08 fails.
TEST(Suitability, AWarningThreeMonthsToTheDayIsOutsideTheLookback) {
  Evidence e = qualified(Channel::kShanghai);
  e.abnormal_trading_warnings = {d("2026-09-07"), d("2026-03-01")};
  const RuleResult outside =
      rule_of(assess(shipped(Channel::kShanghai), e, d("2026-12-07"), window()), Rule::kWarnings);
  EXPECT_TRUE(outside.passed);
  EXPECT_EQ(outside.evidence, "no warning after 2026-09-07");
  e.abnormal_trading_warnings.push_back(d("2026-09-08"));
  const RuleResult inside =
      rule_of(assess(shipped(Channel::kShanghai), e, d("2026-12-07"), window()), Rule::kWarnings);
  EXPECT_FALSE(inside.passed);
  EXPECT_EQ(inside.evidence, "warning of 2026-09-08");
}

TEST(Suitability, MonthsBeforeKeepsTheDayOrTheMonthsLast) {
  EXPECT_EQ(months_before(d("2026-12-07"), 3), d("2026-09-07"));
  EXPECT_EQ(months_before(d("2026-05-31"), 3), d("2026-02-28"));
  EXPECT_EQ(months_before(d("2024-05-31"), 3), d("2024-02-29"));
  EXPECT_EQ(months_before(d("2026-01-15"), 24), d("2024-01-15"));
  EXPECT_EQ(months_before(d("2026-02-10"), 3), d("2025-11-10"));
  // Completed on a leap day: valid through 2026-02-28, expired on 03-01.
  EXPECT_EQ(questionnaire_valid_until(d("2024-02-29"), 2), d("2026-02-28"));
  EXPECT_EQ(questionnaire_valid_until(d("2024-12-07"), 2), d("2026-12-07"));
}

// Shenzhen admits 稳健型 and above; a lower level only with the written acknowledgement after a
// warning. Shanghai admits all five.
TEST(Suitability, ALowerRiskLevelOnShenzhenNeedsTheAcknowledgement) {
  Evidence e = qualified(Channel::kShenzhen);
  e.questionnaire->level = RiskLevel::kModeratelyConservative;
  const RuleResult refused =
      rule_of(assess(shipped(Channel::kShenzhen), e, d("2026-12-07"), window()), Rule::kRiskLevel);
  EXPECT_FALSE(refused.passed);
  EXPECT_EQ(refused.reason,
            "below balanced: admitted only with a written acknowledgement after a warning");
  e.questionnaire->low_level_acknowledged = true;
  EXPECT_TRUE(
      rule_of(assess(shipped(Channel::kShenzhen), e, d("2026-12-07"), window()), Rule::kRiskLevel)
          .passed);
  Evidence sh = qualified(Channel::kShanghai);
  sh.questionnaire->level = RiskLevel::kConservative;
  EXPECT_TRUE(assess(shipped(Channel::kShanghai), sh, d("2026-12-07"), window()).eligible);
}

// SUIT-3: an institution has no asset, disclosure-study or knowledge rules; the account, the
// questionnaire, integrity, warnings, the bar and the agreement remain.
TEST(Suitability, AnInstitutionHasNoAssetOrKnowledgeRules) {
  Evidence e;
  e.type = InvestorType::kInstitution;
  e.a_share_account = AShareAccountState::kNormal;
  e.questionnaire = Questionnaire{d("2026-06-01"), RiskLevel::kAggressive, false};
  e.agreement_signed_on = d("2026-12-07");
  const Assessment a = assess(shipped(Channel::kShanghai), e, d("2026-12-07"), {});
  EXPECT_TRUE(a.eligible);
  EXPECT_EQ(a.rules.size(), 6u);
  e.a_share_account = AShareAccountState::kNotDesignated;
  e.legally_barred = true;
  const Assessment refused = assess(shipped(Channel::kShanghai), e, d("2026-12-07"), {});
  EXPECT_FALSE(refused.eligible);
  EXPECT_EQ(rule_of(refused, Rule::kAccount).reason,
            "the A-share account is designated at another broker");
  EXPECT_FALSE(rule_of(refused, Rule::kLegalBar).passed);
}

// The agreement is signed last: signed on 12-04, after the disclosure study (12-03) but before
// the knowledge test (12-07), it is refused; so is no agreement at all.
TEST(Suitability, TheAgreementIsSignedLast) {
  Evidence e = qualified(Channel::kShanghai);
  e.risk_disclosure_studied_on = d("2026-12-03");
  e.knowledge_test->taken_on = d("2026-12-07");
  e.agreement_signed_on = d("2026-12-04");
  const RuleResult early =
      rule_of(assess(shipped(Channel::kShanghai), e, d("2026-12-07"), window()), Rule::kAgreement);
  EXPECT_FALSE(early.passed);
  EXPECT_EQ(early.reason,
            "signed before the knowledge test (2026-12-07): the agreement is signed last");
  e.agreement_signed_on.reset();
  EXPECT_FALSE(assess(shipped(Channel::kShanghai), e, d("2026-12-07"), window()).eligible);
}

}  // namespace
}  // namespace cp::investors
