#include "server/password_reset_routes.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "server/route_support.h"
#include "store/credential_store.h"
#include "store/identity_store.h"
#include "store/session_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::json;

// The same answer whether or not the login exists or has an address: it says nothing about
// which logins exist.
HttpResponse requested() {
  return json_response(202, {{"message",
                              "if this login has a registered email address, a reset link is on "
                              "its way; it works once"}});
}

Result<HttpResponse> request_reset(AuthContext& auth, const HttpRequest& request) {
  auto body = json_fields(request, {"user"});
  if (!body) return error_response(400, "bad_request", R"(send {"user": …})");
  if (auth.mail_queue == nullptr || auth.policy.public_url.empty()) {
    return error_response(503, "reset_unavailable",
                          "password reset by email is not set up here: ask your administrator");
  }
  const std::string login = (*body)["user"];
  CP_ASSIGN_OR_RETURN(auto user, store::find_user(auth.db, login));
  const bool reachable = user && user->status != "disabled" && !user->email.empty() &&
                         user->email_status == "registered";
  if (!reachable) {
    CP_RETURN_IF_ERROR(audited_change(
        auth, "anonymous", "user.password_reset_refused", user ? "user:" + login : "user:unknown",
        {{"reason", user ? "no registered address or disabled" : "unknown user"}},
        [] { return Result<void>(Ok{}); }));
    return requested();
  }
  const UtcTime now = auth.clock.now();
  CP_ASSIGN_OR_RETURN(std::string last, store::last_password_reset_at(auth.db, login));
  if (!last.empty() &&
      format_utc(now - std::chrono::seconds(auth.policy.email_code_resend_seconds)) < last) {
    return requested();  // one mail per cooldown: nobody floods a user's inbox
  }
  const std::string expires =
      format_utc(now + std::chrono::minutes(auth.policy.password_reset_minutes));
  std::string token;
  CP_RETURN_IF_ERROR(audited_change(auth, "anonymous", "user.password_reset_sent", "user:" + login,
                                    {{"expires_at", expires}}, [&]() -> Result<void> {
                                      CP_ASSIGN_OR_RETURN(token, store::create_password_reset(
                                                                     auth.db, login, now, expires));
                                      return Ok{};
                                    }));
  // Queued once the link is on record, sent by the queue's thread: the answer takes the same
  // time whether or not a link went out (issue 14 finding 7). The token rides in the fragment
  // (#): browsers send it to no server, so it reaches no access log and no Referer.
  const Result<void> queued = auth.mail_queue->enqueue(
      {user->email, "Reset your connectpost password",
       "Someone asked to reset the password of " + login + ". To choose a new one, open\n\n  " +
           auth.policy.public_url + "/reset.html#token=" + token +
           "\n\nThe link works once, until " + expires +
           " UTC. Signing in still needs your second factor. If you did not ask, tell your "
           "administrator.\n"});
  if (!queued.ok())
    spdlog::warn("password reset link for {} not queued: {}", login, queued.error().message);
  return requested();
}

bool plausible_token(const std::string& token) {
  return token.size() == 64 && token.find_first_not_of("0123456789abcdef") == std::string::npos;
}

Result<HttpResponse> confirm_reset(AuthContext& auth, const HttpRequest& request) {
  auto body = json_fields(request, {"token", "new_password"});
  if (!body) return error_response(400, "bad_request", R"(send {"token": …, "new_password": …})");
  const std::string token = (*body)["token"];
  const std::string new_password = (*body)["new_password"];
  HttpResponse dead_link =
      error_response(400, "invalid_link", "this link is unknown, already used or expired");
  if (!plausible_token(token)) return dead_link;
  const UtcTime now = auth.clock.now();
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(auth.db));
  CP_ASSIGN_OR_RETURN(auto login, store::use_password_reset(auth.db, token, now));
  if (!login) return dead_link;
  const Result<void> allowed = identity::check_password(auth.password_policy, new_password, *login);
  // Returning without commit rolls back: a refused password does not spend the link.
  if (!allowed.ok()) return error_response(422, "weak_password", allowed.error().message);
  CP_ASSIGN_OR_RETURN(std::string hash, identity::hash_password(new_password));
  int64_t ended = 0;
  CP_RETURN_IF_ERROR(audited_change(
      auth, "user:" + *login, "user.password_reset", "user:" + *login, {{"by", "emailed link"}},
      [&]() -> Result<void> {
        CP_RETURN_IF_ERROR(store::set_password_hash(auth.db, *login, hash));
        CP_RETURN_IF_ERROR(store::reset_password_failures(auth.db, *login));
        CP_RETURN_IF_ERROR(store::end_user_login_attempts(auth.db, *login));
        CP_ASSIGN_OR_RETURN(ended, store::end_all_sessions(auth.db, *login, now, "password reset"));
        return Ok{};
      }));
  CP_RETURN_IF_ERROR(tx.commit());
  return json_response(200, {{"reset", true}, {"sessions_ended", ended}});
}

}  // namespace

void add_password_reset_routes(App& app, AuthContext& auth) {
  Router& router = app.router();
  router.add(
      {"POST", "/api/v1/password-reset",
       Access::public_route("a user who forgot the password cannot sign in; answers alike for "
                            "every login"),
       [&auth](const RequestContext& c) { return or_failure(request_reset(auth, c.request)); },
       "Ask for a password-reset link by email"});
  router.add(
      {"POST", "/api/v1/password-reset/confirm",
       Access::public_route("authorised by the one-time token from the mailed link"),
       [&auth](const RequestContext& c) { return or_failure(confirm_reset(auth, c.request)); },
       "Set a new password with the mailed link's token", Body::kJson, Cost::kPasswordHash});
}

}  // namespace cp::server
