// The online knowledge test (SPEC SUIT-4; seed 002 附件2 第10条, seed 004 §2.1): each attempt
// draws its own questions from the channel's bank, the investor answers every one, and the
// sheet is marked against the bank version it was drawn from. Whether the marks pass is the
// suitability rule's to say (investors/suitability.h knowledge_score_passes): every answer right
// on Shanghai, a score of at least 80 on Shenzhen. Pure: the shell passes the random seed in.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "investors/opening_kit.h"

namespace cp::investors {

// `bank.questions_per_attempt` distinct question ids drawn from the bank by `seed` (a
// Fisher–Yates shuffle driven by SplitMix64): the same seed draws the same questions, each
// question equally likely in each place. The shell seeds it from a cryptographic source.
std::vector<std::string> draw_questions(const KnowledgeBank& bank, uint64_t seed);

// What the investor sent: the bank version the page showed and one choice per question.
struct AnswerSheet {
  std::string bank_version;
  std::map<std::string, std::string> answers;  // question id → choice id
};

struct MarkedSheet {
  int32_t questions = 0;
  int32_t correct = 0;
  std::vector<std::string> wrong;  // the ids of the questions answered wrong, in drawn order
};

// Marks `sheet` against the attempt's `drawn` questions of `bank`. Refuses (kInvalidInput) a
// sheet for another bank version (field "bank_version"), and (field "answers") a question not
// drawn, one left unanswered, or a choice the question does not have, each named.
Result<MarkedSheet> mark_sheet(const KnowledgeBank& bank, const std::vector<std::string>& drawn,
                               const AnswerSheet& sheet);

}  // namespace cp::investors
