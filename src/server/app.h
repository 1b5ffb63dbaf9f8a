// The server's core, independent of the transport: routes a plain request, checks its access
// (router.h), runs the handler, adds the security headers, serves the portal's static files,
// counts it (metrics.h) and writes one access-log line. Testable without a socket.
//
// A request is taken in two steps, so that nothing is spent on a request that will be refused:
// admit() sees only the head (method, target, headers) and decides the route, who asks, whether
// they may, how large a body may follow and where the handler runs; respond() then runs it on
// the whole request. Neither throws: an exception inside a handler becomes 400 (a value of the
// wrong type in the body) or 500 with the request's id, and is logged (issue 14 finding 3).
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "identity/roles.h"
#include "server/attempt_limiter.h"
#include "server/metrics.h"
#include "server/router.h"

namespace cp::server {

// The system clock, for an App that is given none.
const Clock& wall_clock();

// Who sends the request, from its session cookie (sessions: issue 5); nullopt = nobody.
using Authenticator = std::function<std::optional<Principal>(const HttpRequest&)>;

// What admit() decided from a request's head.
struct Admission {
  std::string request_id;  // in the answer's X-Request-Id and in every log line about it
  std::chrono::steady_clock::time_point started;
  std::string route_name = "unmatched";  // the pattern, for metrics and the log
  const Route* route = nullptr;          // nullptr: `answer` is set, or a static file is wanted
  std::map<std::string, std::string> params;
  std::optional<Principal> principal;
  // Decided from the head alone (a refusal, 405, 429): respond() returns it; the body is
  // never read.
  std::optional<HttpResponse> answer;
  size_t body_bytes_max = 0;  // how much body the transport may read for this route
  Cost cost = Cost::kCheap;   // kPasswordHash: respond() belongs on the hashing pool
};

class App {
 public:
  // `web_dir` holds the portal's static files; empty = none are served. `clock` times the
  // per-address attempt limits.
  App(const identity::RoleCatalogue& catalogue, Authenticator authenticate,
      std::filesystem::path web_dir, const Clock& clock = wall_clock());

  Router& router() { return router_; }
  const Router& router() const { return router_; }
  const Metrics& metrics() const { return metrics_; }

  // The largest upload the transport should read for an upload route (portal's parameter).
  void set_upload_bytes_max(size_t bytes) { upload_bytes_max_ = bytes; }
  // The bearer token /metrics asks of its scraper; "" (the default) keeps /metrics closed.
  void set_monitoring_token(std::string token) { monitoring_token_ = std::move(token); }
  // Attempts per source address on the password-hashing routes (auth.sign_in_attempts_*).
  void set_address_limit(AttemptLimiter::Policy policy) { address_limiter_.reset(policy); }

  // The first step: from the head only (`head.body` is ignored).
  Admission admit(const HttpRequest& head) noexcept;
  // An admission with only an id and a start, for a request the transport refuses before any
  // routing (a target that is not UTF-8, ambiguous framing).
  Admission unrouted() noexcept;
  // The second step: the handler (or the static file, or admit's answer) on the whole request,
  // with the security headers, the metrics and the access log.
  HttpResponse respond(Admission& admission, const HttpRequest& request) noexcept;
  // An answer decided by the transport (413, 400 for bad framing, 503 when the hashing pool is
  // full), with the same headers, metrics and log line as any.
  HttpResponse finish(Admission& admission, const HttpRequest& request,
                      HttpResponse response) noexcept;
  // Both steps at once (tests, and any caller that has the whole request).
  HttpResponse handle(const HttpRequest& request) noexcept;

 private:
  void admit_route(const HttpRequest& head, Admission& admission);
  std::optional<HttpResponse> static_file(const HttpRequest& request) const;

  const identity::RoleCatalogue& catalogue_;
  Authenticator authenticate_;
  std::filesystem::path web_dir_;
  const Clock& clock_;
  Router router_;
  Metrics metrics_;
  size_t upload_bytes_max_ = 0;
  std::string monitoring_token_;
  AttemptLimiter address_limiter_;
  std::string id_prefix_;  // this process's, so that ids from several servers do not collide
  std::atomic<uint64_t> next_id_ = 1;
};

// GET /healthz (public: liveness for load balancers, no data) and GET /metrics (a monitoring
// token: per-route counts and latencies, which still tell an outsider how the portal is used).
void add_basic_routes(App& app);

}  // namespace cp::server
