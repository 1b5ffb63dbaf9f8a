// docs/openapi.yaml and the server's routes agree: every registered route is described, and every
// described route is registered. The YAML is read by its layout (paths at two spaces, methods at
// four), which the file keeps.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>

#include "identity/shipped_catalogue.h"
#include "server/routes.h"
#include "store/migrations.h"

namespace cp::server {
namespace {

// Each documented route ("POST /api/v1/…") with its security line's value ("" when none).
std::map<std::string, std::string> documented_routes() {
  std::ifstream in(std::string(CONNECTPOST_SOURCE_DIR) + "/docs/openapi.yaml");
  std::map<std::string, std::string> out;
  std::string line;
  std::string path;
  std::string route;
  bool in_paths = false;
  while (std::getline(in, line)) {
    if (line == "paths:") {
      in_paths = true;
      continue;
    }
    if (!in_paths || line.empty()) continue;
    if (line[0] != ' ') break;  // the next top-level key
    if (line.rfind("  /", 0) == 0 && line.back() == ':') {
      path = line.substr(2, line.size() - 3);
    } else if (line.size() > 4 && line.rfind("    ", 0) == 0 && line[4] != ' ' &&
               line.back() == ':') {
      std::string method = line.substr(4, line.size() - 5);
      for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      route = method + " " + path;
      out[route] = "";
    } else if (line.rfind("      security: ", 0) == 0 && !route.empty()) {
      out[route] = line.substr(16);
    }
  }
  return out;
}

TEST(OpenApi, DescribesExactlyTheRegisteredRoutes) {
  auto db = store::open_database("sqlite::memory:");
  ASSERT_TRUE(db.ok());
  FixedClock clock{from_hkt(*Date::parse("2024-03-15"), *TimeOfDay::parse("18:30"))};
  AuthContext auth{**db, clock, AuthPolicy{}, nullptr, std::nullopt, {}};
  App app(
      identity::shipped_catalogue(), [](const HttpRequest&) { return std::nullopt; }, "");
  auto services =
      portal::ServiceCatalogue::load(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "catalog");
  ASSERT_TRUE(services.ok()) << services.error().to_string();
  PortalContext portal{auth, identity::shipped_catalogue(), *services};
  add_all_routes(app, auth, identity::shipped_catalogue(), portal);
  std::set<std::string> registered;
  for (const auto& route : app.router().routes()) {
    registered.insert(route.method + " " + route.pattern);
    EXPECT_FALSE(route.summary.empty()) << route.pattern;
  }
  const auto documented = documented_routes();
  EXPECT_GE(documented.size(), 12u);
  for (const auto& route : registered) {
    EXPECT_TRUE(documented.count(route)) << route << " is not in docs/openapi.yaml";
  }
  for (const auto& [route, security] : documented) {
    EXPECT_TRUE(registered.count(route)) << route << " is documented but not registered";
  }
  // What each route is documented to need is what the App asks (issue 14 finding 8: four
  // routes said "a session or a CSRF token" where both are needed).
  for (const auto& route : app.router().routes()) {
    const auto found = documented.find(route.method + " " + route.pattern);
    if (found == documented.end()) continue;
    const bool changes = route.method != "GET" && route.method != "HEAD";
    std::string expected;
    switch (route.access.kind) {
      case Access::Kind::kPublic:
        expected = "";
        break;
      case Access::Kind::kMonitoring:
        expected = "[{monitoring: []}]";
        break;
      case Access::Kind::kSignedIn:
      case Access::Kind::kEntitled:
        expected = changes ? "[{session: [], csrf: []}]" : "[{session: []}]";
        break;
    }
    EXPECT_EQ(found->second, expected) << found->first;
  }
}

}  // namespace
}  // namespace cp::server
