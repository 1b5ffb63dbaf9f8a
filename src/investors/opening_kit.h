// What the online opening shows the investor (SPEC SUIT-4; seed 002 附件2 第9–12条, seed 004
// §2.1): per channel, the risk disclosure statement to study, the knowledge test's question bank
// and the agreement to sign, each a versioned file the broker publishes in catalog/opening/.
// Pure: the shell reads the files and passes their text in; each document is identified by the
// SHA-256 of its file, which the investor's archive and the signed agreement record.
//
// <channel>/risk_disclosure.json, <channel>/agreement.json :=
//   {"kind": "risk_disclosure" | "agreement", "channel": "sh" | "sz", "version": V,
//    "title": T, "body": T}
//   where T := {"en": text, "zh-Hant": text, "zh-Hans": text}, each non-empty.
// <channel>/knowledge_bank.json :=
//   {"kind": "knowledge_bank", "channel": "sh" | "sz", "version": V,
//    "questions_per_attempt": N,
//    "questions": [{"id": Q, "text": T, "choices": [{"id": C, "text": T}, …], "answer": C}, …]}
//   V: 1–32 of A–Z a–z 0–9 . _ -; Q, C: 1–16 of a–z 0–9 _ -, unique in their list; 2–6 choices,
//   the answer one of them; 1 ≤ N ≤ the number of questions ≤ 1,000.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/local_text.h"
#include "core/market.h"
#include "core/result.h"

namespace cp::investors {

enum class OpeningDocumentKind : uint8_t { kRiskDisclosure, kAgreement };
// "risk_disclosure", "agreement"
std::string_view opening_document_code(OpeningDocumentKind kind);

struct OpeningDocument {
  OpeningDocumentKind kind = OpeningDocumentKind::kRiskDisclosure;
  Channel channel = Channel::kShanghai;
  std::string version;
  LocalText title;
  LocalText body;
  std::string sha256;  // of the file's bytes, lower-case hex
};

struct KnowledgeChoice {
  std::string id;
  LocalText text;
};

struct KnowledgeQuestion {
  std::string id;
  LocalText text;
  std::vector<KnowledgeChoice> choices;
  std::string answer;  // a choice's id; never sent to the page
};

struct KnowledgeBank {
  Channel channel = Channel::kShanghai;
  std::string version;
  int32_t questions_per_attempt = 0;
  std::vector<KnowledgeQuestion> questions;
  std::string sha256;

  // The question `id`, or nullptr.
  const KnowledgeQuestion* find(std::string_view id) const;
};

// One channel's documents and bank.
struct OpeningKit {
  OpeningDocument risk_disclosure;
  OpeningDocument agreement;
  KnowledgeBank bank;
};

// Parses a document file's `text`; errors name `source` and the field. Refuses a file of
// another kind or channel than asked.
Result<OpeningDocument> parse_opening_document(std::string_view text, const std::string& source,
                                               OpeningDocumentKind kind, Channel channel);
Result<KnowledgeBank> parse_knowledge_bank(std::string_view text, const std::string& source,
                                           Channel channel);

}  // namespace cp::investors
