#include "server/auth_routes.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <variant>

#include "identity/password.h"
#include "identity/totp.h"
#include "server/route_support.h"
#include "store/audit_store.h"
#include "store/identity_store.h"
#include "store/principal_store.h"
#include "store/session_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::json;

// The same answer for an unknown user and a wrong password: it says nothing about which logins
// exist.
HttpResponse wrong_credentials() {
  return error_response(401, "wrong_credentials", "wrong user name or password");
}

// An Argon2id hash of a random password, checked when the user is unknown so that an unknown
// login costs the same time as a wrong password.
const std::string& dummy_hash() {
  static const std::string hash = *identity::hash_password(store::new_token());
  return hash;
}

// How `user` may sign in today (SPEC AUTH-2). An "existing user" was created before the day
// 2FA came on (Hong Kong time).
identity::SignInRule sign_in_rule_of(const AuthContext& auth, const store::User& user) {
  const identity::MigrationDates& dates = auth.policy.migration;
  const bool existing = user.created_at < format_utc(from_hkt(dates.two_factor_on, TimeOfDay()));
  return identity::sign_in_rule(dates, to_hkt(auth.clock.now()).date, existing);
}

Result<HttpResponse> password_step(AuthContext& auth, const HttpRequest& request) {
  auto body = json_fields(request, {"user", "password"});
  if (!body) return error_response(400, "bad_request", R"(send {"user": …, "password": …})");
  const std::string login = (*body)["user"];
  const std::string password = (*body)["password"];
  const UtcTime now = auth.clock.now();
  // Per login, known or not, before any hashing (the App limits each source address too):
  // a guess spread over many addresses at one account is slowed as well.
  if (const int64_t wait_seconds = auth.login_limiter.take(login, now); wait_seconds > 0) {
    return too_many_attempts("for this login", wait_seconds);
  }
  CP_ASSIGN_OR_RETURN(auto user, store::find_user(auth.db, login));
  if (!user) {
    (void)identity::verify_password(dummy_hash(), password);
    // What was typed as a login may be a password typed in the wrong field: it is recorded only
    // if it could be a login name at all.
    const bool login_like =
        login.size() >= 3 && login.size() <= 64 &&
        login.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") == std::string::npos;
    CP_RETURN_IF_ERROR(audited_change(
        auth, "anonymous", "user.login_failed", login_like ? "user:" + login : "user:unknown",
        {{"factor", "password"}, {"reason", "unknown user"}}, [] { return Result<void>(Ok{}); }));
    return wrong_credentials();
  }
  const std::string object = "user:" + login;
  CP_ASSIGN_OR_RETURN(std::string hash, store::password_hash_of(auth.db, login));
  CP_ASSIGN_OR_RETURN(store::UserSecurity security, store::user_security(auth.db, login));
  // An account without a password is checked against the dummy hash: the same time as any.
  const bool right =
      identity::verify_password(hash.empty() ? dummy_hash() : hash, password) && !hash.empty();
  if (!right) {
    CP_RETURN_IF_ERROR(count_wrong_password(auth, login, user->status));
    return wrong_credentials();
  }
  // The right password: a lock still in force is said now, and only now.
  const bool locked = user->status == "locked" &&
                      (user->locked_until.empty() || user->locked_until > format_utc(now));
  if (user->status == "disabled" || locked) {
    CP_RETURN_IF_ERROR(audited_change(auth, "user:" + login, "user.login_refused", object,
                                      {{"reason", user->status}},
                                      [] { return Result<void>(Ok{}); }));
    return error_response(403, "locked",
                          locked && !user->locked_until.empty()
                              ? "this account is locked until " + user->locked_until + " UTC"
                              : "this account is locked: ask your administrator");
  }
  // Only a registered address receives codes: an administrator's waits for the operator (AUTH-1).
  const bool email_ready = !user->email.empty() && user->email_status == "registered";
  const identity::SignInRule rule = sign_in_rule_of(auth, *user);
  if (rule.email_required && !email_ready) {
    // SPEC AUTH-2: once 2FA is on, no registered designated email, no sign-in; and told why.
    return error_response(
        403, "no_registered_email",
        rule.why + ": this account " +
            (user->email.empty() ? std::string("has no registered designated email")
                                 : "has a designated email still waiting for the operator's "
                                   "approval") +
            ", so it cannot sign in. Ask your administrator (SPEC AUTH-1).");
  }
  Json factors = Json::array();
  if (security.totp_confirmed) factors.push_back("totp");
  if (email_ready && auth.mailer != nullptr) factors.push_back("email");
  if (rule.fallback_allowed) factors.push_back("password_only");
  if (factors.empty()) {
    // SPEC AUTH-1, AUTH-2: no registered second factor, no sign-in, and the user is told why.
    return error_response(403, "no_second_factor",
                          "no second factor is registered for this account: ask your "
                          "administrator to register your email or authenticator app "
                          "(SPEC AUTH-1)");
  }
  std::string token;
  CP_RETURN_IF_ERROR(audited_change(
      auth, "user:" + login, "user.password_accepted", object, Json::object(),
      [&]() -> Result<void> {
        CP_RETURN_IF_ERROR(store::reset_password_failures(auth.db, login));
        if (user->status == "locked") {  // a lapsed timed lock
          CP_RETURN_IF_ERROR(store::set_lock(auth.db, login, false, ""));
        }
        CP_ASSIGN_OR_RETURN(token, store::create_login_attempt(auth.db, login, now,
                                                               auth.policy.login_attempt_minutes));
        return Ok{};
      }));
  HttpResponse response = json_response(200, {{"second_factor", factors}});
  response.headers["set-cookie"] =
      set_cookie(auth.policy, "cp_login", token, auth.policy.login_attempt_minutes * 60);
  return response;
}

// A wrong second-factor code: counted on the attempt; at auth.factor_failures_max the attempt
// ends and the account locks (until an administrator unlocks it, or for
// auth.factor_lock_minutes).
Result<HttpResponse> factor_failure(AuthContext& auth, const store::LoginAttempt& attempt,
                                    const std::string& factor, const std::string& message) {
  const std::string& login = attempt.user_id;
  const UtcTime now = auth.clock.now();
  const std::string until =
      auth.policy.factor_lock_minutes == 0
          ? ""
          : format_utc(now + std::chrono::minutes(auth.policy.factor_lock_minutes));
  // Counted on the user, not the attempt: a new attempt (the password again) does not start the
  // count over. Reset only by a successful sign-in.
  int64_t failures = 0;
  bool lock = false;
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(auth.db));
  CP_ASSIGN_OR_RETURN(failures, store::count_user_factor_failure(auth.db, login));
  lock = failures >= auth.policy.factor_failures_max;
  if (lock) {
    // Every attempt of the user ends with the lock: a new one needs the password again, and the
    // lock refuses it.
    CP_RETURN_IF_ERROR(store::end_user_login_attempts(auth.db, login));
    CP_RETURN_IF_ERROR(store::set_lock(auth.db, login, true, until));
  }
  CP_RETURN_IF_ERROR(store::append_audit(
      auth.db, auth.clock,
      {"user:" + login, "", lock ? "user.locked" : "user.login_failed", "user:" + login,
       Json{{"factor", factor}, {"failures", failures}}.dump()}));
  CP_RETURN_IF_ERROR(tx.commit());
  if (lock) {
    return error_response(403, "locked",
                          "too many wrong codes: this sign-in is over and the account is locked");
  }
  return error_response(401, "wrong_code", message);
}

// The second factor passed: the attempt is spent and a session opens (a new id at every
// sign-in: no fixation), with `also` (the factor's own bookkeeping) in the same transaction.
Result<HttpResponse> open_session(AuthContext& auth, const std::string& token,
                                  const std::string& login, const std::string& factor,
                                  const std::function<Result<void>()>& also) {
  store::NewSession session;
  CP_RETURN_IF_ERROR(audited_change(
      auth, "user:" + login, "user.signed_in", "user:" + login, {{"factor", factor}},
      [&]() -> Result<void> {
        CP_RETURN_IF_ERROR(also());
        CP_RETURN_IF_ERROR(store::clear_failures(auth.db, login));
        CP_RETURN_IF_ERROR(store::end_login_attempt(auth.db, token));
        CP_ASSIGN_OR_RETURN(session, store::create_session(auth.db, login, auth.clock.now(),
                                                           auth.policy.session_absolute_minutes));
        return Ok{};
      }));
  HttpResponse response = json_response(200, {{"user", login}, {"csrf_token", session.csrf_token}});
  response.headers["set-cookie"] = set_cookie(auth.policy, "cp_session", session.token,
                                              auth.policy.session_absolute_minutes * 60);
  return response;
}

// The sign-in attempt of the request's cp_login cookie, or the response refusing it.
struct Attempt {
  std::string token;
  store::LoginAttempt attempt;
};
Result<std::variant<Attempt, HttpResponse>> live_attempt(AuthContext& auth,
                                                         const HttpRequest& request) {
  const std::string token = cookie(request, "cp_login");
  CP_ASSIGN_OR_RETURN(auto attempt, store::find_login_attempt(auth.db, token, auth.clock.now()));
  if (token.empty() || !attempt) {
    return std::variant<Attempt, HttpResponse>(
        error_response(401, "no_login_attempt", "sign in with your password first"));
  }
  // An account locked or disabled since the password step has no attempt any more.
  CP_ASSIGN_OR_RETURN(auto user, store::find_user(auth.db, attempt->user_id));
  if (!user || user->status != "active") {
    CP_RETURN_IF_ERROR(store::end_login_attempt(auth.db, token));
    return std::variant<Attempt, HttpResponse>(
        error_response(401, "no_login_attempt", "sign in with your password first"));
  }
  return std::variant<Attempt, HttpResponse>(Attempt{token, *attempt});
}

Result<HttpResponse> totp_step(AuthContext& auth, const HttpRequest& request) {
  auto body = json_fields(request, {"code"});
  if (!body) return error_response(400, "bad_request", R"(send {"code": "123456"})");
  CP_ASSIGN_OR_RETURN(auto found, live_attempt(auth, request));
  if (auto* refusal = std::get_if<HttpResponse>(&found)) return *refusal;
  const Attempt& a = std::get<Attempt>(found);
  const std::string& login = a.attempt.user_id;
  CP_ASSIGN_OR_RETURN(store::UserSecurity security, store::user_security(auth.db, login));
  const int64_t unix_seconds =
      std::chrono::duration_cast<std::chrono::seconds>(auth.clock.now().time_since_epoch()).count();
  const auto step = identity::totp_verify(security.totp_secret, (*body)["code"].get<std::string>(),
                                          unix_seconds, security.totp_last_step);
  if (!security.totp_confirmed || !step) {
    return factor_failure(auth, a.attempt, "totp", "wrong or already used code");
  }
  // No code of this step or before is accepted again — checked and recorded in one conditional
  // update, so that two server processes cannot both accept the same code.
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(auth.db));
  CP_ASSIGN_OR_RETURN(bool advanced, store::advance_totp_step(auth.db, login, *step));
  if (!advanced) {
    CP_RETURN_IF_ERROR(tx.commit());
    return factor_failure(auth, a.attempt, "totp", "wrong or already used code");
  }
  CP_ASSIGN_OR_RETURN(HttpResponse response, open_session(auth, a.token, login, "totp",
                                                          [] { return Result<void>(Ok{}); }));
  CP_RETURN_IF_ERROR(tx.commit());
  return response;
}

// A recovery code in place of the second factor: spent on use, counted as a factor failure if
// wrong (so codes cannot be guessed faster than TOTP codes).
Result<HttpResponse> recovery_code_step(AuthContext& auth, const HttpRequest& request) {
  auto body = json_fields(request, {"code"});
  if (!body) return error_response(400, "bad_request", R"(send {"code": "abcde-fghij"})");
  CP_ASSIGN_OR_RETURN(auto found, live_attempt(auth, request));
  if (auto* refusal = std::get_if<HttpResponse>(&found)) return *refusal;
  const Attempt& a = std::get<Attempt>(found);
  const std::string& login = a.attempt.user_id;
  bool spent = false;
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(auth.db));
  CP_ASSIGN_OR_RETURN(spent,
                      store::use_recovery_code(auth.db, login, (*body)["code"].get<std::string>(),
                                               auth.clock.now()));
  if (!spent) {
    CP_RETURN_IF_ERROR(tx.commit());  // nothing written; the failure is counted below
    return factor_failure(auth, a.attempt, "recovery_code", "wrong or used code");
  }
  // The session opens in the same transaction that spends the code.
  CP_ASSIGN_OR_RETURN(HttpResponse response, open_session(auth, a.token, login, "recovery_code",
                                                          [] { return Result<void>(Ok{}); }));
  CP_RETURN_IF_ERROR(tx.commit());
  return response;
}

// "alice@alpha.example" → "a***@alpha.example": enough to recognise, not to harvest.
std::string masked(const std::string& email) {
  const size_t at = email.find('@');
  return email.substr(0, 1) + "***" + (at == std::string::npos ? "" : email.substr(at));
}

Result<HttpResponse> send_email_code(AuthContext& auth, const HttpRequest& request) {
  CP_ASSIGN_OR_RETURN(auto found, live_attempt(auth, request));
  if (auto* refusal = std::get_if<HttpResponse>(&found)) return *refusal;
  const Attempt& a = std::get<Attempt>(found);
  CP_ASSIGN_OR_RETURN(auto user, store::find_user(auth.db, a.attempt.user_id));
  if (!user || user->email.empty() || user->email_status != "registered" ||
      auth.mailer == nullptr) {
    return error_response(409, "no_email", "no email address is registered for this account");
  }
  const UtcTime now = auth.clock.now();
  if (!a.attempt.email_code_sent_at.empty() &&
      format_utc(now - std::chrono::seconds(auth.policy.email_code_resend_seconds)) <
          a.attempt.email_code_sent_at) {
    return error_response(429, "too_soon",
                          "a code was sent moments ago: wait " +
                              std::to_string(auth.policy.email_code_resend_seconds) +
                              " seconds before asking for another");
  }
  char code[8];
  std::snprintf(code, sizeof code, "%06u", randombytes_uniform(1'000'000));  // uniform, 6 digits
  const std::string expires =
      format_utc(now + std::chrono::minutes(auth.policy.email_code_minutes));
  const Result<void> sent = audited_change(
      auth, "user:" + user->user_id, "user.email_code_sent", "user:" + user->user_id,
      {{"to", masked(user->email)}}, [&]() -> Result<void> {
        CP_RETURN_IF_ERROR(store::set_email_code(
            auth.db, a.token, store::email_code_hash(a.token, code), expires, format_utc(now)));
        // Sent inside the transaction: if the relay refuses, no code is recorded either.
        return auth.mailer->send(
            {user->email, "Your connectpost sign-in code",
             std::string("Your sign-in code is ") + code + ".\n\nIt is valid for " +
                 std::to_string(auth.policy.email_code_minutes) +
                 " minutes. If you did not try to sign in, tell your administrator.\n"});
      });
  if (!sent.ok()) {  // the relay refused or is down: nothing was recorded; say so, not why
    spdlog::warn("email code for {} not sent: {}", user->user_id, sent.error().message);
    return error_response(503, "mail_failed", "the code could not be sent: try again shortly");
  }
  return json_response(200, {{"sent_to", masked(user->email)}, {"expires_at", expires}});
}

Result<HttpResponse> email_code_step(AuthContext& auth, const HttpRequest& request) {
  auto body = json_fields(request, {"code"});
  if (!body) return error_response(400, "bad_request", R"(send {"code": "123456"})");
  CP_ASSIGN_OR_RETURN(auto found, live_attempt(auth, request));
  if (auto* refusal = std::get_if<HttpResponse>(&found)) return *refusal;
  const Attempt& a = std::get<Attempt>(found);
  const std::string given = store::email_code_hash(a.token, (*body)["code"].get<std::string>());
  const bool live = !a.attempt.email_code_hash.empty() &&
                    a.attempt.email_code_expires_at > format_utc(auth.clock.now());
  if (!live || sodium_memcmp(given.data(), a.attempt.email_code_hash.data(), given.size()) != 0) {
    return factor_failure(auth, a.attempt, "email",
                          live ? "wrong code" : "no code was sent, or it has expired");
  }
  return open_session(auth, a.token, a.attempt.user_id, "email", [] { return Result<void>(Ok{}); });
}

// The page of a signed-in browser needs its CSRF token again after a reload: it is read here
// (same-origin only: no CORS), never from a cookie a script could reach. Only what
// authentication already read: this is the hot path every page load takes.
HttpResponse me(const RequestContext& c) {
  Json firms = Json::array();
  for (const auto& m : c.principal->memberships) {
    firms.push_back(
        {{"firm", m.firm_id}, {"kind", identity::firm_kind_code(m.firm_kind)}, {"roles", m.roles}});
  }
  return json_response(
      200,
      {{"user", c.principal->user_id}, {"firms", firms}, {"csrf_token", c.principal->csrf_token}});
}

// The account page's second-factor panel.
Result<HttpResponse> my_security(AuthContext& auth, const RequestContext& c) {
  const std::string& login = c.principal->user_id;
  CP_ASSIGN_OR_RETURN(auto user, store::find_user(auth.db, login));
  CP_ASSIGN_OR_RETURN(store::UserSecurity security, store::user_security(auth.db, login));
  CP_ASSIGN_OR_RETURN(int64_t recovery_codes, store::unused_recovery_codes(auth.db, login));
  return json_response(
      200, {{"user", login},
            {"name", user ? user->display_name : ""},
            {"totp", security.totp_confirmed},
            {"email", user && !user->email.empty() ? masked(user->email) : ""},
            {"email_status", user && !user->email.empty() ? user->email_status : "none"},
            {"recovery_codes_left", recovery_codes}});
}

// The old method (SPEC AUTH-2): the password alone, for as long as the phase lets this user
// fall back. Checked again here, not trusted from the password step: the day may have turned.
Result<HttpResponse> fallback_step(AuthContext& auth, const HttpRequest& request) {
  CP_ASSIGN_OR_RETURN(auto found, live_attempt(auth, request));
  if (auto* refusal = std::get_if<HttpResponse>(&found)) return *refusal;
  const Attempt& a = std::get<Attempt>(found);
  CP_ASSIGN_OR_RETURN(auto user, store::find_user(auth.db, a.attempt.user_id));
  const identity::SignInRule rule = sign_in_rule_of(auth, *user);
  const bool email_ready = !user->email.empty() && user->email_status == "registered";
  if (!rule.fallback_allowed || (rule.email_required && !email_ready)) {
    CP_RETURN_IF_ERROR(audited_change(auth, "user:" + user->user_id, "user.login_refused",
                                      "user:" + user->user_id, {{"reason", "fallback off"}},
                                      [] { return Result<void>(Ok{}); }));
    return error_response(403, "fallback_off",
                          rule.why + ": sign in with your second factor (SPEC AUTH-2)");
  }
  return open_session(auth, a.token, user->user_id, "password_only",
                      [] { return Result<void>(Ok{}); });
}

}  // namespace

std::string cookie(const HttpRequest& request, const std::string& name) {
  const std::string header = request.header("cookie");
  size_t at = 0;
  while (at < header.size()) {
    while (at < header.size() && (header[at] == ' ' || header[at] == ';')) ++at;
    const size_t end = header.find(';', at);
    const std::string pair = header.substr(at, end == std::string::npos ? end : end - at);
    const size_t eq = pair.find('=');
    if (eq != std::string::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return "";
}

std::optional<Principal> authenticate(AuthContext& auth, const HttpRequest& request) {
  const std::string token = cookie(request, "cp_session");
  if (token.empty()) return std::nullopt;
  const UtcTime now = auth.clock.now();
  auto found = store::find_signed_in(auth.db, token, now, auth.policy.session_idle_minutes);
  if (!found.ok() || !*found) return std::nullopt;
  store::SignedIn& in = **found;
  (void)store::touch_session(auth.db, token, in.session, now);
  return Principal{in.session.user_id, std::move(in.memberships), token, in.session.csrf_token};
}

AttemptLimiter::Policy attempts_per_minute(int64_t attempts) {
  AttemptLimiter::Policy policy;
  policy.burst = attempts;
  policy.interval = std::chrono::seconds(attempts > 0 ? std::max<int64_t>(1, 60 / attempts) : 60);
  return policy;
}

void add_auth_routes(App& app, AuthContext& auth) {
  Router& router = app.router();
  router.add(
      {"POST", "/api/v1/session/password",
       Access::public_route("the first step of sign-in; answers alike for unknown users"),
       [&auth](const RequestContext& c) { return or_failure(password_step(auth, c.request)); },
       "Sign-in, step 1: user and password → a login attempt awaiting the second factor",
       Body::kJson, Cost::kPasswordHash});
  router.add({"POST", "/api/v1/session/totp",
              Access::public_route("the second step of sign-in, bound to the login cookie"),
              [&auth](const RequestContext& c) { return or_failure(totp_step(auth, c.request)); },
              "Sign-in, step 2: an authenticator-app code → the session and its CSRF token"});
  router.add(
      {"POST", "/api/v1/session/email-code/send",
       Access::public_route("mails a sign-in code to the attempt's own registered address"),
       [&auth](const RequestContext& c) { return or_failure(send_email_code(auth, c.request)); },
       "Sign-in, step 2 by email: send a 6-digit code to the registered address"});
  router.add(
      {"POST", "/api/v1/session/email-code",
       Access::public_route("the second step of sign-in, bound to the login cookie"),
       [&auth](const RequestContext& c) { return or_failure(email_code_step(auth, c.request)); },
       "Sign-in, step 2 by email: the mailed code → the session and its CSRF token"});
  router.add(
      {"POST", "/api/v1/session/fallback",
       Access::public_route("the second step of sign-in, bound to the login cookie"),
       [&auth](const RequestContext& c) { return or_failure(fallback_step(auth, c.request)); },
       "Sign-in, step 2 by the old method (the password alone) while SPEC AUTH-2 allows it"});
  router.add(
      {"GET", "/api/v1/connectivity",
       Access::public_route("SPEC AUTH-3: checked before signing in; no account data"),
       [&auth](const RequestContext&) {
         // The server's clock, so that a user can compare their authenticator's time: a
         // phone more than 30 s off gets codes refused.
         const UtcTime now = auth.clock.now();
         const bool database = auth.db.query("SELECT 1").ok();
         Json mail = {{"configured", auth.mailer != nullptr}};
         if (auth.mailer != nullptr) {
           const std::lock_guard<std::mutex> lock(auth.relay_mutex);
           if (!auth.relay_checked || now - auth.relay_checked->first > std::chrono::seconds(30)) {
             auth.relay_checked = std::make_pair(now, auth.mailer->check().ok());
           }
           mail["reachable"] = auth.relay_checked->second;  // at most 30 s old
         }
         const bool ok = database && (auth.mailer == nullptr || mail["reachable"] == true);
         return json_response(
             ok ? 200 : 503,
             {{"ok", ok},
              {"server_time_utc", format_utc(now)},
              {"unix_seconds",
               std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count()},
              {"totp", {{"algorithm", "SHA1"}, {"digits", 6}, {"period_seconds", 30}}},
              {"database", database},
              {"mail", mail}});
       },
       "Connectivity check of the sign-in service: database, mail relay, server time"});
  router.add(
      {"POST", "/api/v1/session/recovery-code",
       Access::public_route("the second step of sign-in, bound to the login cookie"),
       [&auth](const RequestContext& c) { return or_failure(recovery_code_step(auth, c.request)); },
       "Sign-in, step 2 with a one-time recovery code when the second factor is lost"});
  router.add({"POST", "/api/v1/session/logout", Access::signed_in(),
              [&auth](const RequestContext& c) {
                const std::string& user = c.principal->user_id;
                const Result<void> done = audited_change(
                    auth, "user:" + user, "user.signed_out", "user:" + user, Json::object(), [&] {
                      return store::end_session(auth.db, c.principal->session_token,
                                                auth.clock.now(), "signed out");
                    });
                if (!done.ok()) return storage_failure();
                HttpResponse response = json_response(200, {{"signed_out", 1}});
                response.headers["set-cookie"] = set_cookie(auth.policy, "cp_session", "", 0);
                return response;
              },
              "Sign out of this session"});
  router.add({"POST", "/api/v1/session/logout-all", Access::signed_in(),
              [&auth](const RequestContext& c) {
                const std::string& user = c.principal->user_id;
                int64_t ended = 0;
                const Result<void> done = audited_change(
                    auth, "user:" + user, "user.signed_out_everywhere", "user:" + user,
                    Json::object(), [&]() -> Result<void> {
                      CP_ASSIGN_OR_RETURN(ended,
                                          store::end_all_sessions(auth.db, user, auth.clock.now(),
                                                                  "signed out everywhere"));
                      return Ok{};
                    });
                if (!done.ok()) return storage_failure();
                HttpResponse response = json_response(200, {{"signed_out", ended}});
                response.headers["set-cookie"] = set_cookie(auth.policy, "cp_session", "", 0);
                return response;
              },
              "Sign out of every session of this user"});
  router.add({"GET", "/api/v1/me", Access::signed_in(), me,
              "The signed-in user: firms and roles, and the session's CSRF token for the pages"});
  router.add({"GET", "/api/v1/me/security", Access::signed_in(),
              [&auth](const RequestContext& c) { return or_failure(my_security(auth, c)); },
              "The signed-in user's name and second factors: app, designated email, recovery "
              "codes left"});
}

}  // namespace cp::server
