// The online knowledge test's draw and marking (SPEC SUIT-4), and the pass marks of each channel
// worked by hand: Shanghai every answer right (seed 002 附件2 第10条), Shenzhen 80 of 100 (seed
// 004 §2.1; suit.knowledge_min_score.*).
#include "investors/knowledge_sheet.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/test_values.h"
#include "investors/suitability.h"

namespace cp::investors {
namespace {

// A bank of `n` questions q1…qn, each with choices a, b, c; the right answer is b.
KnowledgeBank bank_of(int n, int per_attempt, const std::string& version = "T-1") {
  KnowledgeBank bank;
  bank.version = version;
  bank.questions_per_attempt = per_attempt;
  for (int i = 1; i <= n; ++i) {
    KnowledgeQuestion q;
    q.id = "q" + std::to_string(i);
    for (const char* c : {"a", "b", "c"}) q.choices.push_back({c, {}});
    q.answer = "b";
    bank.questions.push_back(q);
  }
  return bank;
}

// Every drawn question answered right but the first `wrong` of them.
AnswerSheet sheet_for(const std::vector<std::string>& drawn, int wrong,
                      const std::string& version = "T-1") {
  AnswerSheet sheet{version, {}};
  for (size_t i = 0; i < drawn.size(); ++i) {
    sheet.answers[drawn[i]] = static_cast<int>(i) < wrong ? "c" : "b";
  }
  return sheet;
}

TEST(DrawQuestions, DrawsTheBanksNumberOfDistinctQuestionsTheSameForTheSameSeed) {
  const KnowledgeBank bank = bank_of(12, 10);
  const auto drawn = draw_questions(bank, 42);
  ASSERT_EQ(drawn.size(), 10u);
  EXPECT_EQ(std::set<std::string>(drawn.begin(), drawn.end()).size(), 10u);
  for (const auto& id : drawn) EXPECT_NE(bank.find(id), nullptr) << id;
  EXPECT_EQ(draw_questions(bank, 42), drawn);
  // Another seed draws another attempt (12·11·…·3 orders: two seeds agreeing is a fault).
  EXPECT_NE(draw_questions(bank, 43), drawn);
}

TEST(DrawQuestions, EveryQuestionIsEquallyLikelyFirst) {
  // 10,000 draws of 1 from 5: each question expected 2,000 times first, with a standard
  // deviation of √(10,000 · 0.2 · 0.8) = 40; ±300 is 7.5 of them, so a fair draw never fails
  // and a draw that favours one question by 15% always does.
  const KnowledgeBank bank = bank_of(5, 1);
  std::map<std::string, int> first;
  for (uint64_t seed = 0; seed < 10'000; ++seed) ++first[draw_questions(bank, seed).front()];
  ASSERT_EQ(first.size(), 5u);
  for (const auto& [id, times] : first) {
    EXPECT_GT(times, 1700) << id;
    EXPECT_LT(times, 2300) << id;
  }
}

TEST(MarkSheet, CountsTheRightAnswersAndNamesTheWrongOnes) {
  const KnowledgeBank bank = bank_of(12, 10);
  const auto drawn = draw_questions(bank, 7);
  auto marked = mark_sheet(bank, drawn, sheet_for(drawn, 2));
  ASSERT_TRUE(marked.ok()) << marked.error().to_string();
  EXPECT_EQ(marked->questions, 10);
  EXPECT_EQ(marked->correct, 8);
  EXPECT_EQ(marked->wrong, (std::vector<std::string>{drawn[0], drawn[1]}));
}

TEST(MarkSheet, PassesEachChannelsMark) {
  ChannelRules sh;
  sh.knowledge_all_correct = true;
  sh.knowledge_min_score = 100;
  ChannelRules sz;
  sz.knowledge_min_score = 80;
  // Shanghai: 10 of 10 passes, 9 of 10 does not (every answer right).
  EXPECT_TRUE(knowledge_score_passes(sh, 10, 10));
  EXPECT_FALSE(knowledge_score_passes(sh, 10, 9));
  // Shenzhen: 8 × 100 = 800 ≥ 80 × 10 = 800 passes; 7 × 100 = 700 < 800 does not.
  EXPECT_TRUE(knowledge_score_passes(sz, 10, 8));
  EXPECT_FALSE(knowledge_score_passes(sz, 10, 7));
  // 79 of 100 against 80 of 100: 7,900 < 8,000 and 8,000 ≥ 8,000.
  EXPECT_FALSE(knowledge_score_passes(sz, 100, 79));
  EXPECT_TRUE(knowledge_score_passes(sz, 100, 80));
}

TEST(MarkSheet, RefusesASheetForAnotherBankVersion) {
  const KnowledgeBank bank = bank_of(12, 10, "SZ-2026-2");
  const auto drawn = draw_questions(bank, 1);
  auto marked = mark_sheet(bank, drawn, sheet_for(drawn, 0, "SZ-2026-1"));
  ASSERT_FALSE(marked.ok());
  EXPECT_EQ(marked.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(marked.error().field, "bank_version");
  EXPECT_NE(marked.error().message.find("SZ-2026-1"), std::string::npos);
}

TEST(MarkSheet, RefusesAQuestionLeftOutOneNotDrawnAndAChoiceNotOffered) {
  const KnowledgeBank bank = bank_of(12, 10);
  const auto drawn = draw_questions(bank, 3);
  AnswerSheet missing = sheet_for(drawn, 0);
  missing.answers.erase(drawn[4]);
  auto marked = mark_sheet(bank, drawn, missing);
  ASSERT_FALSE(marked.ok());
  EXPECT_EQ(marked.error().field, "answers");
  EXPECT_NE(marked.error().message.find(drawn[4] + "' is not answered"), std::string::npos);

  // The two questions left out of the draw: answering one of them is refused.
  std::string not_drawn;
  for (const auto& q : bank.questions) {
    if (std::find(drawn.begin(), drawn.end(), q.id) == drawn.end()) not_drawn = q.id;
  }
  AnswerSheet extra = sheet_for(drawn, 0);
  extra.answers[not_drawn] = "b";
  marked = mark_sheet(bank, drawn, extra);
  ASSERT_FALSE(marked.ok());
  EXPECT_NE(marked.error().message.find("was not drawn"), std::string::npos);

  AnswerSheet odd = sheet_for(drawn, 0);
  odd.answers[drawn[0]] = "z";
  marked = mark_sheet(bank, drawn, odd);
  ASSERT_FALSE(marked.ok());
  EXPECT_NE(marked.error().message.find("has no choice 'z'"), std::string::npos);
}

}  // namespace
}  // namespace cp::investors
