#include "server/router.h"

#include "core/assert.h"

namespace cp::server {
namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    const size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash);
  }
  return out;
}

bool matches(const std::string& pattern, const std::string& path,
             std::map<std::string, std::string>& params) {
  const auto want = segments(pattern);
  const auto got = segments(path);
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < want.size(); ++i) {
    if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}') {
      if (got[i].empty()) return false;
      found[std::string(want[i].substr(1, want[i].size() - 2))] = std::string(got[i]);
    } else if (want[i] != got[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

Access Access::public_route(std::string why) {
  Access access;
  access.kind = Kind::kPublic;
  access.why_public = std::move(why);
  return access;
}

Access Access::signed_in() {
  Access access;
  access.kind = Kind::kSignedIn;
  return access;
}

Access Access::entitled(std::string category, identity::Level level, std::string firm_param) {
  Access access;
  access.kind = Kind::kEntitled;
  access.category = std::move(category);
  access.level = level;
  access.firm_param = std::move(firm_param);
  return access;
}

Access Access::own_firm(std::string category, identity::Level level, std::string firm_param) {
  Access access = entitled(std::move(category), level, std::move(firm_param));
  access.own_firm_only = true;
  return access;
}

Access Access::monitoring() {
  Access access;
  access.kind = Kind::kMonitoring;
  return access;
}

void Router::add(Route route) {
  CP_ASSERT(route.access.kind != Access::Kind::kPublic || !route.access.why_public.empty(),
            "a public route must say why it is public");
  CP_ASSERT(route.access.kind != Access::Kind::kEntitled || !route.access.category.empty(),
            "an entitled route must name its service category");
  CP_ASSERT(!route.access.own_firm_only || !route.access.firm_param.empty(),
            "an own-firm route must name its firm parameter");
  CP_ASSERT(route.body != Body::kUpload || route.method == "POST", "uploads are POSTs");
  for (const auto& existing : routes_) {
    CP_ASSERT(existing.method != route.method || existing.pattern != route.pattern,
              "a route registered twice");
  }
  routes_.push_back(std::move(route));
}

RouteMatch Router::match(const std::string& method, const std::string& path,
                         std::vector<std::string>& allowed) const {
  allowed.clear();
  RouteMatch out;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!matches(route.pattern, path, params)) continue;
    if (route.method == method || (method == "HEAD" && route.method == "GET")) {
      out.route = &route;
      out.params = std::move(params);
      return out;
    }
    allowed.push_back(route.method);
  }
  return out;
}

int access_status(const identity::RoleCatalogue& catalogue, const Access& access,
                  const std::optional<Principal>& principal,
                  const std::map<std::string, std::string>& params) {
  if (access.kind == Access::Kind::kPublic) return 200;
  if (access.kind == Access::Kind::kMonitoring) return 404;  // the App checks the token first
  if (!principal) return 401;
  if (access.kind == Access::Kind::kSignedIn) return 200;
  const auto named = params.find(access.firm_param);
  const std::string firm =
      access.firm_param.empty() || named == params.end() ? std::string() : named->second;
  bool member_of_firm = false;
  for (const auto& m : principal->memberships) {
    const bool entitled = catalogue.entitles(m.roles, access.category, access.level);
    if (firm.empty() || m.firm_id == firm) {
      if (entitled) return 200;
      member_of_firm = member_of_firm || m.firm_id == firm;
    } else if (m.firm_kind == identity::FirmKind::kOperator && entitled && !access.own_firm_only) {
      return 200;  // the operator's staff handle every firm's requests
    }
  }
  if (firm.empty() || member_of_firm) return 403;
  return 404;
}

}  // namespace cp::server
