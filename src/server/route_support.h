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

// A refused step as an answer, with the status that fits it: 404 for anything not found (never
// which part), 422 for a rule that says no, 400 for bad input, 409 for a conflict, 500 otherwise.
HttpResponse refusal(const Error& error);
// As refusal(), but bad input in a submitted form is 422 naming the field at fault
// ({"error": …, "field": …}), for the page to mark it.
HttpResponse field_refusal(const Error& error);

// Whether the path's {firm} is an operator firm the signed-in user belongs to: the router lets
// the operator's staff through on any firm's id, so operator routes check this too.
bool in_operator_firm(const RequestContext& c);

// UTC text as the database keeps it ("2026-12-10T08:30:00.000000Z") as Hong Kong time for a
// person: "2026-12-10 16:30"; the text itself if it is not in that form.
std::string hkt_text_from_utc(const std::string& utc);

// A Hong Kong date and time "YYYY-MM-DD HH:MM" as the UTC text the database keeps.
Result<std::string> utc_from_hkt_text(const std::string& text, const std::string& field);

// The query parameter `name` as a date: nothing when absent; bad input naming it when it is not
// YYYY-MM-DD.
Result<std::optional<Date>> query_date(const RequestContext& c, const std::string& name);
// The same, required: absent is bad input naming it.
Result<Date> required_query_date(const RequestContext& c, const std::string& name);

// 404 "no such resource": the same words for what does not exist and for what is not theirs.
HttpResponse not_found();

// A path's numeric id (1-18 digits), or nullopt.
std::optional<int64_t> id_from_text(const std::string& text);

// 500 with nothing applied: the database failed under the request.
HttpResponse storage_failure();

// Turns an unexpected storage failure into storage_failure().
HttpResponse or_failure(Result<HttpResponse> response);

// Turns any failure into its refusal(): a conflict met on the way (the thing moved on under a
// second tab, a key taken) is 409, a rule 422, bad input 400; only the database's own failure is
// 500, nothing applied. For routes whose steps run rules inside their transaction.
HttpResponse or_refusal(Result<HttpResponse> response);

// As json_response, with the keys in the order they were written (nlohmann::json sorts them).
HttpResponse json_response_ordered(int status, const nlohmann::ordered_json& body);

// The request body as a JSON object with the named string fields, or nullopt.
// Only application/json: a cross-site form can post text/plain without a preflight, never JSON.
std::optional<nlohmann::json> json_fields(const HttpRequest& request,
                                          std::initializer_list<const char*> names);

// Applies `change` and its audit entry in one transaction (the store functions join it).
Result<void> audited_change(AuthContext& auth, const std::string& actor, const std::string& action,
                            const std::string& object, const nlohmann::json& detail,
                            const std::function<Result<void>()>& change);

// A Content-Disposition value that saves a file as `file_name` (RFC 6266): the name as UTF-8 in
// filename* (RFC 8187 percent-encoding) and an ASCII stand-in in filename for old clients, with
// anything but printable ASCII (a quote, a backslash, a control character) as '_'. Nothing in
// the name can end the header or add a parameter.
std::string attachment_disposition(const std::string& file_name);

// A Set-Cookie value: HttpOnly, SameSite=Strict, Secure under TLS; max age 0 deletes it.
std::string set_cookie(const AuthPolicy& policy, const std::string& name, const std::string& value,
                       int64_t max_age_seconds);

// A wrong password for an existing user: counted; at auth.password_failures_max an active
// account locks for auth.password_lock_minutes. Audited either way.
Result<void> count_wrong_password(AuthContext& auth, const std::string& login,
                                  const std::string& status);

}  // namespace cp::server
