// The online opening's order of steps and its qualification step (SPEC SUIT-4), and the shipped
// opening kits (catalog/opening/) read as the server reads them.
#include "investors/opening.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "investors/opening_kit.h"

namespace cp::investors {
namespace {

std::string file_text(const std::string& relative) {
  std::ifstream in(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / relative);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(OpeningSteps, EachStepOnlyInItsTurn) {
  // The happy path: each state lets exactly its own step through.
  const std::vector<std::pair<OpeningState, OpeningStep>> path = {
      {OpeningState::kStarted, OpeningStep::kIdentity},
      {OpeningState::kIdentityChecked, OpeningStep::kQualification},
      {OpeningState::kQualified, OpeningStep::kDisclosure},
      {OpeningState::kDisclosureStudied, OpeningStep::kKnowledgeTest},
      {OpeningState::kTestPassed, OpeningStep::kAgreement}};
  for (const auto& [state, step] : path) {
    EXPECT_TRUE(require_step(state, step).ok()) << opening_state_code(state);
    for (const auto& other : path) {
      if (other.second == step) continue;
      const auto refused = require_step(state, other.second);
      ASSERT_FALSE(refused.ok());
      EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
      EXPECT_NE(
          refused.error().message.find("the step due is " + std::string(opening_step_code(step))),
          std::string::npos)
          << refused.error().message;
    }
  }
  EXPECT_EQ(state_after(OpeningStep::kIdentity), OpeningState::kIdentityChecked);
  EXPECT_EQ(state_after(OpeningStep::kAgreement), OpeningState::kSigned);
}

TEST(OpeningSteps, AnApplicationOverTakesNoStep) {
  for (const OpeningState over :
       {OpeningState::kSigned, OpeningState::kRefused, OpeningState::kAbandoned}) {
    EXPECT_FALSE(is_open(over));
    const auto refused = require_step(over, OpeningStep::kAgreement);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("no step can be taken"), std::string::npos);
  }
  for (const char* code : {"started", "identity_checked", "qualified", "disclosure_studied",
                           "test_passed", "signed", "refused", "abandoned"}) {
    auto parsed = parse_opening_state(code);
    ASSERT_TRUE(parsed.ok()) << code;
    EXPECT_EQ(opening_state_code(*parsed), code);
  }
  EXPECT_FALSE(parse_opening_state("granted").ok());
}

TEST(Qualification, JudgesWhatNoLaterStepCanMend) {
  // Before the later steps the disclosure, the test and the agreement fail; they do not count.
  Assessment a;
  for (const Rule rule : {Rule::kAccount, Rule::kQuestionnaire, Rule::kRiskLevel, Rule::kAssets,
                          Rule::kIntegrity, Rule::kWarnings, Rule::kLegalBar}) {
    a.rules.push_back({rule, true, "", ""});
  }
  for (const Rule later : {Rule::kRiskDisclosure, Rule::kKnowledgeTest, Rule::kAgreement}) {
    a.rules.push_back({later, false, "", "not yet"});
  }
  Qualification q = qualify(a);
  EXPECT_TRUE(q.passed);
  EXPECT_EQ(q.rules.size(), 7u);
  // Assets short: refused, the assets rule among the rules shown with its reason.
  a.rules[3] = {Rule::kAssets, false, "average 499,999.99", "below 500,000.00"};
  q = qualify(a);
  EXPECT_FALSE(q.passed);
  EXPECT_EQ(q.rules[3].reason, "below 500,000.00");
}

TEST(OpeningKit, TheShippedKitsReadOnBothChannels) {
  for (const Channel ch : {Channel::kShanghai, Channel::kShenzhen}) {
    const std::string dir = "catalog/opening/" + std::string(channel_code(ch)) + "/";
    auto disclosure = parse_opening_document(file_text(dir + "risk_disclosure.json"), dir,
                                             OpeningDocumentKind::kRiskDisclosure, ch);
    ASSERT_TRUE(disclosure.ok()) << disclosure.error().to_string();
    EXPECT_EQ(disclosure->sha256.size(), 64u);
    // Every risk text carries the warning of seed 002 附件3.
    EXPECT_NE(disclosure->body.zh_hans.find("市场有风险，投资需谨慎"), std::string::npos);
    auto agreement = parse_opening_document(file_text(dir + "agreement.json"), dir,
                                            OpeningDocumentKind::kAgreement, ch);
    ASSERT_TRUE(agreement.ok()) << agreement.error().to_string();
    auto bank = parse_knowledge_bank(file_text(dir + "knowledge_bank.json"), dir, ch);
    ASSERT_TRUE(bank.ok()) << bank.error().to_string();
    EXPECT_GE(bank->questions.size(), static_cast<size_t>(bank->questions_per_attempt));
  }
  // The Shanghai disclosure is not Shenzhen's.
  auto crossed = parse_opening_document(file_text("catalog/opening/sh/risk_disclosure.json"), "x",
                                        OpeningDocumentKind::kRiskDisclosure, Channel::kShenzhen);
  ASSERT_FALSE(crossed.ok());
  EXPECT_EQ(crossed.error().field, "channel");
}

TEST(OpeningKit, ABankFileIsRefusedAtTheFieldAtFault) {
  const std::string good = R"({"kind": "knowledge_bank", "channel": "sz", "version": "SZ-1",
    "questions_per_attempt": 1, "questions": [{"id": "q1",
    "text": {"en": "Q", "zh-Hant": "問", "zh-Hans": "问"},
    "choices": [{"id": "a", "text": {"en": "A", "zh-Hant": "甲", "zh-Hans": "甲"}},
                {"id": "b", "text": {"en": "B", "zh-Hant": "乙", "zh-Hans": "乙"}}],
    "answer": "a"}]})";
  ASSERT_TRUE(parse_knowledge_bank(good, "bank.json", Channel::kShenzhen).ok());
  const auto field_of = [](std::string text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
    auto parsed = parse_knowledge_bank(text, "bank.json", Channel::kShenzhen);
    return parsed.ok() ? std::string("accepted") : parsed.error().field;
  };
  EXPECT_EQ(field_of(good, R"("answer": "a")", R"("answer": "c")"), "questions[0].answer");
  EXPECT_EQ(field_of(good, R"("zh-Hans": "问")", R"("zh-Hans": "")"), "questions[0].text.zh-Hans");
  EXPECT_EQ(field_of(good, R"("questions_per_attempt": 1)", R"("questions_per_attempt": 2)"),
            "questions_per_attempt");
  EXPECT_EQ(field_of(good, R"("version": "SZ-1")", R"("version": "SZ 1")"), "version");
  EXPECT_EQ(field_of(good, R"({"id": "b")", R"({"id": "a")"), "questions[0].choices[1].id");
  EXPECT_EQ(field_of(good, R"("kind": "knowledge_bank")", R"("kind": "agreement")"), "kind");
  auto not_json = parse_knowledge_bank("{", "bank.json", Channel::kShenzhen);
  ASSERT_FALSE(not_json.ok());
  EXPECT_NE(not_json.error().message.find("bank.json"), std::string::npos);
}

}  // namespace
}  // namespace cp::investors
