// Self-service credentials (migration 0020; docs/identity.md): an authenticator app waiting for
// its first code, and password-reset links. Every time is UTC text; a reset link's token is
// never stored, only its SHA-256 (token_hash).
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "store/database.h"

namespace cp::store {

// Keeps `secret` as the user's pending authenticator app until `expires_at`, replacing any
// earlier pending one; the confirmed app (if any) stays in force.
Result<void> set_pending_totp(Database& db, const std::string& user_id, const std::string& secret,
                              const std::string& expires_at);
// The pending secret still live at `now_utc`, or "".
Result<std::string> pending_totp(Database& db, const std::string& user_id,
                                 const std::string& now_utc);
// The pending secret becomes the user's app, with `step` (the code that proved it) as the last
// step used: the same code cannot then sign in.
Result<void> confirm_pending_totp(Database& db, const std::string& user_id, uint64_t step);

// A new reset link's token for the user, valid until `expires_at`; earlier unused links end.
Result<std::string> create_password_reset(Database& db, const std::string& user_id, UtcTime now,
                                          const std::string& expires_at);
// When the user's latest reset link was made ('' if never): the resend cooldown.
Result<std::string> last_password_reset_at(Database& db, const std::string& user_id);
// Spends the link: the user it was made for, if it is unused and live at `now`; nullopt
// otherwise. Spent in one conditional update, so two requests cannot both use it.
Result<std::optional<std::string>> use_password_reset(Database& db, const std::string& token,
                                                      UtcTime now);

}  // namespace cp::store
