// The portal's whole route table in process (add_all_routes) on a test's scratch database, for
// route tests without a server process (tests/server/): the shipped roles, services and opening
// kits, the book firm, members with sessions, and calls answered as JSON.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "identity/shipped_catalogue.h"
#include "portal/service_catalogue.h"
#include "server/auth_routes.h"
#include "server/opening_routes.h"
#include "server/portal_requests.h"
#include "server/routes.h"
#include "store/identity_store.h"
#include "store/session_store.h"

namespace cp::testing {

struct JsonReply {
  int status = 0;
  nlohmann::json body;  // discarded when the answer is not JSON
};

class PortalApp {
 public:
  // Builds the route table for `book_firm` (which must exist) on `db` at `clock`. A file of the
  // shipped catalogue that does not load fails the calling test.
  void build(store::Database& db, const Clock& clock, const std::string& book_firm) {
    const identity::RoleCatalogue& roles = identity::shipped_catalogue();
    const std::filesystem::path catalog = std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "catalog";
    // Built in place: AuthContext holds mutexes and cannot be moved.
    auth_.reset(
        new server::AuthContext{db, clock, server::AuthPolicy{}, nullptr, std::nullopt, {}});
    auto services = portal::ServiceCatalogue::load(catalog);
    ASSERT_TRUE(services.ok()) << services.error().to_string();
    services_ = std::make_unique<portal::ServiceCatalogue>(std::move(services).value());
    auto kits = server::load_opening_kits(catalog);
    ASSERT_TRUE(kits.ok()) << kits.error().to_string();
    kits_ = std::move(kits).value();
    portal_ =
        std::make_unique<server::PortalContext>(server::PortalContext{*auth_, roles, *services_});
    portal_->data_dir = std::string(CONNECTPOST_SOURCE_DIR) + "/data";
    portal_->book_firm = book_firm;
    portal_->opening_kits = &kits_;
    app_ = std::make_unique<server::App>(
        roles,
        [this](const server::HttpRequest& request) {
          return server::authenticate(*auth_, request);
        },
        "", clock);
    server::add_all_routes(*app_, *auth_, roles, *portal_);
  }

  server::PortalContext& portal() { return *portal_; }
  const std::map<Channel, investors::OpeningKit>& kits() const { return kits_; }

  // One request with `session`'s cookie and CSRF token and a JSON body ({} when null).
  JsonReply call(const store::NewSession& session, const std::string& method,
                 const std::string& path, const nlohmann::json& body = nullptr) {
    server::HttpRequest r;
    r.method = method;
    r.path = path;
    r.remote_address = "192.0.2.1";
    r.headers["content-type"] = "application/json";
    r.headers["cookie"] = "cp_session=" + session.token;
    r.headers["x-csrf-token"] = session.csrf_token;
    r.body = body.is_null() ? "{}" : body.dump();
    const server::HttpResponse answer = app_->handle(r);
    return {answer.status, nlohmann::json::parse(answer.body, nullptr, false)};
  }

 private:
  std::unique_ptr<server::AuthContext> auth_;
  std::unique_ptr<portal::ServiceCatalogue> services_;
  std::map<Channel, investors::OpeningKit> kits_;
  std::unique_ptr<server::PortalContext> portal_;
  std::unique_ptr<server::App> app_;
};

// Adds `login` to `firm` with `role` and opens a session for them.
inline store::NewSession add_member(store::Database& db, const Clock& clock,
                                    const std::string& login, const std::string& firm,
                                    const std::string& role) {
  store::User user;
  user.user_id = login;
  user.display_name = login;
  user.email = login + "@example.com";
  EXPECT_TRUE(store::add_user(db, user, clock.now()).ok()) << login;
  EXPECT_TRUE(store::grant_role(db, identity::shipped_catalogue(), {"", true, {}}, login, firm,
                                role, clock.now())
                  .ok())
      << login;
  auto session = store::create_session(db, login, clock.now(), 720);
  EXPECT_TRUE(session.ok()) << login;
  return session.ok() ? *session : store::NewSession{};
}

}  // namespace cp::testing
