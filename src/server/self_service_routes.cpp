#include "server/self_service_routes.h"

#include <chrono>

#include "identity/qr_svg.h"
#include "identity/totp.h"
#include "server/route_support.h"
#include "store/credential_store.h"
#include "store/identity_store.h"
#include "store/session_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::json;

// The signed-in user's password, asked again before a credential changes. A wrong one counts
// as at sign-in (and may lock the account, which ends its sessions' use).
Result<bool> password_again(AuthContext& auth, const std::string& login,
                            const std::string& password) {
  CP_ASSIGN_OR_RETURN(std::string hash, store::password_hash_of(auth.db, login));
  if (!hash.empty() && identity::verify_password(hash, password)) return true;
  CP_ASSIGN_OR_RETURN(auto user, store::find_user(auth.db, login));
  CP_RETURN_IF_ERROR(count_wrong_password(auth, login, user ? user->status : "disabled"));
  return false;
}

HttpResponse wrong_password() {
  return error_response(401, "wrong_password", "that is not your current password");
}

// "JBSWY3DPEHPK3PXP…" in groups of four, as authenticator apps show a key typed by hand.
std::string grouped(const std::string& key) {
  std::string out;
  for (size_t i = 0; i < key.size(); i += 4) out += (i ? " " : "") + key.substr(i, 4);
  return out;
}

Result<HttpResponse> start_totp(AuthContext& auth, const RequestContext& c) {
  auto body = json_fields(c.request, {"password"});
  if (!body) return error_response(400, "bad_request", R"(send {"password": …})");
  const std::string& login = c.principal->user_id;
  CP_ASSIGN_OR_RETURN(bool right, password_again(auth, login, (*body)["password"]));
  if (!right) return wrong_password();
  const std::string secret = identity::new_totp_secret();
  const std::string uri = identity::otpauth_uri("connectpost", login, secret);
  CP_ASSIGN_OR_RETURN(std::string svg, identity::qr_svg(uri));
  const std::string expires =
      format_utc(auth.clock.now() + std::chrono::minutes(auth.policy.totp_enrolment_minutes));
  CP_RETURN_IF_ERROR(
      audited_change(auth, "user:" + login, "user.totp_enrolment_started", "user:" + login,
                     {{"expires_at", expires}},
                     [&] { return store::set_pending_totp(auth.db, login, secret, expires); }));
  // The secret goes to this user's own browser once, over this answer (no-store), never to a log.
  return json_response(200, {{"key", grouped(identity::base32(secret))},
                             {"otpauth_uri", uri},
                             {"qr_svg", svg},
                             {"expires_at", expires}});
}

Result<HttpResponse> confirm_totp(AuthContext& auth, const RequestContext& c) {
  auto body = json_fields(c.request, {"code"});
  if (!body) return error_response(400, "bad_request", R"(send {"code": "123456"})");
  const std::string& login = c.principal->user_id;
  const UtcTime now = auth.clock.now();
  CP_ASSIGN_OR_RETURN(std::string pending, store::pending_totp(auth.db, login, format_utc(now)));
  if (pending.empty()) {
    return error_response(409, "no_pending_app",
                          "no new authenticator app is waiting, or its QR code has expired: "
                          "start again");
  }
  const int64_t unix_seconds =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const auto step =
      identity::totp_verify(pending, (*body)["code"].get<std::string>(), unix_seconds, 0);
  // Not counted as a failure: the user is signed in and the secret is theirs; a wrong code here
  // is a mistyped or mis-scanned app, and the app in use stays as it was.
  if (!step) {
    return error_response(422, "wrong_code",
                          "that code does not match the new app: check the app's clock and "
                          "that it scanned this QR code");
  }
  CP_RETURN_IF_ERROR(
      audited_change(auth, "user:" + login, "user.totp_enrolled", "user:" + login, {{"by", "self"}},
                     [&] { return store::confirm_pending_totp(auth.db, login, *step); }));
  return json_response(200, {{"totp", true}});
}

Result<HttpResponse> change_password(AuthContext& auth, const RequestContext& c) {
  auto body = json_fields(c.request, {"current_password", "new_password"});
  if (!body) {
    return error_response(400, "bad_request", R"(send {"current_password": …, "new_password": …})");
  }
  const std::string& login = c.principal->user_id;
  CP_ASSIGN_OR_RETURN(bool right, password_again(auth, login, (*body)["current_password"]));
  if (!right) return wrong_password();
  const std::string new_password = (*body)["new_password"];
  const Result<void> allowed = identity::check_password(auth.password_policy, new_password, login);
  if (!allowed.ok()) return error_response(422, "weak_password", allowed.error().message);
  CP_ASSIGN_OR_RETURN(std::string hash, identity::hash_password(new_password));
  const UtcTime now = auth.clock.now();
  store::NewSession session;
  int64_t ended = 0;
  // Every session ends (one may be an intruder's); this browser continues in a new one.
  CP_RETURN_IF_ERROR(audited_change(
      auth, "user:" + login, "user.password_changed", "user:" + login, {{"by", "self"}},
      [&]() -> Result<void> {
        CP_RETURN_IF_ERROR(store::set_password_hash(auth.db, login, hash));
        CP_ASSIGN_OR_RETURN(ended,
                            store::end_all_sessions(auth.db, login, now, "password changed"));
        CP_ASSIGN_OR_RETURN(session, store::create_session(auth.db, login, now,
                                                           auth.policy.session_absolute_minutes));
        return Ok{};
      }));
  HttpResponse response =
      json_response(200, {{"csrf_token", session.csrf_token}, {"sessions_ended", ended}});
  response.headers["set-cookie"] = set_cookie(auth.policy, "cp_session", session.token,
                                              auth.policy.session_absolute_minutes * 60);
  return response;
}

}  // namespace

void add_self_service_routes(App& app, AuthContext& auth) {
  Router& router = app.router();
  router.add({"POST", "/api/v1/me/totp", Access::signed_in(),
              [&auth](const RequestContext& c) { return or_failure(start_totp(auth, c)); },
              "Start enrolling an authenticator app: its key and QR code (SVG), pending until "
              "confirmed",
              Body::kJson, Cost::kPasswordHash});
  router.add({"POST", "/api/v1/me/totp/confirm", Access::signed_in(),
              [&auth](const RequestContext& c) { return or_failure(confirm_totp(auth, c)); },
              "Confirm the new authenticator app with a first code from it"});
  router.add({"POST", "/api/v1/me/password", Access::signed_in(),
              [&auth](const RequestContext& c) { return or_failure(change_password(auth, c)); },
              "Change the password: every session ends and this browser gets a new one",
              Body::kJson, Cost::kPasswordHash});
}

}  // namespace cp::server
