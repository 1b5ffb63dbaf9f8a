// Routes and what each needs to be reached (DESIGN: deny by default). A route cannot be added
// without an Access: public ones say why they are public; the others name the entitlement
// (service category and level, identity/roles.h) and the path parameter that scopes them to a
// firm, or that any signed-in user may call them (their own data only).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "identity/delegation.h"
#include "identity/roles.h"
#include "server/http_message.h"

namespace cp::server {

struct Principal {
  std::string user_id;
  std::vector<identity::Membership> memberships;
  std::string session_token;  // the cookie's token (sign-out ends this session)
  std::string csrf_token;     // required in X-CSRF-Token on every state-changing request
};

struct Access {
  // kMonitoring: a scraper's bearer token (App::set_monitoring_token), no session; refused as
  // "not found" while no token is configured.
  enum class Kind { kPublic, kSignedIn, kEntitled, kMonitoring };
  Kind kind = Kind::kEntitled;
  std::string why_public;  // kPublic: the reason, for the route listing and review
  std::string category;    // kEntitled
  identity::Level level = identity::Level::kView;
  std::string firm_param;  // kEntitled: the path parameter naming the firm ("" = any of theirs)
  // kEntitled: only members of the named firm, never the operator's staff acting for it (a
  // participant's own business: its seats at an event).
  bool own_firm_only = false;

  static Access public_route(std::string why);
  static Access signed_in();
  static Access entitled(std::string category, identity::Level level, std::string firm_param);
  static Access own_firm(std::string category, identity::Level level, std::string firm_param);
  static Access monitoring();
};

// What a route's request body may be, and so how much of it is read (core/input_limits.h): a
// JSON document or an uploaded file. GET, HEAD and DELETE take none, whatever this says.
enum class Body { kJson, kUpload };

// Where a route's handler runs: on the request threads, or on the bounded pool that computes
// Argon2id password hashes apart from them (http_server.h), so that 35 ms or more of hashing per
// attempt cannot hold up every other request. Such routes are also limited per source address.
enum class Cost { kCheap, kPasswordHash };

// What a handler gets: the request, the matched path parameters and who asks (nullopt on a
// public route without a session).
struct RequestContext {
  const HttpRequest& request;
  std::map<std::string, std::string> params;
  std::optional<Principal> principal;
};

using Handler = std::function<HttpResponse(const RequestContext&)>;

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/firms/{firm}/requests/{id}"
  Access access;
  Handler handler;
  std::string summary;  // one line, for the route listing and docs/openapi.yaml
  Body body = Body::kJson;
  Cost cost = Cost::kCheap;
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
};

class Router {
 public:
  // REQUIRES: no route with the same method and pattern; a public route says why.
  void add(Route route);
  // The route for the method and path; nullptr route if none. `allowed` lists the methods the
  // path has when the method is not one of them (405 rather than 404).
  RouteMatch match(const std::string& method, const std::string& path,
                   std::vector<std::string>& allowed) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

// Whether the principal may reach the route with these parameters; the status to answer if not:
// 401 without a session, 404 for a firm the user has no entitlement in (nothing about another
// firm is revealed, not even that the object exists), 403 for a known firm without the level.
// kMonitoring routes are checked by the App (their token is not a principal).
int access_status(const identity::RoleCatalogue& catalogue, const Access& access,
                  const std::optional<Principal>& principal,
                  const std::map<std::string, std::string>& params);

}  // namespace cp::server
