#include "store/notification_store.h"

namespace cp::store {
namespace {

constexpr const char* kColumns =
    "notification_id, user_id, firm_id, kind, reference, title, body, link, created_at, read_at, "
    "mail_state";

Notification read_notification(const Row& row) {
  return Notification{row.integer(0), row.text(1), row.text(2), row.text(3),
                      row.text(4),    row.text(5), row.text(6), row.text(7),
                      row.text(8),    row.text(9), row.text(10)};
}

Result<std::vector<Notification>> read_all(Database& db, const std::string& sql,
                                           const std::vector<Value>& params) {
  std::vector<Notification> out;
  CP_RETURN_IF_ERROR(db.query_each(sql, params, [&](const Row& row) -> Result<void> {
    out.push_back(read_notification(row));
    return {};
  }));
  return out;
}

}  // namespace

Result<int64_t> add_notification(Database& db, const Notification& n) {
  CP_ASSIGN_OR_RETURN(
      auto rows,
      db.query("INSERT INTO notification (user_id, firm_id, kind, reference, title, body, link, "
               "created_at, read_at, mail_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?) "
               "RETURNING notification_id",
               {n.user_id, n.firm_id, n.kind, n.reference, n.title, n.body, n.link, n.created_at,
                n.mail_state}));
  return rows.rows.at(0).integer(0);
}

Result<void> set_mail_state(Database& db, int64_t notification_id, const std::string& state) {
  CP_RETURN_IF_ERROR(db.execute("UPDATE notification SET mail_state = ? WHERE notification_id = ?",
                                {state, notification_id}));
  return {};
}

Result<std::vector<Notification>> notifications_of(Database& db, const std::string& user_id,
                                                   bool unread_only, int64_t limit) {
  return read_all(db,
                  std::string("SELECT ") + kColumns + " FROM notification WHERE user_id = ?" +
                      (unread_only ? " AND read_at = ''" : "") +
                      " ORDER BY created_at DESC, notification_id DESC LIMIT ?",
                  {user_id, limit});
}

Result<bool> mark_read(Database& db, const std::string& user_id, int64_t notification_id,
                       UtcTime now) {
  CP_ASSIGN_OR_RETURN(int64_t changed,
                      db.execute("UPDATE notification SET read_at = ? WHERE notification_id = ? "
                                 "AND user_id = ? AND read_at = ''",
                                 {format_utc(now), notification_id, user_id}));
  if (changed == 1) return true;
  CP_ASSIGN_OR_RETURN(auto mine, db.query("SELECT 1 FROM notification WHERE notification_id = ? "
                                          "AND user_id = ?",
                                          {notification_id, user_id}));
  return !mine.rows.empty();
}

Result<int64_t> unread_count(Database& db, const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query("SELECT COUNT(*) FROM notification WHERE user_id = ? AND "
                                          "read_at = ''",
                                          {user_id}));
  return std::stoll(rows.rows.at(0).text(0));
}

Result<std::string> email_mode(Database& db, const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(
      auto rows,
      db.query("SELECT email_mode FROM notification_preference WHERE user_id = ?", {user_id}));
  return rows.rows.empty() ? std::string("each") : rows.rows[0].text(0);
}

Result<void> set_email_mode(Database& db, const std::string& user_id, const std::string& mode,
                            UtcTime now) {
  if (mode != "each" && mode != "digest" && mode != "none") {
    return invalid_input("email_mode is each, digest or none", "email_mode");
  }
  CP_RETURN_IF_ERROR(
      db.execute("DELETE FROM notification_preference WHERE user_id = ?", {user_id}));
  CP_RETURN_IF_ERROR(db.execute(
      "INSERT INTO notification_preference (user_id, email_mode, updated_at) VALUES (?, ?, ?)",
      {user_id, mode, format_utc(now)}));
  return {};
}

Result<std::vector<Notification>> digest_pending(Database& db) {
  return read_all(db,
                  std::string("SELECT ") + kColumns +
                      " FROM notification WHERE mail_state = 'digest' ORDER BY user_id, "
                      "created_at, notification_id",
                  {});
}

}  // namespace cp::store
