#include "store/identity_store.h"

#include <algorithm>
#include <map>

namespace cp::store {
namespace {

Error not_found(const std::string& what) {
  return make_error(ErrorCode::kNotFound, what + " not found");
}

User user_of(const Row& row) {
  return {row.text(0), row.text(1),          row.text(2), row.text(3),
          row.text(4), !row.text(5).empty(), row.text(6), row.text(7)};
}

constexpr const char* kUserColumns =
    "user_id, display_name, email, status, locked_until, password_hash, email_status, created_at";

Result<void> require_user(Database& db, const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(auto user, find_user(db, user_id));
  if (!user) return not_found("user " + user_id);
  return Ok{};
}

}  // namespace

Result<void> add_firm(Database& db, const Firm& firm, UtcTime now) {
  if (firm.firm_id.empty() || firm.name.empty()) {
    return invalid_input("a firm needs an id and a name", firm.firm_id.empty() ? "firm" : "name");
  }
  CP_ASSIGN_OR_RETURN(auto existing, find_firm(db, firm.firm_id));
  if (existing) return make_error(ErrorCode::kConflict, "firm " + firm.firm_id + " exists");
  CP_RETURN_IF_ERROR(
      db.execute("INSERT INTO firm (firm_id, name, kind, created_at) VALUES (?, ?, ?, ?)",
                 {firm.firm_id, firm.name, std::string(identity::firm_kind_code(firm.kind)),
                  format_utc(now)}));
  return Ok{};
}

Result<std::optional<Firm>> find_firm(Database& db, const std::string& firm_id) {
  CP_ASSIGN_OR_RETURN(
      auto rows, db.query("SELECT firm_id, name, kind FROM firm WHERE firm_id = ?", {firm_id}));
  if (rows.rows.empty()) return std::optional<Firm>();
  const Row& row = rows.rows[0];
  return std::optional<Firm>(
      Firm{row.text(0), row.text(1), *identity::parse_firm_kind(row.text(2))});
}

Result<std::vector<Firm>> list_firms(Database& db) {
  std::vector<Firm> out;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT firm_id, name, kind FROM firm ORDER BY firm_id", {},
      [&](const Row& row) -> Result<void> {
        out.push_back({row.text(0), row.text(1), *identity::parse_firm_kind(row.text(2))});
        return Ok{};
      }));
  return out;
}

Result<void> add_user(Database& db, const User& user, UtcTime now) {
  const bool valid_login =
      user.user_id.size() >= 3 && user.user_id.size() <= 64 &&
      std::all_of(user.user_id.begin(), user.user_id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      });
  if (!valid_login) {
    return invalid_input("a login is 3 to 64 of a-z, 0-9, '.', '_' and '-'", "user");
  }
  if (user.display_name.empty()) return invalid_input("a user needs a display name", "name");
  if (!user.email.empty() && user.email.find('@') == std::string::npos) {
    return invalid_input("the email address has no '@'", "email");
  }
  CP_ASSIGN_OR_RETURN(auto existing, find_user(db, user.user_id));
  if (existing) return make_error(ErrorCode::kConflict, "user " + user.user_id + " exists");
  CP_RETURN_IF_ERROR(db.execute(
      "INSERT INTO app_user (user_id, display_name, email, password_hash, status, locked_until, "
      "created_at) VALUES (?, ?, ?, '', 'active', '', ?)",
      {user.user_id, user.display_name, user.email, format_utc(now)}));
  return Ok{};
}

Result<std::optional<User>> find_user(Database& db, const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query(std::string("SELECT ") + kUserColumns +
                                              " FROM app_user WHERE user_id = ?",
                                          {user_id}));
  if (rows.rows.empty()) return std::optional<User>();
  return std::optional<User>(user_of(rows.rows[0]));
}

Result<std::vector<User>> list_users(Database& db, const std::string& firm_id) {
  std::vector<User> out;
  const std::string sql =
      firm_id.empty()
          ? std::string("SELECT ") + kUserColumns + " FROM app_user ORDER BY user_id"
          : std::string("SELECT ") + kUserColumns +
                " FROM app_user WHERE user_id IN (SELECT user_id FROM user_role WHERE firm_id = "
                "?) ORDER BY user_id";
  std::vector<Value> params;
  if (!firm_id.empty()) params.emplace_back(firm_id);
  CP_RETURN_IF_ERROR(db.query_each(sql, params, [&](const Row& row) -> Result<void> {
    out.push_back(user_of(row));
    return Ok{};
  }));
  return out;
}

Result<std::vector<identity::Membership>> memberships_of(Database& db, const std::string& user_id) {
  MembershipRows memberships;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT r.firm_id, f.kind, r.role FROM user_role r JOIN firm f ON f.firm_id = r.firm_id "
      "WHERE r.user_id = ? ORDER BY r.firm_id, r.role",
      {user_id}, [&](const Row& row) -> Result<void> {
        memberships.add(row.text(0), row.text(1), row.text(2));
        return Ok{};
      }));
  return memberships.take();
}

void MembershipRows::add(const std::string& firm_id, const std::string& firm_kind,
                         const std::string& role) {
  identity::Membership& m = by_firm_[firm_id];
  m.firm_id = firm_id;
  m.firm_kind = *identity::parse_firm_kind(firm_kind);
  m.roles.insert(role);
}

std::vector<identity::Membership> MembershipRows::take() {
  std::vector<identity::Membership> out;
  for (auto& [firm, m] : by_firm_) out.push_back(std::move(m));
  by_firm_.clear();
  return out;
}

Result<bool> grant_role(Database& db, const identity::RoleCatalogue& catalogue,
                        const identity::Actor& actor, const std::string& user_id,
                        const std::string& firm_id, const std::string& role, UtcTime now) {
  // Delegation first: an administrator of another firm learns nothing, not even that it exists.
  CP_RETURN_IF_ERROR(identity::may_administer(catalogue, actor, user_id, firm_id, role));
  CP_ASSIGN_OR_RETURN(auto firm, find_firm(db, firm_id));
  if (!firm) return not_found("firm " + firm_id);
  CP_ASSIGN_OR_RETURN(auto target, find_user(db, user_id));
  CP_ASSIGN_OR_RETURN(auto memberships, memberships_of(db, user_id));
  // A firm's administrator reaches only its own firm's users and users of no firm yet: never
  // another firm's user (whom it could then reach through its firm), and an unknown login and
  // another firm's user get the same answer.
  bool in_firm = false;
  for (const auto& m : memberships) in_firm = in_firm || m.firm_id == firm_id;
  if (!target ||
      (!identity::administers_every_firm(catalogue, actor) && !in_firm && !memberships.empty())) {
    return not_found("user " + user_id);
  }
  std::set<std::string> roles;
  for (const auto& m : memberships) {
    if (m.firm_id == firm_id) roles = m.roles;
  }
  if (roles.count(role)) return false;
  roles.insert(role);
  CP_RETURN_IF_ERROR(catalogue.check_role_set(firm->kind, roles));
  CP_RETURN_IF_ERROR(db.execute(
      "INSERT INTO user_role (user_id, firm_id, role, granted_by, granted_at) VALUES (?, ?, ?, "
      "?, ?)",
      {user_id, firm_id, role, actor.user_id.empty() ? std::string("cli") : actor.user_id,
       format_utc(now)}));
  return true;
}

Result<bool> revoke_role(Database& db, const identity::RoleCatalogue& catalogue,
                         const identity::Actor& actor, const std::string& user_id,
                         const std::string& firm_id, const std::string& role) {
  CP_RETURN_IF_ERROR(identity::may_administer(catalogue, actor, user_id, firm_id, role));
  CP_RETURN_IF_ERROR(require_user(db, user_id));
  CP_ASSIGN_OR_RETURN(int64_t removed,
                      db.execute("DELETE FROM user_role WHERE user_id = ? AND firm_id = ? AND "
                                 "role = ?",
                                 {user_id, firm_id, role}));
  return removed > 0;
}

Result<void> set_password_hash(Database& db, const std::string& user_id,
                               const std::string& password_hash) {
  CP_ASSIGN_OR_RETURN(int64_t changed,
                      db.execute("UPDATE app_user SET password_hash = ? WHERE user_id = ?",
                                 {password_hash, user_id}));
  if (changed == 0) return not_found("user " + user_id);
  return Ok{};
}

Result<void> set_email(Database& db, const std::string& user_id, const std::string& email,
                       bool pending) {
  if (email.find('@') == std::string::npos || email.find_first_of(" \r\n") != std::string::npos) {
    return invalid_input("not an email address: " + email, "email");
  }
  CP_ASSIGN_OR_RETURN(
      int64_t changed,
      db.execute("UPDATE app_user SET email = ?, email_status = ? WHERE user_id = ?",
                 {email, std::string(pending ? "pending" : "registered"), user_id}));
  if (changed == 0) return not_found("user " + user_id);
  return Ok{};
}

Result<void> approve_email(Database& db, const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(int64_t changed,
                      db.execute("UPDATE app_user SET email_status = 'registered' WHERE user_id = "
                                 "? AND email_status = 'pending'",
                                 {user_id}));
  if (changed == 0) {
    return rule_violation("user " + user_id + " has no email address waiting for approval");
  }
  return Ok{};
}

Result<bool> is_administrator(Database& db, const identity::RoleCatalogue& catalogue,
                              const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(auto memberships, memberships_of(db, user_id));
  for (const auto& m : memberships) {
    if (catalogue.entitles(m.roles, "users", identity::Level::kAdmin)) return true;
  }
  return false;
}

Result<std::string> password_hash_of(Database& db, const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(auto rows,
                      db.query("SELECT password_hash FROM app_user WHERE user_id = ?", {user_id}));
  if (rows.rows.empty()) return not_found("user " + user_id);
  return rows.rows[0].text(0);
}

Result<void> set_lock(Database& db, const std::string& user_id, bool locked,
                      const std::string& until_utc) {
  CP_ASSIGN_OR_RETURN(
      int64_t changed,
      db.execute("UPDATE app_user SET status = ?, locked_until = ? WHERE user_id = ?",
                 {std::string(locked ? "locked" : "active"), locked ? until_utc : std::string(),
                  user_id}));
  if (changed == 0) return not_found("user " + user_id);
  return Ok{};
}

}  // namespace cp::store
