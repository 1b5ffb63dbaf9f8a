#include "server/app.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

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
  if (response.content_type == "application/json") {
    response.headers.emplace("cache-control", "no-store");  // API answers carry account data
  }
}

std::string content_type_of(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  return "application/octet-stream";
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

}  // namespace

App::App(const identity::RoleCatalogue& catalogue, Authenticator authenticate,
         std::filesystem::path web_dir)
    : catalogue_(catalogue), authenticate_(std::move(authenticate)), web_dir_(std::move(web_dir)) {}

HttpResponse App::handle(const HttpRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  std::string route_name = "unmatched";
  HttpResponse response = route(request, route_name);
  add_security_headers(response);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  metrics_.record(request.method, route_name, response.status, seconds);
  // One line per request; never the query string, a header value or a body (tokens, passwords).
  // Built only when it will be written: at --log-level warn it costs nothing.
  if (!spdlog::should_log(spdlog::level::info)) return response;
  spdlog::info(nlohmann::json{{"event", "http"},
                              {"method", request.method},
                              {"route", route_name},
                              {"path", request.path},
                              {"status", response.status},
                              {"bytes", response.body.size()},
                              {"ms", static_cast<int64_t>(seconds * 1e6) / 1000.0},
                              {"remote", request.remote_address}}
                   .dump());
  return response;
}

HttpResponse App::route(const HttpRequest& request, std::string& route_name) {
  std::vector<std::string> allowed;
  RouteMatch match = router_.match(request.method, request.path, allowed);
  if (match.route == nullptr) {
    if (!allowed.empty()) {
      HttpResponse response = error_response(405, "method_not_allowed", "method not allowed");
      std::string list;
      for (const auto& method : allowed) list += (list.empty() ? "" : ", ") + method;
      response.headers["allow"] = list;
      return response;
    }
    if (request.method == "GET" || request.method == "HEAD") {
      if (auto file = static_file(request)) {
        route_name = "static";
        return *file;
      }
    }
    return error_response(404, "not_found", "no such resource");
  }
  route_name = match.route->pattern;
  std::optional<Principal> principal = authenticate_(request);
  const int status = access_status(catalogue_, match.route->access, principal, match.params);
  if (status == 401) return error_response(401, "unauthenticated", "sign in first");
  if (status == 403) return error_response(403, "forbidden", "your roles do not allow this");
  if (status == 404) return error_response(404, "not_found", "no such resource");
  // A state-changing request of a session must carry the session's CSRF token: a page of
  // another site can make the browser send the cookie, never read the token.
  const bool changes = request.method != "GET" && request.method != "HEAD";
  const bool guarded = match.route->access.kind != Access::Kind::kPublic;
  if (changes && guarded && principal &&
      !same_secret(request.header("x-csrf-token"), principal->csrf_token)) {
    return error_response(403, "csrf", "missing or wrong X-CSRF-Token");
  }
  return match.route->handler(RequestContext{request, std::move(match.params), principal});
}

std::optional<HttpResponse> App::static_file(const HttpRequest& request) const {
  if (web_dir_.empty()) return std::nullopt;
  std::string relative = request.path == "/" ? "index.html" : request.path.substr(1);
  // Only plain names below web_dir: no "..", no hidden files, no absolute paths.
  const std::filesystem::path wanted(relative);
  for (const auto& part : wanted) {
    const std::string name = part.string();
    if (name.empty() || name == ".." || name.front() == '.' || part.is_absolute()) {
      return std::nullopt;
    }
  }
  const std::filesystem::path full = web_dir_ / wanted;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(full, ec)) return std::nullopt;
  std::ifstream in(full, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  HttpResponse response;
  response.content_type = content_type_of(full);
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
  app.router().add({"GET", "/metrics",
                    Access::public_route("scraped by monitoring; per-route counts and latencies "
                                         "only, no business data"),
                    [&metrics](const RequestContext&) {
                      HttpResponse response;
                      response.content_type = "text/plain; version=0.0.4";
                      response.body = metrics.render();
                      return response;
                    },
                    "Prometheus metrics: requests and latency histograms per route"});
}

}  // namespace cp::server
