#include "investors/opening_kit.h"

#include <nlohmann/json.hpp>
#include <set>

#include "audit/audit_chain.h"

namespace cp::investors {
namespace {

using Json = nlohmann::json;

constexpr size_t kVersionLengthMax = 32;
constexpr size_t kIdLengthMax = 16;
constexpr size_t kChoicesMin = 2;
constexpr size_t kChoicesMax = 6;
constexpr size_t kQuestionsMax = 1000;

bool version_text(std::string_view v) {
  if (v.empty() || v.size() > kVersionLengthMax) return false;
  for (const char c : v) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool id_text(std::string_view v) {
  if (v.empty() || v.size() > kIdLengthMax) return false;
  for (const char c : v) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// The reader of one file: every refusal names the file and the field's path.
class Reader {
 public:
  explicit Reader(const std::string& source) : source_(source) {}

  Error refuse(const std::string& field, const std::string& why) const {
    return invalid_input(source_ + ": " + field + ": " + why, field);
  }

  Result<std::string> text(const Json& object, const std::string& key,
                           const std::string& path) const {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
      return refuse(path + key, "a non-empty text is required");
    }
    return it->get<std::string>();
  }

  Result<LocalText> local(const Json& object, const std::string& key,
                          const std::string& path) const {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_object()) {
      return refuse(path + key, "an object with en, zh-Hant and zh-Hans is required");
    }
    LocalText out;
    const std::string inner = path + key + ".";
    CP_ASSIGN_OR_RETURN(out.en, text(*it, "en", inner));
    CP_ASSIGN_OR_RETURN(out.zh_hant, text(*it, "zh-Hant", inner));
    CP_ASSIGN_OR_RETURN(out.zh_hans, text(*it, "zh-Hans", inner));
    return out;
  }

  Result<Json> root(std::string_view file_text) const {
    Json j = Json::parse(file_text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) return refuse("file", "not a JSON object in UTF-8");
    return j;
  }

  Result<void> header(const Json& j, std::string_view kind, Channel channel,
                      std::string& version) const {
    CP_ASSIGN_OR_RETURN(const std::string found_kind, text(j, "kind", ""));
    if (found_kind != kind) {
      return refuse("kind", "'" + found_kind + "' where " + std::string(kind) + " is expected");
    }
    CP_ASSIGN_OR_RETURN(const std::string found_channel, text(j, "channel", ""));
    if (found_channel != channel_code(channel)) {
      return refuse("channel", "'" + found_channel + "' where " +
                                   std::string(channel_code(channel)) + " is expected");
    }
    CP_ASSIGN_OR_RETURN(version, text(j, "version", ""));
    if (!version_text(version)) {
      return refuse("version", "1–32 of A–Z, a–z, 0–9, '.', '_' and '-' are allowed");
    }
    return Ok{};
  }

 private:
  const std::string& source_;
};

}  // namespace

std::string_view opening_document_code(OpeningDocumentKind kind) {
  return kind == OpeningDocumentKind::kRiskDisclosure ? "risk_disclosure" : "agreement";
}

const KnowledgeQuestion* KnowledgeBank::find(std::string_view id) const {
  for (const auto& q : questions) {
    if (q.id == id) return &q;
  }
  return nullptr;
}

Result<OpeningDocument> parse_opening_document(std::string_view text, const std::string& source,
                                               OpeningDocumentKind kind, Channel channel) {
  const Reader r(source);
  CP_ASSIGN_OR_RETURN(const Json j, r.root(text));
  OpeningDocument out;
  out.kind = kind;
  out.channel = channel;
  CP_RETURN_IF_ERROR(r.header(j, opening_document_code(kind), channel, out.version));
  CP_ASSIGN_OR_RETURN(out.title, r.local(j, "title", ""));
  CP_ASSIGN_OR_RETURN(out.body, r.local(j, "body", ""));
  out.sha256 = audit::sha256_hex(text);
  return out;
}

Result<KnowledgeBank> parse_knowledge_bank(std::string_view text, const std::string& source,
                                           Channel channel) {
  const Reader r(source);
  CP_ASSIGN_OR_RETURN(const Json j, r.root(text));
  KnowledgeBank out;
  out.channel = channel;
  CP_RETURN_IF_ERROR(r.header(j, "knowledge_bank", channel, out.version));
  const auto questions = j.find("questions");
  if (questions == j.end() || !questions->is_array() || questions->empty() ||
      questions->size() > kQuestionsMax) {
    return r.refuse("questions", "a list of 1 to 1,000 questions is required");
  }
  std::set<std::string> question_ids;
  for (size_t i = 0; i < questions->size(); ++i) {
    const Json& q = (*questions)[i];
    const std::string path = "questions[" + std::to_string(i) + "].";
    if (!q.is_object()) return r.refuse(path.substr(0, path.size() - 1), "an object is required");
    KnowledgeQuestion question;
    CP_ASSIGN_OR_RETURN(question.id, r.text(q, "id", path));
    if (!id_text(question.id) || !question_ids.insert(question.id).second) {
      return r.refuse(path + "id", "'" + question.id + "' is not a new id of a–z, 0–9, _ and -");
    }
    CP_ASSIGN_OR_RETURN(question.text, r.local(q, "text", path));
    const auto choices = q.find("choices");
    if (choices == q.end() || !choices->is_array() || choices->size() < kChoicesMin ||
        choices->size() > kChoicesMax) {
      return r.refuse(path + "choices", "2 to 6 choices are required");
    }
    std::set<std::string> choice_ids;
    for (size_t c = 0; c < choices->size(); ++c) {
      const Json& choice = (*choices)[c];
      const std::string choice_path = path + "choices[" + std::to_string(c) + "].";
      if (!choice.is_object()) return r.refuse(choice_path + "id", "an object is required");
      KnowledgeChoice parsed;
      CP_ASSIGN_OR_RETURN(parsed.id, r.text(choice, "id", choice_path));
      if (!id_text(parsed.id) || !choice_ids.insert(parsed.id).second) {
        return r.refuse(choice_path + "id", "'" + parsed.id + "' is not a new id");
      }
      CP_ASSIGN_OR_RETURN(parsed.text, r.local(choice, "text", choice_path));
      question.choices.push_back(std::move(parsed));
    }
    CP_ASSIGN_OR_RETURN(question.answer, r.text(q, "answer", path));
    if (!choice_ids.count(question.answer)) {
      return r.refuse(path + "answer", "'" + question.answer + "' is not one of its choices");
    }
    out.questions.push_back(std::move(question));
  }
  const auto drawn = j.find("questions_per_attempt");
  if (drawn == j.end() || !drawn->is_number_integer() || drawn->get<int64_t>() < 1 ||
      drawn->get<int64_t>() > static_cast<int64_t>(out.questions.size())) {
    return r.refuse("questions_per_attempt",
                    "a whole number from 1 to the number of questions is required");
  }
  out.questions_per_attempt = static_cast<int32_t>(drawn->get<int64_t>());
  out.sha256 = audit::sha256_hex(text);
  return out;
}

}  // namespace cp::investors
