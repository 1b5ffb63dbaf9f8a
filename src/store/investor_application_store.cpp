#include "store/investor_application_store.h"

namespace cp::store {
namespace {

constexpr const char* kColumns =
    "application_id, firm_id, user_id, account_id, channel, state, started_at, updated_at, "
    "code_hash, code_expires_at, code_sent_at, code_failures, disclosure_opened, outcome";

// A row of kColumns; written by this file, so its channel and state are valid.
ApplicationRow application_from(const Row& row) {
  ApplicationRow out;
  out.application_id = row.integer(0);
  out.firm_id = row.text(1);
  out.user_id = row.text(2);
  out.account_id = row.text(3);
  out.channel = *parse_channel(row.text(4));
  out.state = *investors::parse_opening_state(row.text(5));
  out.started_at = row.text(6);
  out.updated_at = row.text(7);
  out.code_hash = row.text(8);
  out.code_expires_at = row.text(9);
  out.code_sent_at = row.text(10);
  out.code_failures = row.integer(11);
  out.disclosure_opened = row.text(12);
  out.outcome = row.text(13);
  return out;
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at <= text.size() && !text.empty()) {
    const size_t comma = text.find(',', at);
    out.push_back(text.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return out;
}

constexpr const char* kAttemptColumns =
    "application_id, attempt, account_id, channel, drawn_on, bank_version, questions, answers, "
    "correct";

KnowledgeAttempt attempt_from(const Row& row) {
  KnowledgeAttempt out;
  out.application_id = row.integer(0);
  out.attempt = row.integer(1);
  out.account_id = row.text(2);
  out.channel = *parse_channel(row.text(3));
  out.drawn_on = *Date::parse(row.text(4));
  out.bank_version = row.text(5);
  out.questions = split(row.text(6));
  out.answers = row.text(7);
  if (!row.is_null(8)) out.correct = row.integer(8);
  return out;
}

}  // namespace

Result<ApplicationRow> start_application(Database& db, const ApplicationRow& application) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  const std::string ch(channel_code(application.channel));
  CP_ASSIGN_OR_RETURN(
      QueryResult open,
      db.query("SELECT application_id, state FROM investor_application WHERE account_id = ? AND "
               "channel = ? AND state NOT IN ('signed', 'refused', 'abandoned')",
               {application.account_id, ch}));
  if (!open.rows.empty()) {
    return make_error(ErrorCode::kConflict, "account " + application.account_id +
                                                " has application " + open.rows[0].text(0) +
                                                " on " + ch + " open (" + open.rows[0].text(1) +
                                                "): one application at a time");
  }
  CP_ASSIGN_OR_RETURN(
      QueryResult inserted,
      db.query("INSERT INTO investor_application (firm_id, user_id, account_id, channel, state, "
               "started_at, updated_at) VALUES (?, ?, ?, ?, 'started', ?, ?) RETURNING "
               "application_id",
               {application.firm_id, application.user_id, application.account_id, ch,
                application.started_at, application.started_at}));
  CP_RETURN_IF_ERROR(tx.commit());
  ApplicationRow out = application;
  out.application_id = inserted.rows[0].integer(0);
  out.state = investors::OpeningState::kStarted;
  out.updated_at = application.started_at;
  return out;
}

Result<std::optional<ApplicationRow>> application_of(Database& db, const std::string& firm_id,
                                                     const std::string& user_id,
                                                     int64_t application_id) {
  CP_ASSIGN_OR_RETURN(QueryResult result,
                      db.query(std::string("SELECT ") + kColumns +
                                   " FROM investor_application WHERE application_id = ? AND "
                                   "firm_id = ? AND user_id = ?",
                               {application_id, firm_id, user_id}));
  if (result.rows.empty()) return std::optional<ApplicationRow>();
  return std::optional<ApplicationRow>(application_from(result.rows[0]));
}

Result<std::vector<ApplicationRow>> applications_of(Database& db, const std::string& firm_id,
                                                    const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(QueryResult result,
                      db.query(std::string("SELECT ") + kColumns +
                                   " FROM investor_application WHERE firm_id = ? AND user_id = ? "
                                   "ORDER BY application_id DESC",
                               {firm_id, user_id}));
  std::vector<ApplicationRow> out;
  for (const Row& row : result.rows) out.push_back(application_from(row));
  return out;
}

Result<void> update_application(Database& db, const ApplicationRow& application,
                                investors::OpeningState expected) {
  CP_ASSIGN_OR_RETURN(
      const int64_t changed,
      db.execute(
          "UPDATE investor_application SET state = ?, updated_at = ?, code_hash = ?, "
          "code_expires_at = ?, code_sent_at = ?, code_failures = ?, "
          "disclosure_opened = ?, outcome = ? WHERE application_id = ? AND state = ?",
          {std::string(investors::opening_state_code(application.state)), application.updated_at,
           application.code_hash, application.code_expires_at, application.code_sent_at,
           application.code_failures, application.disclosure_opened, application.outcome,
           application.application_id, std::string(investors::opening_state_code(expected))}));
  if (changed != 1) {
    return make_error(ErrorCode::kConflict, "application " +
                                                std::to_string(application.application_id) +
                                                " has moved on since it was read: reload it");
  }
  return Ok{};
}

Result<std::optional<KnowledgeAttempt>> open_attempt(Database& db, int64_t application_id) {
  CP_ASSIGN_OR_RETURN(QueryResult result,
                      db.query(std::string("SELECT ") + kAttemptColumns +
                                   " FROM investor_knowledge_attempt WHERE application_id = ? "
                                   "AND correct IS NULL ORDER BY attempt DESC",
                               {application_id}));
  if (result.rows.empty()) return std::optional<KnowledgeAttempt>();
  return std::optional<KnowledgeAttempt>(attempt_from(result.rows[0]));
}

Result<int64_t> attempts_on(Database& db, const std::string& account_id, Channel channel,
                            Date day) {
  CP_ASSIGN_OR_RETURN(QueryResult result,
                      db.query("SELECT COUNT(*) FROM investor_knowledge_attempt WHERE account_id "
                               "= ? AND channel = ? AND drawn_on = ?",
                               {account_id, std::string(channel_code(channel)), day.to_string()}));
  return result.rows[0].integer(0);
}

Result<KnowledgeAttempt> add_attempt(Database& db, KnowledgeAttempt attempt) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(QueryResult last,
                      db.query("SELECT COALESCE(MAX(attempt), 0) FROM investor_knowledge_attempt "
                               "WHERE application_id = ?",
                               {attempt.application_id}));
  attempt.attempt = last.rows[0].integer(0) + 1;
  CP_RETURN_IF_ERROR(
      db.execute(std::string("INSERT INTO investor_knowledge_attempt (") + kAttemptColumns +
                     ") VALUES (?, ?, ?, ?, ?, ?, ?, '', NULL)",
                 {attempt.application_id, attempt.attempt, attempt.account_id,
                  std::string(channel_code(attempt.channel)), attempt.drawn_on.to_string(),
                  attempt.bank_version, joined(attempt.questions)}));
  CP_RETURN_IF_ERROR(tx.commit());
  return attempt;
}

Result<void> mark_attempt(Database& db, int64_t application_id, int64_t attempt,
                          const std::string& answers, int64_t correct) {
  CP_ASSIGN_OR_RETURN(
      const int64_t changed,
      db.execute("UPDATE investor_knowledge_attempt SET answers = ?, correct = ? WHERE "
                 "application_id = ? AND attempt = ? AND correct IS NULL",
                 {answers, correct, application_id, attempt}));
  if (changed != 1) {
    return make_error(ErrorCode::kConflict,
                      "attempt " + std::to_string(attempt) + " is already marked: draw a new one");
  }
  return Ok{};
}

}  // namespace cp::store
