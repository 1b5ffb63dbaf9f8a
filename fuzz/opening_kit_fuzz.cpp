// The online opening's files of catalog/opening/<channel>/ (src/investors/opening_kit.h): the
// risk disclosure and the agreement (parse_opening_document) and the knowledge test's question
// bank (parse_knowledge_bank), then the bank's draw and marking (investors/knowledge_sheet.h).
//
// Input: the first byte picks the file (modulo 3: risk_disclosure, agreement, knowledge_bank),
// the rest is its JSON text, read for the Shanghai channel.
//
// Properties: no crash and no exception; a refusal is invalid input naming the file and a field;
// a parsed document has a version and its hash (64 hex digits); a parsed bank's question ids are
// unique, each answer is one of its question's choices, and 1 ≤ questions_per_attempt ≤ the
// questions; a draw gives that many distinct questions of the bank; the sheet of the right
// answers scores every one, a sheet with one answer changed scores one less, and a sheet for
// another version is refused on "bank_version".
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "investors/knowledge_sheet.h"
#include "investors/opening_kit.h"

namespace {

using namespace cp;
using investors::OpeningDocumentKind;

bool hex64(const std::string& text) {
  if (text.size() != 64) return false;
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

void check_refusal(const Error& error) {
  CP_FUZZ_CHECK(error.code == ErrorCode::kInvalidInput, "a refused file is invalid input");
  CP_FUZZ_CHECK(error.message.rfind("opening.json: ", 0) == 0, "a refusal names the file");
  CP_FUZZ_CHECK(!error.field.empty(), "a refusal names the field");
}

void check_bank(const investors::KnowledgeBank& bank, uint64_t seed) {
  std::set<std::string> ids;
  for (const auto& q : bank.questions) {
    CP_FUZZ_CHECK(ids.insert(q.id).second, "question ids are unique");
    bool offered = false;
    for (const auto& c : q.choices) offered = offered || c.id == q.answer;
    CP_FUZZ_CHECK(offered, "each answer is one of its choices");
  }
  CP_FUZZ_CHECK(bank.questions_per_attempt >= 1 &&
                    static_cast<size_t>(bank.questions_per_attempt) <= bank.questions.size(),
                "1 <= questions_per_attempt <= questions");
  const auto drawn = investors::draw_questions(bank, seed);
  CP_FUZZ_CHECK(drawn.size() == static_cast<size_t>(bank.questions_per_attempt),
                "a draw gives questions_per_attempt questions");
  CP_FUZZ_CHECK(std::set<std::string>(drawn.begin(), drawn.end()).size() == drawn.size(),
                "a draw gives distinct questions");
  investors::AnswerSheet right{bank.version, {}};
  for (const auto& id : drawn) right.answers[id] = bank.find(id)->answer;
  auto marked = investors::mark_sheet(bank, drawn, right);
  CP_FUZZ_CHECK(marked.ok(), "the right answers are a valid sheet");
  CP_FUZZ_CHECK(marked->correct == marked->questions && marked->wrong.empty(),
                "the right answers score every question");
  const auto* first = bank.find(drawn.front());
  investors::AnswerSheet one_wrong = right;
  one_wrong.answers[first->id] = first->choices.front().id == first->answer
                                     ? first->choices.back().id
                                     : first->choices.front().id;
  marked = investors::mark_sheet(bank, drawn, one_wrong);
  CP_FUZZ_CHECK(marked.ok() && marked->correct == marked->questions - 1,
                "one answer changed scores one less");
  investors::AnswerSheet other = right;
  other.bank_version += "x";
  const auto refused = investors::mark_sheet(bank, drawn, other);
  CP_FUZZ_CHECK(!refused.ok() && refused.error().field == "bank_version",
                "a sheet for another version is refused");
}

void fuzz_one(const uint8_t* data, size_t size) {
  if (size == 0) return;
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  switch (data[0] % 3) {
    case 0:
    case 1: {
      const auto kind =
          data[0] % 3 == 0 ? OpeningDocumentKind::kRiskDisclosure : OpeningDocumentKind::kAgreement;
      auto doc = investors::parse_opening_document(text, "opening.json", kind, Channel::kShanghai);
      if (!doc.ok()) return check_refusal(doc.error());
      CP_FUZZ_CHECK(!doc->version.empty() && hex64(doc->sha256), "a version and its hash");
      CP_FUZZ_CHECK(
          !doc->body.en.empty() && !doc->body.zh_hant.empty() && !doc->body.zh_hans.empty(),
          "a body in the three languages");
      break;
    }
    default: {
      auto bank = investors::parse_knowledge_bank(text, "opening.json", Channel::kShanghai);
      if (!bank.ok()) return check_refusal(bank.error());
      CP_FUZZ_CHECK(hex64(bank->sha256), "a bank's hash");
      check_bank(*bank, size * 0x9e3779b97f4a7c15ULL);
      break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz_one(data, size);
  return 0;
}
