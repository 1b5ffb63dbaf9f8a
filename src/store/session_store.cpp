#include "store/session_store.h"

#include <sodium.h>

#include <cctype>
#include <chrono>

#include "audit/audit_chain.h"
#include "core/assert.h"
#include "store/hex.h"

namespace cp::store {
namespace {

std::string after(UtcTime now, int64_t minutes) {
  return format_utc(now + std::chrono::minutes(minutes));
}

}  // namespace

std::string new_token() {
  CP_ASSERT(sodium_init() >= 0, "libsodium failed to initialise");
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return to_hex(std::string(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

std::string token_hash(const std::string& token) {
  return audit::sha256_hex(token);
}

std::string stored_totp_secret(const Database& db, const std::string& user_id,
                               const std::string& secret) {
  if (secret.empty()) return "";
  const auto& key = db.secret_key();
  return key ? seal_secret(*key, secret, "totp:" + user_id) : to_hex(secret);
}

Result<std::string> read_totp_secret(const Database& db, const std::string& user_id,
                                     const std::string& stored) {
  if (!is_sealed(stored)) return from_hex(stored);  // unsealed: no key, or written before one
  return open_secret(db.secret_key(), stored, "totp:" + user_id);
}

Result<UserSecurity> user_security(Database& db, const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query("SELECT totp_secret_hex, totp_confirmed, "
                                          "totp_last_step, password_failures FROM user_security "
                                          "WHERE user_id = ?",
                                          {user_id}));
  UserSecurity out;
  if (rows.rows.empty()) return out;
  const Row& row = rows.rows[0];
  CP_ASSIGN_OR_RETURN(out.totp_secret, read_totp_secret(db, user_id, row.text(0)));
  out.totp_confirmed = row.integer(1) != 0;
  out.totp_last_step = static_cast<uint64_t>(row.integer(2));
  out.password_failures = row.integer(3);
  return out;
}

Result<void> save_user_security(Database& db, const std::string& user_id,
                                const UserSecurity& security) {
  const std::string secret_hex = stored_totp_secret(db, user_id, security.totp_secret);
  CP_ASSIGN_OR_RETURN(
      int64_t changed,
      db.execute(
          "UPDATE user_security SET totp_secret_hex = ?, totp_confirmed = ?, "
          "totp_last_step = ?, password_failures = ? WHERE user_id = ?",
          {secret_hex, int64_t{security.totp_confirmed},
           static_cast<int64_t>(security.totp_last_step), security.password_failures, user_id}));
  if (changed > 0) return Ok{};
  CP_RETURN_IF_ERROR(db.execute(
      "INSERT INTO user_security (user_id, totp_secret_hex, totp_confirmed, totp_last_step, "
      "password_failures) VALUES (?, ?, ?, ?, ?)",
      {user_id, secret_hex, int64_t{security.totp_confirmed},
       static_cast<int64_t>(security.totp_last_step), security.password_failures}));
  return Ok{};
}

namespace {

// The user's security row, created with defaults if missing, so counters can be incremented.
Result<void> ensure_security_row(Database& db, const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(auto rows,
                      db.query("SELECT 1 FROM user_security WHERE user_id = ?", {user_id}));
  if (!rows.rows.empty()) return Ok{};
  return save_user_security(db, user_id, UserSecurity{});
}

Result<int64_t> increment(Database& db, const std::string& user_id, const std::string& column) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_RETURN_IF_ERROR(ensure_security_row(db, user_id));
  CP_RETURN_IF_ERROR(db.execute(
      "UPDATE user_security SET " + column + " = " + column + " + 1 WHERE user_id = ?", {user_id}));
  CP_ASSIGN_OR_RETURN(
      auto rows, db.query("SELECT " + column + " FROM user_security WHERE user_id = ?", {user_id}));
  CP_RETURN_IF_ERROR(tx.commit());
  return rows.rows[0].integer(0);
}

}  // namespace

Result<int64_t> count_password_failure(Database& db, const std::string& user_id) {
  return increment(db, user_id, "password_failures");
}

Result<int64_t> count_user_factor_failure(Database& db, const std::string& user_id) {
  return increment(db, user_id, "factor_failures");
}

Result<void> reset_password_failures(Database& db, const std::string& user_id) {
  CP_RETURN_IF_ERROR(
      db.execute("UPDATE user_security SET password_failures = 0 WHERE user_id = ?", {user_id}));
  return Ok{};
}

Result<void> clear_failures(Database& db, const std::string& user_id) {
  CP_RETURN_IF_ERROR(db.execute(
      "UPDATE user_security SET password_failures = 0, factor_failures = 0 WHERE user_id = ?",
      {user_id}));
  return Ok{};
}

Result<bool> advance_totp_step(Database& db, const std::string& user_id, uint64_t step) {
  CP_ASSIGN_OR_RETURN(
      int64_t changed,
      db.execute("UPDATE user_security SET totp_last_step = ? WHERE user_id = ? "
                 "AND totp_last_step < ?",
                 {static_cast<int64_t>(step), user_id, static_cast<int64_t>(step)}));
  return changed == 1;
}

Result<void> end_user_login_attempts(Database& db, const std::string& user_id) {
  CP_RETURN_IF_ERROR(db.execute("DELETE FROM login_attempt WHERE user_id = ?", {user_id}));
  return Ok{};
}

Result<std::string> create_login_attempt(Database& db, const std::string& user_id, UtcTime now,
                                         int64_t minutes) {
  const std::string token = new_token();
  CP_RETURN_IF_ERROR(
      db.execute("INSERT INTO login_attempt (attempt_hash, user_id, created_at, expires_at, "
                 "factor_failures) VALUES (?, ?, ?, ?, 0)",
                 {token_hash(token), user_id, format_utc(now), after(now, minutes)}));
  return token;
}

Result<std::optional<LoginAttempt>> find_login_attempt(Database& db, const std::string& token,
                                                       UtcTime now) {
  CP_ASSIGN_OR_RETURN(auto rows,
                      db.query("SELECT user_id, expires_at, factor_failures, email_code_hash, "
                               "email_code_expires_at, email_code_sent_at FROM login_attempt "
                               "WHERE attempt_hash = ? AND expires_at > ?",
                               {token_hash(token), format_utc(now)}));
  if (rows.rows.empty()) return std::optional<LoginAttempt>();
  const Row& row = rows.rows[0];
  return std::optional<LoginAttempt>(LoginAttempt{row.text(0), row.text(1), row.integer(2),
                                                  row.text(3), row.text(4), row.text(5)});
}

Result<void> set_email_code(Database& db, const std::string& token, const std::string& code_hash,
                            const std::string& expires_at, const std::string& sent_at) {
  CP_RETURN_IF_ERROR(
      db.execute("UPDATE login_attempt SET email_code_hash = ?, "
                 "email_code_expires_at = ?, email_code_sent_at = ? WHERE "
                 "attempt_hash = ?",
                 {code_hash, expires_at, sent_at, token_hash(token)}));
  return Ok{};
}

std::string email_code_hash(const std::string& token, const std::string& code) {
  return token_hash(token_hash(token) + ":" + code);
}

Result<void> end_login_attempt(Database& db, const std::string& token) {
  CP_RETURN_IF_ERROR(
      db.execute("DELETE FROM login_attempt WHERE attempt_hash = ?", {token_hash(token)}));
  return Ok{};
}

namespace {

// The hash kept for a recovery code: of the user and the code without its dash, lower case, so
// that "ABCDE-FGHIJ" and "abcdefghij" are the same code.
std::string recovery_hash(const std::string& user_id, const std::string& code) {
  std::string normal;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    normal.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return token_hash(user_id + ":" + normal);
}

}  // namespace

Result<std::vector<std::string>> issue_recovery_codes(Database& db, const std::string& user_id,
                                                      UtcTime now, int count) {
  static const char* kAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
  CP_RETURN_IF_ERROR(db.execute("DELETE FROM recovery_code WHERE user_id = ?", {user_id}));
  std::vector<std::string> codes;
  for (int i = 0; i < count; ++i) {
    std::string code;
    for (int k = 0; k < 10; ++k) {
      if (k == 5) code.push_back('-');
      code.push_back(kAlphabet[randombytes_uniform(32)]);
    }
    CP_RETURN_IF_ERROR(
        db.execute("INSERT INTO recovery_code (user_id, code_hash, issued_at, "
                   "used_at) VALUES (?, ?, ?, '')",
                   {user_id, recovery_hash(user_id, code), format_utc(now)}));
    codes.push_back(code);
  }
  return codes;
}

Result<bool> use_recovery_code(Database& db, const std::string& user_id, const std::string& code,
                               UtcTime now) {
  CP_ASSIGN_OR_RETURN(int64_t used,
                      db.execute("UPDATE recovery_code SET used_at = ? WHERE user_id = ? AND "
                                 "code_hash = ? AND used_at = ''",
                                 {format_utc(now), user_id, recovery_hash(user_id, code)}));
  return used == 1;
}

Result<int64_t> unused_recovery_codes(Database& db, const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query("SELECT COUNT(*) FROM recovery_code WHERE user_id = ? "
                                          "AND used_at = ''",
                                          {user_id}));
  return rows.rows[0].integer(0);
}

Result<NewSession> create_session(Database& db, const std::string& user_id, UtcTime now,
                                  int64_t absolute_minutes) {
  NewSession out{new_token(), new_token()};
  CP_RETURN_IF_ERROR(db.execute(
      "INSERT INTO user_session (session_hash, user_id, csrf_token, created_at, last_seen_at, "
      "absolute_expiry, ended_at, ended_reason) VALUES (?, ?, ?, ?, ?, ?, '', '')",
      {token_hash(out.token), user_id, out.csrf_token, format_utc(now), format_utc(now),
       after(now, absolute_minutes)}));
  return out;
}

const char* session_end_reason(const Session& session, UtcTime now, int64_t idle_minutes) {
  if (session.absolute_expiry <= format_utc(now)) return "expired";
  if (format_utc(now - std::chrono::minutes(idle_minutes)) >= session.last_seen_at) return "idle";
  return nullptr;
}

Result<void> touch_session(Database& db, const std::string& token, const Session& session,
                           UtcTime now) {
  if (format_utc(now - std::chrono::minutes(1)) < session.last_seen_at) return Ok{};
  CP_RETURN_IF_ERROR(db.execute("UPDATE user_session SET last_seen_at = ? WHERE session_hash = ?",
                                {format_utc(now), token_hash(token)}));
  return Ok{};
}

Result<void> end_session(Database& db, const std::string& token, UtcTime now,
                         const std::string& reason) {
  CP_RETURN_IF_ERROR(
      db.execute("UPDATE user_session SET ended_at = ?, ended_reason = ? WHERE "
                 "session_hash = ? AND ended_at = ''",
                 {format_utc(now), reason, token_hash(token)}));
  return Ok{};
}

Result<std::vector<SessionInfo>> list_sessions(Database& db, const std::string& user_id,
                                               bool include_ended) {
  CP_ASSIGN_OR_RETURN(
      auto rows,
      db.query(std::string("SELECT session_hash, created_at, last_seen_at, absolute_expiry, "
                           "ended_at, ended_reason FROM user_session WHERE user_id = ?") +
                   (include_ended ? "" : " AND ended_at = ''") +
                   " ORDER BY created_at DESC, session_hash",
               {user_id}));
  std::vector<SessionInfo> out;
  for (const Row& row : rows.rows) {
    out.push_back({row.text(0).substr(0, 12), row.text(1), row.text(2), row.text(3), row.text(4),
                   row.text(5)});
  }
  return out;
}

Result<int64_t> end_all_sessions(Database& db, const std::string& user_id, UtcTime now,
                                 const std::string& reason) {
  return db.execute(
      "UPDATE user_session SET ended_at = ?, ended_reason = ? WHERE user_id = ? AND "
      "ended_at = ''",
      {format_utc(now), reason, user_id});
}

}  // namespace cp::store
