#include "server/route_support.h"

#include <cctype>
#include <chrono>
#include <string_view>

#include "server/json_body.h"
#include "store/audit_store.h"
#include "store/identity_store.h"
#include "store/session_store.h"

namespace cp::server {

using Json = nlohmann::json;

HttpResponse json_response(int status, const Json& body) {
  HttpResponse response;
  response.status = status;
  response.body = dump_for_answer(body);
  return response;
}

HttpResponse json_response_ordered(int status, const nlohmann::ordered_json& body) {
  HttpResponse response;
  response.status = status;
  // As dump_for_answer: a byte that is not UTF-8 shows as U+FFFD rather than failing the answer.
  response.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return response;
}

HttpResponse refusal(const Error& error) {
  switch (error.code) {
    case ErrorCode::kNotFound:
      return error_response(404, "not_found", "no such resource");
    case ErrorCode::kRuleViolation:
      return error_response(422, "refused", error.message);
    case ErrorCode::kInvalidInput:
      return error_response(400, "bad_request", error.message);
    case ErrorCode::kConflict:
      return error_response(409, "conflict", error.message);
    default:
      return error_response(500, "storage", "the change could not be saved; nothing was changed");
  }
}

Result<std::optional<Date>> query_date(const RequestContext& c, const std::string& name) {
  const auto found = c.request.query.find(name);
  if (found == c.request.query.end()) return std::optional<Date>();
  auto date = Date::parse(found->second);
  if (!date.ok()) return invalid_input(date.error().message, name);
  return std::optional<Date>(*date);
}

Result<Date> required_query_date(const RequestContext& c, const std::string& name) {
  CP_ASSIGN_OR_RETURN(std::optional<Date> date, query_date(c, name));
  if (!date) return invalid_input(name + " is required", name);
  return *date;
}

HttpResponse field_refusal(const Error& error) {
  if (error.code != ErrorCode::kInvalidInput) return refusal(error);
  HttpResponse response = error_response(422, "invalid", error.message);
  nlohmann::json body = nlohmann::json::parse(response.body);
  body["field"] = error.field;
  response.body = body.dump();
  return response;
}

bool in_operator_firm(const RequestContext& c) {
  const auto firm = c.params.find("firm");
  if (!c.principal || firm == c.params.end()) return false;
  for (const auto& m : c.principal->memberships) {
    if (m.firm_id == firm->second && m.firm_kind == identity::FirmKind::kOperator) return true;
  }
  return false;
}

std::string hkt_text_from_utc(const std::string& utc) {
  if (utc.size() < 16 || utc[10] != 'T') return utc;
  auto date = Date::parse(utc.substr(0, 10));
  auto time = TimeOfDay::parse(utc.substr(11, 5));
  if (!date.ok() || !time.ok()) return utc;
  // From UTC to HKT: the instant at that UTC wall time, shown in UTC+8.
  const UtcTime instant = from_hkt(*date, *time) + kHktOffset;
  const HktDateTime local = to_hkt(instant);
  return local.date.to_string() + " " + local.time.to_string().substr(0, 5);
}

Result<std::string> utc_from_hkt_text(const std::string& text, const std::string& field) {
  const size_t space = text.find(' ');
  auto date = Date::parse(text.substr(0, space));
  auto time =
      space == std::string::npos ? TimeOfDay::parse("") : TimeOfDay::parse(text.substr(space + 1));
  if (!date.ok() || !time.ok()) {
    return invalid_input(field + " is a Hong Kong date and time, YYYY-MM-DD HH:MM", field);
  }
  return format_utc(from_hkt(*date, *time));
}

HttpResponse not_found() {
  return error_response(404, "not_found", "no such resource");
}

std::optional<int64_t> id_from_text(const std::string& text) {
  if (text.empty() || text.size() > 18 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoll(text);
}

HttpResponse storage_failure() {
  return error_response(500, "storage", "the database is unavailable; nothing was changed");
}

HttpResponse or_failure(Result<HttpResponse> response) {
  return response.ok() ? *std::move(response) : storage_failure();
}

HttpResponse or_refusal(Result<HttpResponse> response) {
  return response.ok() ? *std::move(response) : refusal(response.error());
}

std::optional<Json> json_fields(const HttpRequest& request,
                                std::initializer_list<const char*> names) {
  if (request.header("content-type").rfind("application/json", 0) != 0) return std::nullopt;
  auto parsed = parse_limited_json(request.body);
  if (!parsed.ok() || !parsed->is_object()) return std::nullopt;
  Json& body = *parsed;
  for (const char* name : names) {
    if (!body.contains(name) || !body[name].is_string()) return std::nullopt;
  }
  return std::move(body);
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

std::string attachment_disposition(const std::string& file_name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string ascii;
  std::string encoded;
  for (const char ch : file_name) {
    const auto c = static_cast<unsigned char>(ch);
    const bool printable = c >= 0x20 && c < 0x7F;
    ascii += printable && c != '"' && c != '\\' ? ch : '_';
    // RFC 8187 §3.2.1 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else %XX.
    const bool plain =
        std::isalnum(c) != 0 || std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos;
    if (plain && c < 0x80) {
      encoded += ch;
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0x0F];
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
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
