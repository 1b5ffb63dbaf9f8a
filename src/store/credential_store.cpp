#include "store/credential_store.h"

#include "store/session_store.h"

namespace cp::store {

Result<void> set_pending_totp(Database& db, const std::string& user_id, const std::string& secret,
                              const std::string& expires_at) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(UserSecurity security, user_security(db, user_id));
  CP_RETURN_IF_ERROR(save_user_security(db, user_id, security));  // the row exists from here
  CP_RETURN_IF_ERROR(
      db.execute("UPDATE user_security SET totp_pending_hex = ?, totp_pending_expires_at = ? "
                 "WHERE user_id = ?",
                 {stored_totp_secret(db, user_id, secret), expires_at, user_id}));
  return tx.commit();
}

Result<std::string> pending_totp(Database& db, const std::string& user_id,
                                 const std::string& now_utc) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query("SELECT totp_pending_hex FROM user_security "
                                          "WHERE user_id = ? AND totp_pending_expires_at > ?",
                                          {user_id, now_utc}));
  if (rows.rows.empty()) return std::string();
  return read_totp_secret(db, user_id, rows.rows[0].text(0));
}

Result<void> confirm_pending_totp(Database& db, const std::string& user_id, uint64_t step) {
  CP_ASSIGN_OR_RETURN(
      int64_t changed,
      db.execute("UPDATE user_security SET totp_secret_hex = totp_pending_hex, totp_confirmed = 1, "
                 "totp_last_step = ?, totp_pending_hex = '', totp_pending_expires_at = '' "
                 "WHERE user_id = ? AND totp_pending_hex <> ''",
                 {static_cast<int64_t>(step), user_id}));
  if (changed != 1)
    return make_error(ErrorCode::kConflict, "no authenticator app is waiting for its first code");
  return Ok{};
}

Result<std::string> create_password_reset(Database& db, const std::string& user_id, UtcTime now,
                                          const std::string& expires_at) {
  const std::string token = new_token();
  const std::string now_utc = format_utc(now);
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_RETURN_IF_ERROR(
      db.execute("UPDATE password_reset SET used_at = ? WHERE user_id = ? AND used_at = ''",
                 {"superseded " + now_utc, user_id}));
  CP_RETURN_IF_ERROR(db.execute(
      "INSERT INTO password_reset (reset_hash, user_id, created_at, expires_at, used_at) "
      "VALUES (?, ?, ?, ?, '')",
      {token_hash(token), user_id, now_utc, expires_at}));
  CP_RETURN_IF_ERROR(tx.commit());
  return token;
}

Result<std::string> last_password_reset_at(Database& db, const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query("SELECT MAX(created_at) FROM password_reset "
                                          "WHERE user_id = ?",
                                          {user_id}));
  return rows.rows.empty() || rows.rows[0].is_null(0) ? std::string() : rows.rows[0].text(0);
}

Result<std::optional<std::string>> use_password_reset(Database& db, const std::string& token,
                                                      UtcTime now) {
  const std::string now_utc = format_utc(now);
  const std::string hash = token_hash(token);
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(int64_t changed,
                      db.execute("UPDATE password_reset SET used_at = ? "
                                 "WHERE reset_hash = ? AND used_at = '' AND expires_at > ?",
                                 {now_utc, hash, now_utc}));
  std::optional<std::string> user;
  if (changed == 1) {
    CP_ASSIGN_OR_RETURN(
        auto rows, db.query("SELECT user_id FROM password_reset WHERE reset_hash = ?", {hash}));
    user = rows.rows[0].text(0);
  }
  CP_RETURN_IF_ERROR(tx.commit());
  return user;
}

}  // namespace cp::store
