#include "investors/knowledge_sheet.h"

#include <numeric>
#include <set>

#include "core/split_mix64.h"

namespace cp::investors {

std::vector<std::string> draw_questions(const KnowledgeBank& bank, uint64_t seed) {
  std::vector<size_t> order(bank.questions.size());
  std::iota(order.begin(), order.end(), 0);
  SplitMix64 random(seed);  // core/split_mix64.h
  const size_t wanted = static_cast<size_t>(bank.questions_per_attempt);
  std::vector<std::string> out;
  // The first `wanted` places of a Fisher–Yates shuffle.
  for (size_t i = 0; i < wanted && i < order.size(); ++i) {
    const size_t j = i + static_cast<size_t>(random.uniform_below(order.size() - i));
    std::swap(order[i], order[j]);
    out.push_back(bank.questions[order[i]].id);
  }
  return out;
}

Result<MarkedSheet> mark_sheet(const KnowledgeBank& bank, const std::vector<std::string>& drawn,
                               const AnswerSheet& sheet) {
  if (sheet.bank_version != bank.version) {
    return invalid_input("the answer sheet is for question bank version '" + sheet.bank_version +
                             "'; this attempt was drawn from version '" + bank.version + "'",
                         "bank_version");
  }
  const std::set<std::string> asked(drawn.begin(), drawn.end());
  for (const auto& [question, choice] : sheet.answers) {
    if (!asked.count(question)) {
      return invalid_input("question '" + question + "' was not drawn in this attempt", "answers");
    }
  }
  MarkedSheet out;
  for (const std::string& id : drawn) {
    const KnowledgeQuestion* question = bank.find(id);
    if (question == nullptr) {
      return invalid_input("question '" + id + "' is not in bank version " + bank.version,
                           "bank_version");
    }
    const auto answer = sheet.answers.find(id);
    if (answer == sheet.answers.end()) {
      return invalid_input("question '" + id + "' is not answered", "answers");
    }
    bool offered = false;
    for (const auto& choice : question->choices) offered = offered || choice.id == answer->second;
    if (!offered) {
      return invalid_input("question '" + id + "' has no choice '" + answer->second + "'",
                           "answers");
    }
    ++out.questions;
    if (answer->second == question->answer) {
      ++out.correct;
    } else {
      out.wrong.push_back(id);
    }
  }
  return out;
}

}  // namespace cp::investors
