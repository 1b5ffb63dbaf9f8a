#include "store/investor_account_store.h"

namespace cp::store {

namespace {

Result<void> require_investor(Database& db, const std::string& firm_id,
                              const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(auto role, db.query("SELECT 1 FROM user_role WHERE user_id = ? AND firm_id "
                                          "= ? AND role = 'investor'",
                                          {user_id, firm_id}));
  if (role.rows.empty()) {
    return invalid_input(
        user_id + " is not an investor of " + firm_id + " (user grant --role investor first)",
        "user");
  }
  return Ok{};
}

}  // namespace

Result<bool> link_investor_account(Database& db, const std::string& firm_id,
                                   const std::string& user_id, const std::string& account_id,
                                   const std::string& linked_by, UtcTime now) {
  CP_ASSIGN_OR_RETURN(auto account,
                      db.query("SELECT 1 FROM account WHERE account_id = ?", {account_id}));
  if (account.rows.empty()) {
    return invalid_input("account " + account_id + " is not in the account book (import accounts)",
                         "account");
  }
  CP_RETURN_IF_ERROR(require_investor(db, firm_id, user_id));
  CP_ASSIGN_OR_RETURN(auto linked, db.query("SELECT 1 FROM investor_account WHERE firm_id = ? AND "
                                            "user_id = ? AND account_id = ?",
                                            {firm_id, user_id, account_id}));
  if (!linked.rows.empty()) return false;
  CP_RETURN_IF_ERROR(
      db.execute("INSERT INTO investor_account (firm_id, user_id, account_id, "
                 "linked_at, linked_by) VALUES (?, ?, ?, ?, ?)",
                 {firm_id, user_id, account_id, format_utc(now), linked_by}));
  return true;
}

Result<std::vector<std::string>> investor_accounts(Database& db, const std::string& firm_id,
                                                   const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(auto found, db.query("SELECT account_id FROM investor_account WHERE firm_id "
                                           "= ? AND user_id = ? ORDER BY account_id",
                                           {firm_id, user_id}));
  std::vector<std::string> out;
  for (const Row& row : found.rows) out.push_back(row.text(0));
  return out;
}

Result<std::vector<std::string>> investors_of_account(Database& db, const std::string& firm_id,
                                                      const std::string& account_id) {
  CP_ASSIGN_OR_RETURN(auto found, db.query("SELECT user_id FROM investor_account WHERE firm_id = "
                                           "? AND account_id = ? ORDER BY user_id",
                                           {firm_id, account_id}));
  std::vector<std::string> out;
  for (const Row& row : found.rows) out.push_back(row.text(0));
  return out;
}

Result<void> set_investor_mobile(Database& db, const std::string& firm_id,
                                 const std::string& user_id, const std::string& mobile,
                                 const std::string& set_by, UtcTime now) {
  CP_RETURN_IF_ERROR(require_investor(db, firm_id, user_id));
  CP_RETURN_IF_ERROR(db.execute("DELETE FROM investor_contact WHERE firm_id = ? AND user_id = ?",
                                {firm_id, user_id}));
  CP_RETURN_IF_ERROR(
      db.execute("INSERT INTO investor_contact (firm_id, user_id, mobile, set_at, "
                 "set_by) VALUES (?, ?, ?, ?, ?)",
                 {firm_id, user_id, mobile, format_utc(now), set_by}));
  return Ok{};
}

Result<std::optional<std::string>> investor_mobile(Database& db, const std::string& firm_id,
                                                   const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(auto found, db.query("SELECT mobile FROM investor_contact WHERE firm_id = ? "
                                           "AND user_id = ?",
                                           {firm_id, user_id}));
  if (found.rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(found.rows[0].text(0));
}

}  // namespace cp::store
