// Sign-in, sessions and the signed-in user (issue 5; docs/identity.md):
//   POST /api/v1/session/password  {user, password}  → a login attempt (cookie cp_login), never
//        a session: a password alone signs nobody in
//   POST /api/v1/session/totp      {code}            → the session (cookie cp_session, rotated
//        at sign-in) and its CSRF token
//   POST /api/v1/session/email-code/send             → a 6-digit code mailed to the registered
//        address (5 minutes; one per auth.email_code_resend_seconds)
//   POST /api/v1/session/email-code {code}           → the session, as with a TOTP code
//   POST /api/v1/session/logout | /logout-all        → ends this session | every session
//   POST /api/v1/session/fallback                    → the session by the password alone, while
//        SPEC AUTH-2 lets this user fall back (before 2FA is on; existing users until 2FA only)
//   GET  /api/v1/me                                  → the user, firms and roles
// Wrong passwords and wrong codes count apart (auth.password_failures_max, a timed lock;
// auth.factor_failures_max, the attempt ends and the account locks). Every outcome is audited.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "core/date.h"
#include "identity/password.h"
#include "identity/roles.h"
#include "identity/two_factor_migration.h"
#include "mail/mail_queue.h"
#include "mail/mailer.h"
#include "server/app.h"
#include "server/attempt_limiter.h"
#include "store/database.h"

namespace cp::server {

struct AuthPolicy {
  int64_t email_code_minutes = 5;
  int64_t email_code_resend_seconds = 60;
  int64_t password_failures_max = 5;
  int64_t password_lock_minutes = 15;
  int64_t factor_failures_max = 5;
  int64_t factor_lock_minutes = 0;  // 0 = until an administrator unlocks
  int64_t login_attempt_minutes = 5;
  int64_t session_idle_minutes = 30;
  int64_t session_absolute_minutes = 720;
  int64_t totp_enrolment_minutes = 10;  // a new app's QR code waits this long for its first code
  int64_t password_reset_minutes = 30;  // an emailed reset link works this long, once
  int64_t sign_in_attempts_per_address = 20;  // a minute, on the password routes (App)
  int64_t sign_in_attempts_per_login = 10;    // a minute, at the password step
  bool secure_cookies = false;                // under TLS
  // SPEC AUTH-2's phases (auth.2fa.*); the default (all in the past) is 2FA only.
  identity::MigrationDates migration;
  // The address users reach the portal at, for links in mail (never taken from the request's
  // Host header, which the sender controls); '' = no reset links are sent.
  std::string public_url;
};

struct AuthContext {
  store::Database& db;
  const Clock& clock;
  AuthPolicy policy;
  mail::Mailer* mailer = nullptr;  // nullptr: no SMTP relay configured, no email codes
  // The connectivity check's last look at the relay: it is public, so each call must not cost
  // an SMTP connection (a cheap way to stall the one server thread).
  std::optional<std::pair<UtcTime, bool>> relay_checked;
  identity::PasswordPolicy password_policy;  // for changes and resets
  std::mutex relay_mutex{};                  // relay_checked, read and set by every thread
  AttemptLimiter login_limiter{};            // auth.sign_in_attempts_per_login
  // Where mail leaves the request: the password-reset link is queued, never sent while the
  // sender waits (issue 14 finding 7: the time taken said whether the login exists).
  mail::MailQueue* mail_queue = nullptr;
};

// The per-minute attempts of a parameter as a limit: all at once, then one per 60/N seconds.
AttemptLimiter::Policy attempts_per_minute(int64_t attempts);

// The principal of a request's cp_session cookie, if it names a live session.
std::optional<Principal> authenticate(AuthContext& auth, const HttpRequest& request);

void add_auth_routes(App& app, AuthContext& auth);

// The value of one cookie of the request, or "".
std::string cookie(const HttpRequest& request, const std::string& name);

}  // namespace cp::server
