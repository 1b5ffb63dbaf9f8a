#include "store/investor_evidence_store.h"

#include <nlohmann/json.hpp>

#include "store/execution_store.h"

namespace cp::store {
namespace {

using Json = nlohmann::json;

// One file row as the table's columns: the key, then the rest, each as the text the database
// gives back (decimals with their two places, integers and flags in digits).
struct KeyedRow {
  std::string account_id;
  std::vector<std::string> key;           // after the account id
  std::vector<std::string> rest;          // compared with a stored row of the same key
  std::string what;                       // "INV001 on 2026-11-17", for a refusal
  std::optional<ArchiveAppend> archived;  // appended to the investor's archive when stored
};

std::string flag(bool value) {
  return value ? "1" : "0";
}

// REQUIRES: the columns are written in the order the rows give them.
Result<ImportCounts> import_keyed(Database& db, const std::string& table,
                                  const std::vector<std::string>& key_columns,
                                  const std::vector<std::string>& rest_columns,
                                  const std::vector<KeyedRow>& rows, const std::string& file,
                                  const ArchiveStamp* archive = nullptr) {
  ImportCounts counts;
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  std::vector<std::string> ids;
  for (const KeyedRow& row : rows) ids.push_back(row.account_id);
  CP_RETURN_IF_ERROR(require_known_accounts(db, ids, file));
  std::string where = "account_id = ?";
  for (const std::string& column : key_columns) where += " AND " + column + " = ?";
  std::string select = "SELECT ";
  for (size_t i = 0; i < rest_columns.size(); ++i) select += (i ? ", " : "") + rest_columns[i];
  if (rest_columns.empty()) select += "1";  // the key is the whole row
  select += " FROM " + table + " WHERE " + where;
  std::string insert = "INSERT INTO " + table + " (account_id";
  std::string marks = "?";
  for (const auto* columns : {&key_columns, &rest_columns}) {
    for (const std::string& column : *columns) {
      insert += ", " + column;
      marks += ", ?";
    }
  }
  insert += ") VALUES (" + marks + ")";
  for (const KeyedRow& row : rows) {
    std::vector<Value> key{row.account_id};
    for (const std::string& k : row.key) key.emplace_back(k);
    CP_ASSIGN_OR_RETURN(const QueryResult stored, db.query(select, key));
    if (!stored.rows.empty()) {
      bool same = true;
      for (size_t i = 0; i < row.rest.size(); ++i)
        same = same && stored.rows[0].text(i) == row.rest[i];
      if (!same) {
        return rule_violation(file + ": " + row.what +
                                  " is already stored with other values: a correction is filed, "
                                  "not imported again",
                              "account_id");
      }
      ++counts.unchanged;
      continue;
    }
    std::vector<Value> values = key;
    for (const std::string& v : row.rest) values.emplace_back(v);
    CP_RETURN_IF_ERROR(db.execute(insert, values));
    if (archive != nullptr && row.archived) {
      CP_RETURN_IF_ERROR(append_archive(db, *row.archived, *archive));
    }
    ++counts.inserted;
  }
  CP_RETURN_IF_ERROR(tx.commit());
  return counts;
}

// The latest row of `sql` (ordered newest first, limited to one), or nothing.
Result<std::optional<Row>> latest(Database& db, const std::string& sql,
                                  const std::vector<Value>& params) {
  CP_ASSIGN_OR_RETURN(QueryResult result, db.query(sql, params));
  if (result.rows.empty()) return std::optional<Row>();
  return std::optional<Row>(std::move(result.rows[0]));
}

}  // namespace

Result<ImportCounts> import_asset_snapshots(Database& db,
                                            const std::vector<investors::AssetSnapshot>& rows,
                                            const std::string& file) {
  std::vector<KeyedRow> keyed;
  keyed.reserve(rows.size());
  for (const auto& s : rows) {
    keyed.push_back(
        {s.account_id,
         {s.as_of.to_string()},
         {s.securities_rmb.to_string(), s.cash_rmb.to_string(), s.margin_net_rmb.to_string()},
         s.account_id + "'s assets on " + s.as_of.to_string(),
         {}});
  }
  return import_keyed(db, "investor_asset_snapshot", {"as_of"},
                      {"securities_rmb", "cash_rmb", "margin_net_rmb"}, keyed, file);
}

Result<ImportCounts> import_questionnaires(Database& db,
                                           const std::vector<investors::QuestionnaireRow>& rows,
                                           const std::string& file, const ArchiveStamp& archive) {
  std::vector<KeyedRow> keyed;
  for (const auto& r : rows) {
    const auto& q = r.questionnaire;
    const std::string level(investors::risk_level_code(q.level));
    const Json content{{"completed_on", q.completed_on.to_string()},
                       {"risk_level", level},
                       {"low_level_acknowledged", q.low_level_acknowledged},
                       {"file", file}};
    keyed.push_back(
        {r.account_id,
         {q.completed_on.to_string()},
         {level, flag(q.low_level_acknowledged)},
         r.account_id + "'s questionnaire of " + q.completed_on.to_string(),
         ArchiveAppend{r.account_id, investors::ArchiveKind::kQuestionnaire, "", content.dump()}});
  }
  return import_keyed(db, "investor_questionnaire", {"completed_on"},
                      {"risk_level", "low_level_acknowledged"}, keyed, file, &archive);
}

Result<ImportCounts> import_knowledge_tests(Database& db,
                                            const std::vector<investors::KnowledgeTestRow>& rows,
                                            const std::string& file, const ArchiveStamp& archive) {
  std::vector<KeyedRow> keyed;
  for (const auto& r : rows) {
    const auto& t = r.test;
    const std::string ch(channel_code(t.channel));
    const Json content{{"taken_on", t.taken_on.to_string()},
                       {"bank_version", r.bank_version},
                       {"questions", t.questions},
                       {"correct", t.correct},
                       {"file", file}};
    keyed.push_back(
        {r.account_id,
         {ch, t.taken_on.to_string(), r.bank_version},
         {std::to_string(t.questions), std::to_string(t.correct)},
         r.account_id + "'s " + ch + " test of " + t.taken_on.to_string() + " (" + r.bank_version +
             ")",
         ArchiveAppend{r.account_id, investors::ArchiveKind::kKnowledgeTest, ch, content.dump()}});
  }
  return import_keyed(db, "investor_knowledge_test", {"channel", "taken_on", "bank_version"},
                      {"questions", "correct"}, keyed, file, &archive);
}

Result<ImportCounts> import_trading_warnings(Database& db,
                                             const std::vector<investors::WarningRow>& rows,
                                             const std::string& file) {
  std::vector<KeyedRow> keyed;
  for (const auto& w : rows) {
    const std::string exchange = w.exchange == Channel::kShanghai ? "sse" : "szse";
    keyed.push_back({w.account_id, {exchange, w.warned_on.to_string()}, {}, "", {}});
  }
  return import_keyed(db, "investor_trading_warning", {"exchange", "warned_on"}, {}, keyed, file);
}

Result<ImportCounts> import_investor_profiles(Database& db,
                                              const std::vector<investors::ProfileRow>& rows,
                                              const std::string& file) {
  std::vector<KeyedRow> keyed;
  for (const auto& p : rows) {
    const std::string state =
        p.a_share_account ? std::string(investors::account_state_code(*p.a_share_account)) : "none";
    keyed.push_back({p.account_id,
                     {std::string(channel_code(p.channel)), p.as_of.to_string()},
                     {state, flag(p.serious_integrity_problem), flag(p.legally_barred)},
                     p.account_id + "'s " + std::string(channel_code(p.channel)) + " profile of " +
                         p.as_of.to_string(),
                     {}});
  }
  return import_keyed(db, "investor_profile", {"channel", "as_of"},
                      {"a_share_account", "serious_integrity_problem", "legally_barred"}, keyed,
                      file);
}

Result<ImportCounts> import_permission_documents(Database& db,
                                                 const std::vector<investors::DocumentRow>& rows,
                                                 const std::string& file,
                                                 const ArchiveStamp& archive) {
  std::vector<KeyedRow> keyed;
  for (const auto& d : rows) {
    const std::string document(investors::permission_document_code(d.document));
    const std::string ch(channel_code(d.channel));
    const Json content{{"document", document},
                       {"signed_on", d.signed_on.to_string()},
                       {"sha256", d.sha256},
                       {"file", file}};
    keyed.push_back(
        {d.account_id,
         {ch, document, d.signed_on.to_string()},
         {d.sha256},
         d.account_id + "'s " + document + " of " + d.signed_on.to_string(),
         ArchiveAppend{d.account_id, investors::ArchiveKind::kDocument, ch, content.dump()}});
  }
  return import_keyed(db, "investor_document", {"channel", "document", "signed_on"}, {"sha256"},
                      keyed, file, &archive);
}

Result<bool> knowledge_test_stored(Database& db, const std::string& account_id, Channel channel,
                                   Date day, const std::string& bank_version) {
  CP_ASSIGN_OR_RETURN(
      QueryResult found,
      db.query("SELECT 1 FROM investor_knowledge_test WHERE account_id = ? AND "
               "channel = ? AND taken_on = ? AND bank_version = ?",
               {account_id, std::string(channel_code(channel)), day.to_string(), bank_version}));
  return !found.rows.empty();
}

Result<void> require_known_accounts(Database& db, const std::vector<std::string>& account_ids,
                                    const std::string& file) {
  CP_ASSIGN_OR_RETURN(const TextSet known, known_account_ids(db));
  for (const std::string& id : account_ids) {
    if (!known.contains(id)) {
      return invalid_input(
          file + ": account " + id + " is not in the account book (import accounts first)",
          "account_id");
    }
  }
  return Ok{};
}

Result<investors::InvestorType> investor_type(Database& db, const std::string& account_id) {
  CP_ASSIGN_OR_RETURN(
      auto account,
      latest(db, "SELECT account_type FROM account WHERE account_id = ?", {account_id}));
  if (!account) {
    return make_error(ErrorCode::kNotFound,
                      "account " + account_id + " is not in the account book (import accounts)");
  }
  const std::string type = account->text(0);
  if (type == "proprietary") {
    return invalid_input(
        "account " + account_id + " is the broker's own: no Southbound permission is granted to it",
        "account_id");
  }
  return type == "institution" ? investors::InvestorType::kInstitution
                               : investors::InvestorType::kIndividual;
}

Result<investors::Evidence> investor_evidence(Database& db, const std::string& account_id,
                                              Channel channel, Date date, Date window_from) {
  investors::Evidence e;
  CP_ASSIGN_OR_RETURN(e.type, investor_type(db, account_id));
  const std::string ch(channel_code(channel));
  const std::string day = date.to_string();
  CP_ASSIGN_OR_RETURN(auto profile,
                      latest(db,
                             "SELECT a_share_account, serious_integrity_problem, legally_barred "
                             "FROM investor_profile WHERE account_id = ? AND channel = ? AND "
                             "as_of <= ? ORDER BY as_of DESC LIMIT 1",
                             {account_id, ch, day}));
  if (profile) {
    const std::string& state = profile->text(0);
    if (state == "normal") e.a_share_account = investors::AShareAccountState::kNormal;
    if (state == "not_designated") {
      e.a_share_account = investors::AShareAccountState::kNotDesignated;
    }
    if (state == "restricted") e.a_share_account = investors::AShareAccountState::kRestricted;
    e.serious_integrity_problem = profile->integer(1) != 0;
    e.legally_barred = profile->integer(2) != 0;
  }
  CP_ASSIGN_OR_RETURN(auto questionnaire,
                      latest(db,
                             "SELECT completed_on, risk_level, low_level_acknowledged FROM "
                             "investor_questionnaire WHERE account_id = ? AND completed_on <= ? "
                             "ORDER BY completed_on DESC LIMIT 1",
                             {account_id, day}));
  if (questionnaire) {
    investors::Questionnaire q;
    CP_ASSIGN_OR_RETURN(q.completed_on, Date::parse(questionnaire->text(0)));
    CP_ASSIGN_OR_RETURN(q.level, investors::parse_risk_level(questionnaire->text(1)));
    q.low_level_acknowledged = questionnaire->integer(2) != 0;
    e.questionnaire = q;
  }
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT as_of, securities_rmb, cash_rmb, margin_net_rmb FROM investor_asset_snapshot "
      "WHERE account_id = ? AND as_of >= ? AND as_of < ?",
      {account_id, window_from.to_string(), day}, [&](const Row& row) -> Result<void> {
        CP_ASSIGN_OR_RETURN(const Date as_of, Date::parse(row.text(0)));
        e.daily_assets_rmb[as_of] = row.decimal(1) + row.decimal(2) + row.decimal(3);
        return Ok{};
      }));
  CP_ASSIGN_OR_RETURN(auto test,
                      latest(db,
                             "SELECT taken_on, questions, correct FROM investor_knowledge_test "
                             "WHERE account_id = ? AND channel = ? AND taken_on <= ? ORDER BY "
                             "taken_on DESC, bank_version DESC LIMIT 1",
                             {account_id, ch, day}));
  if (test) {
    investors::KnowledgeTest t;
    t.channel = channel;
    CP_ASSIGN_OR_RETURN(t.taken_on, Date::parse(test->text(0)));
    t.questions = static_cast<int32_t>(test->integer(1));
    t.correct = static_cast<int32_t>(test->integer(2));
    e.knowledge_test = t;
  }
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT warned_on FROM investor_trading_warning WHERE account_id = ? AND exchange = ? AND "
      "warned_on <= ?",
      {account_id, std::string(channel == Channel::kShanghai ? "sse" : "szse"), day},
      [&](const Row& row) -> Result<void> {
        CP_ASSIGN_OR_RETURN(const Date warned, Date::parse(row.text(0)));
        e.abnormal_trading_warnings.push_back(warned);
        return Ok{};
      }));
  for (const auto& [document, target] :
       {std::pair<const char*, std::optional<Date>*>{"risk_disclosure_study",
                                                     &e.risk_disclosure_studied_on},
        {"agreement", &e.agreement_signed_on}}) {
    CP_ASSIGN_OR_RETURN(auto signed_row,
                        latest(db,
                               "SELECT signed_on FROM investor_document WHERE account_id = ? AND "
                               "channel = ? AND document = ? AND signed_on <= ? ORDER BY "
                               "signed_on DESC LIMIT 1",
                               {account_id, ch, std::string(document), day}));
    if (signed_row) {
      CP_ASSIGN_OR_RETURN(const Date signed_on, Date::parse(signed_row->text(0)));
      *target = signed_on;
    }
  }
  return e;
}

}  // namespace cp::store
