// The authorization matrix, generated from the router's own table (issue 14): every route the
// server registers, taken with every way a request should be refused, on SQLite and PostgreSQL.
// For each route and case the answer must be the refusal docs/openapi.yaml and router.h document,
// and nothing may change: no table gains or loses a row and the audit trail's head stays where it
// was. A route with no declared access, or an entitled route not scoped by the firm in its path,
// fails the test. The cases:
//   no session (401), an expired session (401), a session of another firm (404), each role of the
//   firm's kind that lacks the entitlement (403), the operator's staff on a participant's own
//   business (404), a missing and a wrong CSRF token on a state-changing route (403), a method the
//   path does not take (405), and, for /metrics, no token and a wrong one (404).
#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <map>
#include <set>

#include "identity/shipped_catalogue.h"
#include "portal/service_catalogue.h"
#include "server/auth_routes.h"
#include "server/portal_requests.h"
#include "server/routes.h"
#include "store/audit_store.h"
#include "store/identity_store.h"
#include "store/migrations.h"
#include "store/session_store.h"
#include "support/backend_test.h"

namespace cp::server {
namespace {

using identity::FirmKind;

constexpr int64_t kSessionMinutes = 720;

// Each table's row count and the audit head: what must not move under a refused request.
struct Footprint {
  std::map<std::string, int64_t> rows;
  std::string audit_head;
  bool operator==(const Footprint&) const = default;
};

class AuthorizationMatrixTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(store::migrate(*db_, clock_).ok());
    spdlog::set_level(spdlog::level::warn);  // one access-log line per case is noise here
    const identity::RoleCatalogue& roles = identity::shipped_catalogue();
    for (const store::Firm& firm : {store::Firm{"B001", "Alpha", FirmKind::kBroker},
                                    store::Firm{"B002", "Beta", FirmKind::kBroker},
                                    store::Firm{"HKEX", "Clearing house", FirmKind::kOperator}}) {
      ASSERT_TRUE(store::add_firm(*db_, firm, clock_.now()).ok());
    }
    // One user for each role that may be granted in a broker (in B001) or in the operator.
    const identity::Actor cli{"", true, {}};
    for (const identity::RoleDefinition& role : roles.roles()) {
      for (const auto& [firm, kind] :
           {std::pair{"B001", FirmKind::kBroker}, std::pair{"HKEX", FirmKind::kOperator}}) {
        if (!role.firm_kinds.count(kind)) continue;
        const std::string login = "u." + role.role;
        add_user(login);
        ASSERT_TRUE(store::grant_role(*db_, roles, cli, login, firm, role.role, clock_.now()).ok())
            << login;
        role_users_.push_back({login, firm, role.role});
      }
    }
    // A maker of another firm, and a maker whose session has expired.
    add_user("other.maker");
    ASSERT_TRUE(
        store::grant_role(*db_, roles, cli, "other.maker", "B002", "maker", clock_.now()).ok());
    add_user("expired.maker");
    ASSERT_TRUE(
        store::grant_role(*db_, roles, cli, "expired.maker", "B001", "maker", clock_.now()).ok());
    for (const auto& user : role_users_) sessions_[user.login] = open(user.login, clock_.now());
    sessions_["other.maker"] = open("other.maker", clock_.now());
    // Opened 13 hours ago: past the 12-hour absolute expiry.
    sessions_["expired.maker"] = open("expired.maker", clock_.now() - std::chrono::hours(13));
    ASSERT_TRUE(store::append_audit(*db_, clock_, {"cli", "", "test.seeded", "test", "{}"}).ok());

    // Built in place: AuthContext holds mutexes and cannot be moved.
    auth_.reset(new AuthContext{*db_, clock_, AuthPolicy{}, nullptr, std::nullopt, {}});
    auth_->policy.session_absolute_minutes = kSessionMinutes;
    auto services =
        portal::ServiceCatalogue::load(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "catalog");
    ASSERT_TRUE(services.ok()) << services.error().to_string();
    services_ = std::make_unique<portal::ServiceCatalogue>(std::move(services).value());
    portal_ = std::make_unique<PortalContext>(PortalContext{*auth_, roles, *services_});
    app_ = std::make_unique<App>(
        roles, [this](const HttpRequest& request) { return authenticate(*auth_, request); }, "",
        clock_);
    app_->set_monitoring_token(std::string(40, 't'));
    add_all_routes(*app_, *auth_, roles, *portal_);
  }

  void add_user(const std::string& login) {
    store::User user;
    user.user_id = login;
    user.display_name = login;
    user.email = login + "@example.com";
    ASSERT_TRUE(store::add_user(*db_, user, clock_.now()).ok()) << login;
  }

  store::NewSession open(const std::string& login, UtcTime at) {
    auto session = store::create_session(*db_, login, at, kSessionMinutes);
    EXPECT_TRUE(session.ok());
    return session.ok() ? *session : store::NewSession{};
  }

  Footprint footprint() {
    Footprint out;
    const char* tables_sql =
        db_->backend() == store::Backend::kSqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
              "ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = "
              "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name";
    auto tables = db_->query(tables_sql, {});
    EXPECT_TRUE(tables.ok());
    if (!tables.ok()) return out;
    for (const auto& row : tables->rows) {
      const std::string table = row.text(0);
      auto count = db_->query("SELECT COUNT(*) FROM " + table, {});
      EXPECT_TRUE(count.ok()) << table;
      if (count.ok()) out.rows[table] = count->rows[0].integer(0);
    }
    auto head = store::audit_head(*db_);
    EXPECT_TRUE(head.ok());
    if (head.ok()) out.audit_head = head->hash;
    return out;
  }

  // A concrete path for the route: the firm in it is B001 for a participant's route and HKEX
  // for the operator's; any other parameter a plausible value (refusals come before it is read).
  static std::string concrete(const Route& route, const std::string& firm) {
    std::string path;
    size_t at = 0;
    while (at < route.pattern.size()) {
      const size_t open_brace = route.pattern.find('{', at);
      if (open_brace == std::string::npos) {
        path += route.pattern.substr(at);
        break;
      }
      const size_t close_brace = route.pattern.find('}', open_brace);
      path += route.pattern.substr(at, open_brace - at);
      const std::string name = route.pattern.substr(open_brace + 1, close_brace - open_brace - 1);
      path += name == "firm" ? firm : name == "ref" ? "R-20261205-0001" : "1";
      at = close_brace + 1;
    }
    return path;
  }

  static bool is_operator_route(const Route& route) {
    return route.pattern.rfind("/api/v1/operator/", 0) == 0 ||
           route.pattern.rfind("/api/v1/admin/", 0) == 0;
  }

  HttpRequest request(const Route& route, const std::string& method, const std::string& path,
                      const std::string& login, bool with_csrf, const std::string& csrf = "") {
    HttpRequest r;
    r.method = method;
    r.path = path;
    r.remote_address = "192.0.2.1";
    r.headers["content-type"] = "application/json";
    r.body = "{}";
    if (!login.empty()) {
      const store::NewSession& session = sessions_.at(login);
      r.headers["cookie"] = "cp_session=" + session.token;
      if (with_csrf) r.headers["x-csrf-token"] = csrf.empty() ? session.csrf_token : csrf;
    }
    (void)route;
    return r;
  }

  struct RoleUser {
    std::string login;
    std::string firm;
    std::string role;
  };

  FixedClock clock_{from_hkt(*Date::parse("2026-12-05"), *TimeOfDay::parse("10:00"))};
  std::vector<RoleUser> role_users_;
  std::map<std::string, store::NewSession> sessions_;
  std::unique_ptr<AuthContext> auth_;
  std::unique_ptr<portal::ServiceCatalogue> services_;
  std::unique_ptr<PortalContext> portal_;
  std::unique_ptr<App> app_;
};

TEST_P(AuthorizationMatrixTest, EveryRouteRefusesEveryoneItShouldAndChangesNothing) {
  const identity::RoleCatalogue& roles = identity::shipped_catalogue();
  const Footprint before = footprint();
  size_t cases = 0;
  size_t routes = 0;
  const auto expect = [&](const Route& route, const std::string& what, const HttpRequest& r,
                          int status) {
    ++cases;
    const HttpResponse answer = app_->handle(r);
    EXPECT_EQ(answer.status, status)
        << route.method << " " << route.pattern << ", " << what << ": " << answer.body;
  };
  for (const Route& route : app_->router().routes()) {
    ++routes;
    const Access& access = route.access;
    // Declared access: a public route says why; an entitled one names its category and is
    // scoped by the firm in its path, when its path has one.
    switch (access.kind) {
      case Access::Kind::kPublic:
        EXPECT_FALSE(access.why_public.empty()) << route.pattern;
        break;
      case Access::Kind::kEntitled:
        EXPECT_FALSE(access.category.empty()) << route.pattern;
        if (route.pattern.find("{firm}") != std::string::npos) {
          EXPECT_EQ(access.firm_param, "firm") << route.pattern << " is not scoped by its firm";
        }
        break;
      case Access::Kind::kSignedIn:
      case Access::Kind::kMonitoring:
        break;
    }
    const std::string firm = is_operator_route(route) ? "HKEX" : "B001";
    const std::string path = concrete(route, firm);
    const bool changes = route.method != "GET" && route.method != "HEAD";
    // A method no route takes, on this path.
    expect(route, "wrong method", request(route, "PATCH", path, "", false), 405);
    if (access.kind == Access::Kind::kPublic) continue;
    if (access.kind == Access::Kind::kMonitoring) {
      HttpRequest scrape = request(route, route.method, path, "", false);
      expect(route, "no token", scrape, 404);
      scrape.headers["authorization"] = "Bearer " + std::string(39, 't') + "x";
      expect(route, "wrong token", scrape, 404);
      continue;
    }
    expect(route, "no session", request(route, route.method, path, "", false), 401);
    expect(route, "expired session", request(route, route.method, path, "expired.maker", true),
           401);
    // Someone with every right the route asks, for the CSRF cases.
    std::string entitled_login;
    if (access.kind == Access::Kind::kSignedIn) {
      entitled_login = "u.viewer";
    } else {
      expect(route, "another firm's maker", request(route, route.method, path, "other.maker", true),
             404);
      const FirmKind kind = firm == "HKEX" ? FirmKind::kOperator : FirmKind::kBroker;
      for (const RoleUser& user : role_users_) {
        if (user.firm != firm) {
          // The operator's staff on a participant's own business: not theirs, whatever roles.
          if (access.own_firm_only) {
            expect(route, user.role + " of the operator",
                   request(route, route.method, path, user.login, true), 404);
          }
          continue;
        }
        const identity::RoleDefinition* definition = roles.find(user.role);
        ASSERT_NE(definition, nullptr);
        ASSERT_TRUE(definition->firm_kinds.count(kind));
        if (roles.entitles({user.role}, access.category, access.level)) {
          if (entitled_login.empty()) entitled_login = user.login;
          continue;
        }
        expect(route,
               user.role + " lacking " + access.category + ":" + identity::level_code(access.level),
               request(route, route.method, path, user.login, true), 403);
      }
    }
    if (changes && !entitled_login.empty()) {
      expect(route, "no CSRF token", request(route, route.method, path, entitled_login, false),
             403);
      expect(route, "a wrong CSRF token",
             request(route, route.method, path, entitled_login, true, std::string(64, '0')), 403);
    }
  }
  EXPECT_EQ(footprint(), before) << "a refused request changed the database";
  std::printf("authorization matrix: %zu routes, %zu refusal cases\n", routes, cases);
  EXPECT_GE(routes, 60u);  // the whole table was built (add_all_routes)
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(AuthorizationMatrixTest);

}  // namespace
}  // namespace cp::server
