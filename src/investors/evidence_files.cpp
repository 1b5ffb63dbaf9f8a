#include "investors/evidence_files.h"

#include <set>
#include <tuple>
#include <utility>

#include "clearing/csv_fields.h"

namespace cp::investors {
namespace {

constexpr size_t kAccountIdMax = 40;
// More than any investor holds; keeps sums within the decimal type.
const Decimal kAssetsMax = Decimal::from_int(1'000'000'000'000);
constexpr int64_t kCountMax = 9999;

Result<std::string> account_field(const CsvReader& reader, const CsvRecord& record, size_t col) {
  std::string id(record[col]);
  if (id.empty() || id.size() > kAccountIdMax) {
    return reader.field_error(record, col, "account_id must be 1 to 40 characters");
  }
  return id;
}

// An RMB amount of at most two decimals within ±kAssetsMax; below zero only when `signed_ok`.
Result<Decimal> rmb_field(const CsvReader& reader, const CsvRecord& record, size_t col,
                          bool signed_ok) {
  auto value = Decimal::parse(record[col]);
  if (!value.ok()) return reader.field_error(record, col, value.error().message);
  if (value->scale() > 2) {
    return reader.field_error(record, col, "an RMB amount has at most two decimals");
  }
  if (value->is_negative() && !signed_ok) {
    return reader.field_error(record, col, "must not be below zero");
  }
  if (*value > kAssetsMax || -*value > kAssetsMax) {
    return reader.field_error(record, col, "above RMB 1,000,000,000,000");
  }
  return value->round(2, Rounding::kHalfUp);  // lossless: at most two decimals
}

Result<Date> past_date_field(const CsvReader& reader, const CsvRecord& record, size_t col,
                             Date today) {
  CP_ASSIGN_OR_RETURN(const Date date, clearing::date_field(reader, record, col));
  if (date > today) {
    return reader.field_error(record, col,
                              date.to_string() + " is after today, " + today.to_string());
  }
  return date;
}

// A test's questions and right answers: a sheet of at most 9,999 questions.
Result<int32_t> count_field(const CsvReader& reader, const CsvRecord& record, size_t col) {
  CP_ASSIGN_OR_RETURN(const int64_t count,
                      clearing::whole_number_field(reader, record, col, kCountMax));
  return static_cast<int32_t>(count);
}

Result<bool> yes_no_field(const CsvReader& reader, const CsvRecord& record, size_t col) {
  const std::string_view text = record[col];
  if (text != "yes" && text != "no")
    return reader.field_error(record, col, "yes or no is expected");
  return text == "yes";
}

}  // namespace

std::string_view permission_document_code(PermissionDocument document) {
  return document == PermissionDocument::kAgreement ? "agreement" : "risk_disclosure_study";
}

Result<std::vector<AssetSnapshot>> read_asset_snapshots(
    CsvReader& reader, const std::function<bool(Date)>& is_trading_day) {
  CP_RETURN_IF_ERROR(reader.require_columns(
      {"as_of", "account_id", "securities_rmb", "cash_rmb", "margin_net_rmb"}));
  const size_t date_col = *reader.column("as_of");
  const size_t id_col = *reader.column("account_id");
  const size_t securities_col = *reader.column("securities_rmb");
  const size_t cash_col = *reader.column("cash_rmb");
  const size_t margin_col = *reader.column("margin_net_rmb");
  std::vector<AssetSnapshot> out;
  std::set<std::pair<Date, std::string>> seen;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(const bool more, reader.next(record));
    if (!more) break;
    AssetSnapshot s;
    CP_ASSIGN_OR_RETURN(s.as_of, clearing::date_field(reader, record, date_col));
    if (!is_trading_day(s.as_of)) {
      return reader.field_error(record, date_col,
                                s.as_of.to_string() + " is not a Southbound trading day");
    }
    CP_ASSIGN_OR_RETURN(s.account_id, account_field(reader, record, id_col));
    CP_ASSIGN_OR_RETURN(s.securities_rmb, rmb_field(reader, record, securities_col, false));
    CP_ASSIGN_OR_RETURN(s.cash_rmb, rmb_field(reader, record, cash_col, false));
    // A margin account's net assets can be below zero; they count as they are.
    CP_ASSIGN_OR_RETURN(s.margin_net_rmb, rmb_field(reader, record, margin_col, true));
    if (!seen.insert({s.as_of, s.account_id}).second) {
      return reader.field_error(record, id_col,
                                "account " + s.account_id + " has two snapshots for " +
                                    s.as_of.to_string() + " in this file");
    }
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<QuestionnaireRow>> read_questionnaires(CsvReader& reader, Date today) {
  CP_RETURN_IF_ERROR(reader.require_columns(
      {"account_id", "completed_on", "risk_level", "low_level_acknowledged"}));
  const size_t id_col = *reader.column("account_id");
  const size_t date_col = *reader.column("completed_on");
  const size_t level_col = *reader.column("risk_level");
  const size_t ack_col = *reader.column("low_level_acknowledged");
  std::vector<QuestionnaireRow> out;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(const bool more, reader.next(record));
    if (!more) break;
    QuestionnaireRow row;
    CP_ASSIGN_OR_RETURN(row.account_id, account_field(reader, record, id_col));
    CP_ASSIGN_OR_RETURN(row.questionnaire.completed_on,
                        past_date_field(reader, record, date_col, today));
    auto level = parse_risk_level(record[level_col]);
    if (!level.ok()) return reader.field_error(record, level_col, level.error().message);
    row.questionnaire.level = *level;
    CP_ASSIGN_OR_RETURN(row.questionnaire.low_level_acknowledged,
                        yes_no_field(reader, record, ack_col));
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<KnowledgeTestRow>> read_knowledge_tests(CsvReader& reader, Date today) {
  CP_RETURN_IF_ERROR(reader.require_columns(
      {"account_id", "channel", "taken_on", "bank_version", "questions", "correct"}));
  const size_t id_col = *reader.column("account_id");
  const size_t channel_col = *reader.column("channel");
  const size_t date_col = *reader.column("taken_on");
  const size_t bank_col = *reader.column("bank_version");
  const size_t questions_col = *reader.column("questions");
  const size_t correct_col = *reader.column("correct");
  std::vector<KnowledgeTestRow> out;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(const bool more, reader.next(record));
    if (!more) break;
    KnowledgeTestRow row;
    CP_ASSIGN_OR_RETURN(row.account_id, account_field(reader, record, id_col));
    CP_ASSIGN_OR_RETURN(row.test.channel, clearing::channel_field(reader, record, channel_col));
    CP_ASSIGN_OR_RETURN(row.test.taken_on, past_date_field(reader, record, date_col, today));
    row.bank_version = std::string(record[bank_col]);
    if (row.bank_version.empty() || row.bank_version.size() > 40) {
      return reader.field_error(record, bank_col, "bank_version must be 1 to 40 characters");
    }
    CP_ASSIGN_OR_RETURN(row.test.questions, count_field(reader, record, questions_col));
    CP_ASSIGN_OR_RETURN(row.test.correct, count_field(reader, record, correct_col));
    if (row.test.questions < 1) {
      return reader.field_error(record, questions_col, "a test has at least one question");
    }
    if (row.test.correct > row.test.questions) {
      return reader.field_error(record, correct_col,
                                std::to_string(row.test.correct) + " right of " +
                                    std::to_string(row.test.questions) + " questions");
    }
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<WarningRow>> read_trading_warnings(CsvReader& reader, Date today) {
  CP_RETURN_IF_ERROR(reader.require_columns({"account_id", "exchange", "warned_on"}));
  const size_t id_col = *reader.column("account_id");
  const size_t exchange_col = *reader.column("exchange");
  const size_t date_col = *reader.column("warned_on");
  std::vector<WarningRow> out;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(const bool more, reader.next(record));
    if (!more) break;
    WarningRow row;
    CP_ASSIGN_OR_RETURN(row.account_id, account_field(reader, record, id_col));
    const std::string_view exchange = record[exchange_col];
    if (exchange != "sse" && exchange != "szse") {
      return reader.field_error(record, exchange_col, "sse or szse is expected");
    }
    row.exchange = exchange == "sse" ? Channel::kShanghai : Channel::kShenzhen;
    CP_ASSIGN_OR_RETURN(row.warned_on, past_date_field(reader, record, date_col, today));
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<ProfileRow>> read_investor_profiles(CsvReader& reader, Date today) {
  CP_RETURN_IF_ERROR(reader.require_columns({"as_of", "account_id", "channel", "a_share_account",
                                             "serious_integrity_problem", "legally_barred"}));
  const size_t date_col = *reader.column("as_of");
  const size_t id_col = *reader.column("account_id");
  const size_t channel_col = *reader.column("channel");
  const size_t account_col = *reader.column("a_share_account");
  const size_t integrity_col = *reader.column("serious_integrity_problem");
  const size_t barred_col = *reader.column("legally_barred");
  std::vector<ProfileRow> out;
  std::set<std::tuple<Date, std::string, Channel>> seen;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(const bool more, reader.next(record));
    if (!more) break;
    ProfileRow row;
    CP_ASSIGN_OR_RETURN(row.as_of, past_date_field(reader, record, date_col, today));
    CP_ASSIGN_OR_RETURN(row.account_id, account_field(reader, record, id_col));
    CP_ASSIGN_OR_RETURN(row.channel, clearing::channel_field(reader, record, channel_col));
    const std::string_view state = record[account_col];
    if (state == "normal") {
      row.a_share_account = AShareAccountState::kNormal;
    } else if (state == "not_designated") {
      row.a_share_account = AShareAccountState::kNotDesignated;
    } else if (state == "restricted") {
      row.a_share_account = AShareAccountState::kRestricted;
    } else if (state != "none") {
      return reader.field_error(record, account_col,
                                "normal, not_designated, restricted or none is expected");
    }
    CP_ASSIGN_OR_RETURN(row.serious_integrity_problem, yes_no_field(reader, record, integrity_col));
    CP_ASSIGN_OR_RETURN(row.legally_barred, yes_no_field(reader, record, barred_col));
    if (!seen.insert({row.as_of, row.account_id, row.channel}).second) {
      return reader.field_error(record, id_col,
                                "account " + row.account_id + " on " +
                                    std::string(channel_code(row.channel)) + " twice for " +
                                    row.as_of.to_string() + " in this file");
    }
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<DocumentRow>> read_permission_documents(CsvReader& reader, Date today) {
  CP_RETURN_IF_ERROR(
      reader.require_columns({"account_id", "channel", "document", "signed_on", "sha256"}));
  const size_t id_col = *reader.column("account_id");
  const size_t channel_col = *reader.column("channel");
  const size_t document_col = *reader.column("document");
  const size_t date_col = *reader.column("signed_on");
  const size_t hash_col = *reader.column("sha256");
  std::vector<DocumentRow> out;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(const bool more, reader.next(record));
    if (!more) break;
    DocumentRow row;
    CP_ASSIGN_OR_RETURN(row.account_id, account_field(reader, record, id_col));
    CP_ASSIGN_OR_RETURN(row.channel, clearing::channel_field(reader, record, channel_col));
    const std::string_view document = record[document_col];
    if (document == "agreement") {
      row.document = PermissionDocument::kAgreement;
    } else if (document == "risk_disclosure_study") {
      row.document = PermissionDocument::kRiskDisclosureStudy;
    } else {
      return reader.field_error(record, document_col,
                                "risk_disclosure_study or agreement is expected");
    }
    CP_ASSIGN_OR_RETURN(row.signed_on, past_date_field(reader, record, date_col, today));
    row.sha256 = std::string(record[hash_col]);
    const bool hex = row.sha256.size() == 64 &&
                     row.sha256.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (!hex) {
      return reader.field_error(record, hash_col,
                                "the document's SHA-256 as 64 lower-case hex digits is expected");
    }
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<PermissionGrantRow>> read_permission_grants(CsvReader& reader, Date today) {
  CP_RETURN_IF_ERROR(reader.require_columns({"account_id", "channel", "granted_on"}));
  const size_t id_col = *reader.column("account_id");
  const size_t channel_col = *reader.column("channel");
  const size_t date_col = *reader.column("granted_on");
  std::vector<PermissionGrantRow> out;
  std::set<std::pair<std::string, Channel>> seen;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(const bool more, reader.next(record));
    if (!more) break;
    PermissionGrantRow row;
    CP_ASSIGN_OR_RETURN(row.account_id, account_field(reader, record, id_col));
    CP_ASSIGN_OR_RETURN(row.channel, clearing::channel_field(reader, record, channel_col));
    CP_ASSIGN_OR_RETURN(row.granted_on, past_date_field(reader, record, date_col, today));
    if (!seen.insert({row.account_id, row.channel}).second) {
      return reader.field_error(
          record, id_col,
          row.account_id + " appears twice for " + std::string(channel_code(row.channel)));
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace cp::investors
