#include "store/investor_permission_store.h"

#include <nlohmann/json.hpp>

#include "store/investor_evidence_store.h"

namespace cp::store {
namespace {

using Json = nlohmann::json;

constexpr const char* kColumns =
    "account_id, channel, granted_on, granted_by, assessment, closed_on, closed_by, closing";

// A row of kColumns; written by this file, so its dates and channel are valid.
PermissionRow permission_of(const Row& row) {
  PermissionRow out;
  out.account_id = row.text(0);
  out.channel = *parse_channel(row.text(1));
  out.granted_on = *Date::parse(row.text(2));
  out.granted_by = row.text(3);
  out.assessment = row.text(4);
  if (!row.is_null(5)) out.closed_on = *Date::parse(row.text(5));
  out.closed_by = row.text(6);
  out.closing = row.text(7);
  return out;
}

}  // namespace

Result<std::optional<PermissionRow>> open_permission(Database& db, const std::string& account_id,
                                                     Channel channel) {
  CP_ASSIGN_OR_RETURN(QueryResult result,
                      db.query(std::string("SELECT ") + kColumns +
                                   " FROM investor_permission WHERE account_id = ? AND channel = ? "
                                   "AND closed_on IS NULL",
                               {account_id, std::string(channel_code(channel))}));
  if (result.rows.empty()) return std::optional<PermissionRow>();
  return std::optional<PermissionRow>(permission_of(result.rows[0]));
}

Result<void> grant_permission(Database& db, const PermissionRow& grant) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  const std::string ch(channel_code(grant.channel));
  CP_ASSIGN_OR_RETURN(auto open, open_permission(db, grant.account_id, grant.channel));
  if (open) {
    return make_error(ErrorCode::kConflict,
                      "account " + grant.account_id + " holds the " + ch + " permission since " +
                          open->granted_on.to_string() + ": one application at a time");
  }
  CP_ASSIGN_OR_RETURN(QueryResult last,
                      db.query("SELECT MAX(closed_on) FROM investor_permission WHERE account_id "
                               "= ? AND channel = ?",
                               {grant.account_id, ch}));
  if (!last.rows.empty() && !last.rows[0].is_null(0) &&
      last.rows[0].text(0) > grant.granted_on.to_string()) {
    return make_error(ErrorCode::kConflict,
                      "account " + grant.account_id + "'s " + ch + " permission was closed on " +
                          last.rows[0].text(0) + ": a new grant is dated on or after it");
  }
  CP_RETURN_IF_ERROR(db.execute(
      "INSERT INTO investor_permission (account_id, channel, granted_on, granted_by, assessment) "
      "VALUES (?, ?, ?, ?, ?)",
      {grant.account_id, ch, grant.granted_on.to_string(), grant.granted_by, grant.assessment}));
  return tx.commit();
}

Result<PermissionRow> close_permission(Database& db, const std::string& account_id, Channel channel,
                                       Date closed_on, const std::string& closed_by,
                                       const std::string& closing) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(auto open, open_permission(db, account_id, channel));
  const std::string ch(channel_code(channel));
  if (!open) {
    return make_error(ErrorCode::kNotFound,
                      "account " + account_id + " holds no open " + ch + " permission");
  }
  if (closed_on < open->granted_on) {
    return make_error(ErrorCode::kRuleViolation, "the " + ch + " permission was granted on " +
                                                     open->granted_on.to_string() +
                                                     ": it cannot close before");
  }
  CP_RETURN_IF_ERROR(db.execute(
      "UPDATE investor_permission SET closed_on = ?, closed_by = ?, closing = ? WHERE account_id "
      "= ? AND channel = ? AND granted_on = ?",
      {closed_on.to_string(), closed_by, closing, account_id, ch, open->granted_on.to_string()}));
  CP_RETURN_IF_ERROR(tx.commit());
  open->closed_on = closed_on;
  open->closed_by = closed_by;
  open->closing = closing;
  return *open;
}

Result<ImportCounts> import_permissions(Database& db,
                                        const std::vector<investors::PermissionGrantRow>& rows,
                                        const std::string& file, const ArchiveStamp& archive) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  ImportCounts counts;
  for (const auto& row : rows) {
    const std::string ch(channel_code(row.channel));
    CP_ASSIGN_OR_RETURN(QueryResult known,
                        db.query("SELECT 1 FROM account WHERE account_id = ?", {row.account_id}));
    if (known.rows.empty()) {
      return invalid_input(file + ": account " + row.account_id +
                               " is not in the account book (import accounts first)",
                           "account_id");
    }
    CP_ASSIGN_OR_RETURN(auto open, open_permission(db, row.account_id, row.channel));
    if (open && open->granted_on == row.granted_on) {
      ++counts.unchanged;
      continue;
    }
    PermissionRow grant;
    grant.account_id = row.account_id;
    grant.channel = row.channel;
    grant.granted_on = row.granted_on;
    grant.granted_by = archive.actor;
    grant.assessment = Json{{"imported_from", file}}.dump();
    auto granted = grant_permission(db, grant);
    if (!granted.ok()) return std::move(granted).error().in_file(file);
    CP_RETURN_IF_ERROR(
        append_archive(db,
                       {row.account_id, investors::ArchiveKind::kPermissionImported, ch,
                        Json{{"granted_on", row.granted_on.to_string()}, {"file", file}}.dump()},
                       archive));
    ++counts.inserted;
  }
  CP_RETURN_IF_ERROR(tx.commit());
  return counts;
}

Result<std::vector<PermissionRow>> list_permissions(Database& db, const std::string& account_id) {
  std::vector<PermissionRow> out;
  const std::string where = account_id.empty() ? "" : " WHERE account_id = ?";
  std::vector<Value> params;
  if (!account_id.empty()) params.push_back(account_id);
  CP_RETURN_IF_ERROR(db.query_each(std::string("SELECT ") + kColumns + " FROM investor_permission" +
                                       where + " ORDER BY account_id, channel, granted_on",
                                   params, [&](const Row& row) -> Result<void> {
                                     out.push_back(permission_of(row));
                                     return Ok{};
                                   }));
  return out;
}

Result<std::vector<investors::PermissionOnRecord>> permissions_on_record(Database& db, Date date) {
  const std::string day = date.to_string();
  std::vector<investors::PermissionOnRecord> out;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT p.account_id, p.channel, p.granted_on, (SELECT MAX(q.completed_on) FROM "
      "investor_questionnaire q WHERE q.account_id = p.account_id AND q.completed_on <= ?) FROM "
      "investor_permission p WHERE p.granted_on <= ? AND (p.closed_on IS NULL OR p.closed_on > ?) "
      "ORDER BY p.account_id, p.channel",
      {day, day, day}, [&](const Row& row) -> Result<void> {
        const std::string completed = row.is_null(3) ? row.text(2) : row.text(3);
        out.push_back({*parse_channel(row.text(1)), row.text(0), *Date::parse(completed)});
        return Ok{};
      }));
  return out;
}

Result<bool> record_reassessment_notice(Database& db, const investors::ReassessmentDue& due,
                                        Date listed_on, int64_t notified) {
  const std::string ch(channel_code(due.channel));
  const std::string status(investors::reassessment_status_code(due.status));
  CP_ASSIGN_OR_RETURN(QueryResult known,
                      db.query("SELECT 1 FROM investor_reassessment_notice WHERE account_id = ? "
                               "AND channel = ? AND valid_until = ? AND status = ?",
                               {due.account_id, ch, due.valid_until.to_string(), status}));
  if (!known.rows.empty()) return false;
  CP_RETURN_IF_ERROR(db.execute(
      "INSERT INTO investor_reassessment_notice (account_id, channel, valid_until, status, "
      "listed_on, notified) VALUES (?, ?, ?, ?, ?, ?)",
      {due.account_id, ch, due.valid_until.to_string(), status, listed_on.to_string(), notified}));
  return true;
}

}  // namespace cp::store
