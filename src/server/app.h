// The server's core, independent of the transport: routes a plain request, checks its access
// (router.h), runs the handler, adds the security headers, serves the portal's static files,
// counts it (metrics.h) and writes one access-log line. Testable without a socket.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "identity/roles.h"
#include "server/metrics.h"
#include "server/router.h"

namespace cp::server {

// Who sends the request, from its session cookie (sessions: issue 5); nullopt = nobody.
using Authenticator = std::function<std::optional<Principal>(const HttpRequest&)>;

class App {
 public:
  // `web_dir` holds the portal's static files; empty = none are served.
  App(const identity::RoleCatalogue& catalogue, Authenticator authenticate,
      std::filesystem::path web_dir);

  Router& router() { return router_; }
  const Router& router() const { return router_; }
  const Metrics& metrics() const { return metrics_; }

  HttpResponse handle(const HttpRequest& request);

 private:
  HttpResponse route(const HttpRequest& request, std::string& route_name);
  std::optional<HttpResponse> static_file(const HttpRequest& request) const;

  const identity::RoleCatalogue& catalogue_;
  Authenticator authenticate_;
  std::filesystem::path web_dir_;
  Router router_;
  Metrics metrics_;
};

// GET /healthz (public: liveness for load balancers, no data) and GET /metrics (public:
// scraped by monitoring, counts and latencies per route only).
void add_basic_routes(App& app);

}  // namespace cp::server
