// What the identity routes share: JSON answers, JSON-only bodies, audited changes and cookies.
#pragma once

#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "server/auth_routes.h"

namespace cp::server {

HttpResponse json_response(int status, const nlohmann::json& body);

// 500 with nothing applied: the database failed under the request.
HttpResponse storage_failure();

// Turns an unexpected storage failure into storage_failure().
HttpResponse or_failure(Result<HttpResponse> response);

// The request body as a JSON object with the named string fields, or nullopt.
// Only application/json: a cross-site form can post text/plain without a preflight, never JSON.
std::optional<nlohmann::json> json_fields(const HttpRequest& request,
                                          std::initializer_list<const char*> names);

// Applies `change` and its audit entry in one transaction (the store functions join it).
Result<void> audited_change(AuthContext& auth, const std::string& actor, const std::string& action,
                            const std::string& object, const nlohmann::json& detail,
                            const std::function<Result<void>()>& change);

// A Set-Cookie value: HttpOnly, SameSite=Strict, Secure under TLS; max age 0 deletes it.
std::string set_cookie(const AuthPolicy& policy, const std::string& name, const std::string& value,
                       int64_t max_age_seconds);

// A wrong password for an existing user: counted; at auth.password_failures_max an active
// account locks for auth.password_lock_minutes. Audited either way.
Result<void> count_wrong_password(AuthContext& auth, const std::string& login,
                                  const std::string& status);

}  // namespace cp::server
