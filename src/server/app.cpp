#include "server/app.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "core/input_limits.h"

namespace cp::server {
namespace {

void add_security_headers(HttpResponse& response) {
  response.headers.emplace("x-content-type-options", "nosniff");
  response.headers.emplace("x-frame-options", "DENY");
  response.headers.emplace("referrer-policy", "no-referrer");
  // Scripts only from the portal's own files. Styles may be inline: the form tool
  // (json-editor) sets style attributes and its theme's rules; data: images are Pico's icons.
  response.headers.emplace(
      "content-security-policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      "frame-ancestors 'none'; base-uri 'none'");
  // Everything but the portal's own static files (which say no-cache) carries account data:
  // answers, exports and downloads are never kept by a browser or a proxy.
  response.headers.emplace("cache-control", "no-store");
}

// The kinds of file the portal's pages are made of; anything else in web/ (package.json, the
// npm tree, notes) is never served.
std::optional<std::string> content_type_of(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  return std::nullopt;
}

// Compares without an early exit, so the time taken says nothing about where they differ.
bool same_secret(const std::string& given, const std::string& expected) {
  if (given.size() != expected.size() || expected.empty()) return false;
  unsigned char difference = 0;
  for (size_t i = 0; i < given.size(); ++i) {
    difference |= static_cast<unsigned char>(given[i] ^ expected[i]);
  }
  return difference == 0;
}

bool takes_no_body(const std::string& method) {
  return method == "GET" || method == "HEAD" || method == "DELETE";
}

// 8 hex digits, new each start: ids stay unique across restarts and servers.
std::string process_prefix() {
  std::random_device random;
  char text[9];
  std::snprintf(text, sizeof text, "%08x", static_cast<unsigned>(random()));
  return text;
}

}  // namespace

const Clock& wall_clock() {
  static const SystemClock clock;
  return clock;
}

App::App(const identity::RoleCatalogue& catalogue, Authenticator authenticate,
         std::filesystem::path web_dir, const Clock& clock)
    : catalogue_(catalogue),
      authenticate_(std::move(authenticate)),
      web_dir_(std::move(web_dir)),
      clock_(clock),
      id_prefix_(process_prefix()) {}

Admission App::unrouted() noexcept {
  Admission admission;
  admission.started = std::chrono::steady_clock::now();
  admission.request_id = id_prefix_ + "-" + std::to_string(next_id_++);
  admission.body_bytes_max = limits::kEmptyBodyBytesMax;
  return admission;
}

Admission App::admit(const HttpRequest& head) noexcept {
  Admission admission = unrouted();
  try {
    admit_route(head, admission);
  } catch (const std::exception& e) {
    // Sign-in reads the database: a failure there is the server's, not the sender's.
    spdlog::error(nlohmann::json{
        {"event", "admit_failed"}, {"request_id", admission.request_id}, {"what", e.what()}}
                      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    admission.route = nullptr;
    admission.answer = error_response(500, "internal", "something went wrong on our side");
  }
  return admission;
}

void App::admit_route(const HttpRequest& head, Admission& admission) {
  std::vector<std::string> allowed;
  RouteMatch match = router_.match(head.method, head.path, allowed);
  if (match.route == nullptr) {
    if (!allowed.empty()) {
      HttpResponse response = error_response(405, "method_not_allowed", "method not allowed");
      std::string list;
      for (const auto& method : allowed) list += (list.empty() ? "" : ", ") + method;
      response.headers["allow"] = list;
      admission.answer = std::move(response);
    } else if (head.method != "GET" && head.method != "HEAD") {
      admission.answer = error_response(404, "not_found", "no such resource");
    }
    return;  // a GET or HEAD without a route: a static file, or 404, in respond()
  }
  const Route& route = *match.route;
  admission.route_name = route.pattern;
  admission.cost = route.cost;
  if (route.access.kind == Access::Kind::kMonitoring) {
    const std::string bearer = head.header("authorization");
    const bool shown = !monitoring_token_.empty() && bearer.rfind("Bearer ", 0) == 0 &&
                       same_secret(bearer.substr(7), monitoring_token_);
    if (!shown) {
      admission.answer = error_response(404, "not_found", "no such resource");
      return;
    }
  } else {
    admission.principal = authenticate_(head);
    const int status = access_status(catalogue_, route.access, admission.principal, match.params);
    if (status == 401) admission.answer = error_response(401, "unauthenticated", "sign in first");
    if (status == 403) {
      admission.answer = error_response(403, "forbidden", "your roles do not allow this");
    }
    if (status == 404) admission.answer = error_response(404, "not_found", "no such resource");
    if (admission.answer) return;
    // A state-changing request of a session must carry the session's CSRF token: a page of
    // another site can make the browser send the cookie, never read the token.
    const bool changes = head.method != "GET" && head.method != "HEAD";
    const bool guarded = route.access.kind != Access::Kind::kPublic;
    if (changes && guarded && admission.principal &&
        !same_secret(head.header("x-csrf-token"), admission.principal->csrf_token)) {
      admission.answer = error_response(403, "csrf", "missing or wrong X-CSRF-Token");
      return;
    }
  }
  if (route.cost == Cost::kPasswordHash) {
    // Counted before the body is read or a hash is computed: a refused attempt costs nothing.
    const int64_t wait_seconds = address_limiter_.take(head.remote_address, clock_.now());
    if (wait_seconds > 0) {
      admission.answer = too_many_attempts("from your address", wait_seconds);
      return;
    }
  }
  admission.route = match.route;
  admission.params = std::move(match.params);
  admission.body_bytes_max = takes_no_body(head.method)    ? limits::kEmptyBodyBytesMax
                             : route.body == Body::kUpload ? upload_bytes_max_
                                                           : limits::kJsonBodyBytesMax;
}

HttpResponse App::respond(Admission& admission, const HttpRequest& request) noexcept {
  HttpResponse response;
  try {
    if (admission.answer) {
      response = *admission.answer;
    } else if (admission.route != nullptr) {
      response =
          admission.route->handler(RequestContext{request, admission.params, admission.principal});
    } else if (auto file = static_file(request)) {
      admission.route_name = "static";
      response = *std::move(file);
    } else {
      response = error_response(404, "not_found", "no such resource");
    }
  } catch (const nlohmann::json::type_error&) {
    // A body whose field has the wrong type ("reason": 123) met a handler that took its type
    // for granted: the sender's mistake.
    response = error_response(400, "bad_request", "a field of the request has the wrong type");
  } catch (const nlohmann::json::out_of_range&) {
    // A field the handler needs is missing from the body.
    response = error_response(400, "bad_request", "a field of the request has the wrong type");
  } catch (const std::exception& e) {
    spdlog::error(nlohmann::json{
        {"event", "handler_failed"},
        {"request_id", admission.request_id},
        {"route", admission.route_name},
        {"what",
         e.what()}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    response = error_response(500, "internal",
                              "something went wrong on our side; quote request " +
                                  admission.request_id + " to the operator");
  }
  return finish(admission, request, std::move(response));
}

HttpResponse App::finish(Admission& admission, const HttpRequest& request,
                         HttpResponse response) noexcept {
  try {
    add_security_headers(response);
    response.headers["x-request-id"] = admission.request_id;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - admission.started).count();
    metrics_.record(request.method, admission.route_name, response.status, seconds);
    // One line per request; never the query string, a header value or a body (tokens,
    // passwords). Built only when it will be written: at --log-level warn it costs nothing. A
    // path that is not UTF-8 is logged with U+FFFD marks rather than failing the line.
    if (spdlog::should_log(spdlog::level::info)) {
      spdlog::info(nlohmann::json{{"event", "http"},
                                  {"id", admission.request_id},
                                  {"method", request.method},
                                  {"route", admission.route_name},
                                  {"path", request.path},
                                  {"status", response.status},
                                  {"bytes", response.body.size()},
                                  {"ms", static_cast<int64_t>(seconds * 1e6) / 1000.0},
                                  {"remote", request.remote_address}}
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
  } catch (...) {
    // Only allocation can fail here; the answer still goes out.
  }
  return response;
}

HttpResponse App::handle(const HttpRequest& request) noexcept {
  Admission admission = admit(request);
  if (!admission.answer && request.body.size() > admission.body_bytes_max) {
    return finish(
        admission, request,
        error_response(413, "too_large", "the request is larger than this server accepts"));
  }
  return respond(admission, request);
}

std::optional<HttpResponse> App::static_file(const HttpRequest& request) const {
  if (web_dir_.empty()) return std::nullopt;
  std::string relative = request.path == "/" ? "index.html" : request.path.substr(1);
  // Only plain names below web_dir: no "..", no hidden files, no absolute paths, nothing of the
  // npm tree the pages are built from.
  const std::filesystem::path wanted(relative);
  for (const auto& part : wanted) {
    const std::string name = part.string();
    if (name.empty() || name == ".." || name.front() == '.' || part.is_absolute() ||
        name == "node_modules") {
      return std::nullopt;
    }
  }
  const auto content_type = content_type_of(wanted);
  if (!content_type) return std::nullopt;
  const std::filesystem::path full = web_dir_ / wanted;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(full, ec)) return std::nullopt;
  std::ifstream in(full, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  HttpResponse response;
  response.content_type = *content_type;
  response.body = content.str();
  response.headers["cache-control"] = "no-cache";
  return response;
}

void add_basic_routes(App& app) {
  app.router().add({"GET", "/healthz",
                    Access::public_route("liveness for load balancers and monitoring; no data"),
                    [](const RequestContext&) {
                      HttpResponse response;
                      response.body = R"({"status":"ok"})";
                      return response;
                    },
                    "Liveness: 200 while the process serves requests"});
  const Metrics& metrics = app.metrics();
  app.router().add({"GET", "/metrics", Access::monitoring(),
                    [&metrics](const RequestContext&) {
                      HttpResponse response;
                      response.content_type = "text/plain; version=0.0.4";
                      response.body = metrics.render();
                      return response;
                    },
                    "Prometheus metrics (a monitoring bearer token): requests and latency "
                    "histograms per route"});
}

}  // namespace cp::server
