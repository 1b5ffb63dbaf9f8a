#include "server/route_support.h"

#include <chrono>

#include "store/audit_store.h"
#include "store/identity_store.h"
#include "store/session_store.h"

namespace cp::server {

using Json = nlohmann::json;

HttpResponse json_response(int status, const Json& body) {
  HttpResponse response;
  response.status = status;
  response.body = body.dump();
  return response;
}

HttpResponse storage_failure() {
  return error_response(500, "storage", "the database is unavailable; nothing was changed");
}

HttpResponse or_failure(Result<HttpResponse> response) {
  return response.ok() ? *std::move(response) : storage_failure();
}

std::optional<Json> json_fields(const HttpRequest& request,
                                std::initializer_list<const char*> names) {
  if (request.header("content-type").rfind("application/json", 0) != 0) return std::nullopt;
  Json body = Json::parse(request.body, nullptr, false);
  if (!body.is_object()) return std::nullopt;
  for (const char* name : names) {
    if (!body.contains(name) || !body[name].is_string()) return std::nullopt;
  }
  return body;
}

Result<void> audited_change(AuthContext& auth, const std::string& actor, const std::string& action,
                            const std::string& object, const Json& detail,
                            const std::function<Result<void>()>& change) {
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(auth.db));
  CP_RETURN_IF_ERROR(change());
  CP_RETURN_IF_ERROR(
      store::append_audit(auth.db, auth.clock, {actor, "", action, object, detail.dump()}));
  return tx.commit();
}

std::string set_cookie(const AuthPolicy& policy, const std::string& name, const std::string& value,
                       int64_t max_age_seconds) {
  return name + "=" + value +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_seconds) +
         (policy.secure_cookies ? "; Secure" : "");
}

Result<void> count_wrong_password(AuthContext& auth, const std::string& login,
                                  const std::string& status) {
  const std::string until =
      format_utc(auth.clock.now() + std::chrono::minutes(auth.policy.password_lock_minutes));
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(auth.db));
  CP_ASSIGN_OR_RETURN(int64_t failures, store::count_password_failure(auth.db, login));
  // Only an active account is locked by wrong passwords: an existing lock (perhaps one only an
  // administrator lifts) is never shortened, and a disabled account stays disabled.
  const bool lock = failures >= auth.policy.password_failures_max && status == "active";
  if (lock) CP_RETURN_IF_ERROR(store::set_lock(auth.db, login, true, until));
  CP_RETURN_IF_ERROR(store::append_audit(
      auth.db, auth.clock,
      {"user:" + login, "", lock ? "user.locked" : "user.login_failed", "user:" + login,
       Json{{"factor", "password"}, {"failures", failures}, {"locked_until", lock ? until : ""}}
           .dump()}));
  return tx.commit();
}

}  // namespace cp::server
