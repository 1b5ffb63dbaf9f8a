// Second-factor state, login attempts and sessions in the database (migration 0015). Tokens
// are random and only their SHA-256 is stored (token_hash); every time is UTC text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "store/database.h"

namespace cp::store {

// 32 random bytes as 64 hex digits (libsodium), and the hash stored for it.
std::string new_token();
std::string token_hash(const std::string& token);

struct UserSecurity {
  std::string totp_secret;  // raw bytes; empty = none enrolled
  bool totp_confirmed = false;
  uint64_t totp_last_step = 0;
  int64_t password_failures = 0;
};
// A TOTP secret as stored: sealed under the database's secret key when it has one
// (store/secret_seal.h, bound to the user), else hex; and back.
std::string stored_totp_secret(const Database& db, const std::string& user_id,
                               const std::string& secret);
Result<std::string> read_totp_secret(const Database& db, const std::string& user_id,
                                     const std::string& stored);

// The user's row, or all defaults if none was written yet.
Result<UserSecurity> user_security(Database& db, const std::string& user_id);
// Counted atomically in the database (several `serve` processes may count at once); each
// returns the new count.
Result<int64_t> count_password_failure(Database& db, const std::string& user_id);
Result<int64_t> count_user_factor_failure(Database& db, const std::string& user_id);
// The right password clears the password count (not the second-factor count).
Result<void> reset_password_failures(Database& db, const std::string& user_id);
// A successful sign-in clears both counters.
Result<void> clear_failures(Database& db, const std::string& user_id);
// Records `step` as the last TOTP step used, only if it is later than the stored one; false if
// another request used it (or a later one) first: a replay.
Result<bool> advance_totp_step(Database& db, const std::string& user_id, uint64_t step);
// Ends every login attempt of the user (the account was locked).
Result<void> end_user_login_attempts(Database& db, const std::string& user_id);
Result<void> save_user_security(Database& db, const std::string& user_id,
                                const UserSecurity& security);

struct LoginAttempt {
  std::string user_id;
  std::string expires_at;
  int64_t factor_failures = 0;
  std::string email_code_hash;  // '' = no code sent
  std::string email_code_expires_at;
  std::string email_code_sent_at;
};
// Returns the attempt's token (for the cookie).
Result<std::string> create_login_attempt(Database& db, const std::string& user_id, UtcTime now,
                                         int64_t minutes);
// The live attempt for the token, or nullopt (unknown or expired at `now`).
Result<std::optional<LoginAttempt>> find_login_attempt(Database& db, const std::string& token,
                                                       UtcTime now);
// Records a code sent by email for the attempt (replacing any earlier one); `code_hash` is
// email_code_hash(token, code).
Result<void> set_email_code(Database& db, const std::string& token, const std::string& code_hash,
                            const std::string& expires_at, const std::string& sent_at);
// SHA-256 of the attempt and the code: a code is only good for the attempt it was sent for.
std::string email_code_hash(const std::string& token, const std::string& code);
Result<void> end_login_attempt(Database& db, const std::string& token);

// Recovery codes: `issue_recovery_codes` replaces the user's codes with `count` new ones and
// returns them (shown once); `use_recovery_code` spends a matching unused one (false if none).
// A code is 10 characters of a-z2-7 (50 random bits), written "abcde-fghij".
Result<std::vector<std::string>> issue_recovery_codes(Database& db, const std::string& user_id,
                                                      UtcTime now, int count);
Result<bool> use_recovery_code(Database& db, const std::string& user_id, const std::string& code,
                               UtcTime now);
Result<int64_t> unused_recovery_codes(Database& db, const std::string& user_id);

struct Session {
  std::string user_id;
  std::string csrf_token;
  std::string created_at;
  std::string last_seen_at;
  std::string absolute_expiry;
};
struct NewSession {
  std::string token;  // for the cookie, shown once
  std::string csrf_token;
};
Result<NewSession> create_session(Database& db, const std::string& user_id, UtcTime now,
                                  int64_t absolute_minutes);
// Why a session found at `now` must end: "expired" (past its absolute expiry), "idle" (unused
// for `idle_minutes`), or nullptr while it is live.
const char* session_end_reason(const Session& session, UtcTime now, int64_t idle_minutes);
// Records use; written at most once a minute per session (a read-mostly hot path).
Result<void> touch_session(Database& db, const std::string& token, const Session& session,
                           UtcTime now);
Result<void> end_session(Database& db, const std::string& token, UtcTime now,
                         const std::string& reason);
// A session as the operator sees it: never the token, only the first 12 hex digits of its
// stored hash (enough to tell sessions apart, nothing to sign in with).
struct SessionInfo {
  std::string id;
  std::string created_at;
  std::string last_seen_at;
  std::string absolute_expiry;
  std::string ended_at;  // '' while not ended
  std::string ended_reason;
};
// The user's sessions, newest first; ended ones too if `include_ended`.
Result<std::vector<SessionInfo>> list_sessions(Database& db, const std::string& user_id,
                                               bool include_ended);
// Ends every live session of the user; returns how many.
Result<int64_t> end_all_sessions(Database& db, const std::string& user_id, UtcTime now,
                                 const std::string& reason);

}  // namespace cp::store
