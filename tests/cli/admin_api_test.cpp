// Delegated administration over the API against the real server, on SQLite and PostgreSQL: a
// firm's administrator manages its own firm's business roles, gets 404 for another firm (never
// its data), cannot grant administrator roles or its own roles, and the role rules hold.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/http_client.h"
#include "support/operator_test.h"
#include "support/server_process.h"
#include "support/sign_in.h"

namespace cp {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;
using testing::http_call;
using testing::HttpReply;

class AdminApiTest : public testing::OperatorTest {
 protected:
  void SetUp() override {
    OperatorTest::SetUp();
    if (HasFatalFailure()) return;
    cli("firm add B001 --name Alpha --kind broker");
    cli("firm add B002 --name Beta --kind broker");
    // The operator registers ada's designated email at once (SPEC AUTH-1): without one, nobody
    // signs in once 2FA is on (AUTH-2).
    cli("user add ada --name Ada --email ada@alpha.example --firm B001 --role firm_admin "
        "--role viewer");
    cli("user add bob --name Bob --firm B001 --role maker");
    cli("user add cyd --name Cyd --firm B002 --role maker");
    cli("user set-password ada", "harbour lanterns at dusk\n");
    const std::string secret = testing::enrol_totp(*this, "ada");
    ASSERT_EQ(server_.start(scratch_->url()), "");
    ada_ = testing::sign_in(server_.port(), "ada", "harbour lanterns at dusk", secret);
    ASSERT_EQ(ada_.status, 200);
  }

  HttpReply call(const std::string& method, const std::string& path, const Json& body = nullptr,
                 bool with_csrf = true) {
    std::map<std::string, std::string> headers = {{"Cookie", ada_.cookie}};
    if (with_csrf) headers["X-CSRF-Token"] = ada_.csrf;
    return http_call(server_.port(), method, path, body.is_null() ? "" : body.dump(), headers);
  }

  // The user's roles in their first firm, as the operator's command line shows them.
  Json roles_of(const std::string& user) {
    return Json::parse(run("user show " + user + " --json").out)["memberships"][0]["roles"];
  }

  testing::ServerProcess server_;
  testing::SignedIn ada_;
};

TEST_P(AdminApiTest, AnAdministratorSeesItsFirmsUsersAndNothingOfAnother) {
  const HttpReply own = call("GET", "/api/v1/firms/B001/users");
  ASSERT_EQ(own.status, 200) << own.body;
  const Json users = Json::parse(own.body)["users"];
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0]["user"], "ada");
  EXPECT_EQ(users[1]["user"], "bob");
  EXPECT_EQ(users[1]["roles"], Json::array({"maker"}));
  const HttpReply other = call("GET", "/api/v1/firms/B002/users");
  EXPECT_EQ(other.status, 404);
  EXPECT_THAT(other.body, ::testing::Not(HasSubstr("cyd")));
  EXPECT_EQ(call("GET", "/api/v1/firms/B999/users").status, 404);  // same as a real firm
}

TEST_P(AdminApiTest, GrantsAndRevokesBusinessRolesInItsFirmUnderTheRoleRules) {
  const HttpReply viewer = call("POST", "/api/v1/firms/B001/users/bob/roles", {{"role", "viewer"}});
  ASSERT_EQ(viewer.status, 200) << viewer.body;
  EXPECT_EQ(Json::parse(viewer.body)["changed"], true);
  const HttpReply conflict =
      call("POST", "/api/v1/firms/B001/users/bob/roles", {{"role", "checker"}});
  EXPECT_EQ(conflict.status, 422);
  EXPECT_THAT(conflict.body, HasSubstr("roles maker and checker conflict"));
  const HttpReply revoked = call("DELETE", "/api/v1/firms/B001/users/bob/roles/viewer");
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  const auto trail = run("audit show --object user:bob --json");
  EXPECT_THAT(trail.out, HasSubstr("role.granted"));
  EXPECT_THAT(trail.out, HasSubstr("role.revoked"));
  EXPECT_THAT(trail.out, HasSubstr("user:ada"));  // who did it
}

TEST_P(AdminApiTest, CannotGrantInAnotherFirmNorAdministratorRolesNorItsOwn) {
  const HttpReply elsewhere =
      call("POST", "/api/v1/firms/B002/users/cyd/roles", {{"role", "viewer"}});
  EXPECT_EQ(elsewhere.status, 404);
  const HttpReply admin =
      call("POST", "/api/v1/firms/B001/users/bob/roles", {{"role", "firm_admin"}});
  EXPECT_EQ(admin.status, 422);
  EXPECT_THAT(admin.body, HasSubstr("granted by the platform operator"));
  const HttpReply own = call("POST", "/api/v1/firms/B001/users/ada/roles", {{"role", "maker"}});
  EXPECT_EQ(own.status, 422);
  EXPECT_THAT(own.body, HasSubstr("their own roles"));
  // And nothing changed for cyd in B002.
  EXPECT_EQ(roles_of("cyd"), Json::array({"maker"}));
}

TEST_P(AdminApiTest, AChangeWithoutTheCsrfTokenIsRefused) {
  const HttpReply refused =
      call("POST", "/api/v1/firms/B001/users/bob/roles", {{"role", "viewer"}}, false);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(roles_of("bob"), Json::array({"maker"}));
}

TEST_P(AdminApiTest, AnAdministratorsEmailWaitsForTheOperatorAUsersDoesNot) {
  cli("user add eve --name Eve --firm B001 --role firm_admin");
  const HttpReply user =
      call("POST", "/api/v1/firms/B001/users/bob/email", {{"email", "bob@alpha.example"}});
  ASSERT_EQ(user.status, 200) << user.body;
  EXPECT_EQ(Json::parse(user.body)["email_status"], "registered");
  const HttpReply admin =
      call("POST", "/api/v1/firms/B001/users/eve/email", {{"email", "eve@alpha.example"}});
  ASSERT_EQ(admin.status, 200) << admin.body;
  EXPECT_EQ(Json::parse(admin.body)["email_status"], "pending");
  EXPECT_EQ(Json::parse(run("user show eve --json").out)["email_status"], "pending");
  cli("user approve-email eve");
  EXPECT_EQ(Json::parse(run("user show eve --json").out)["email_status"], "registered");
  EXPECT_NE(run("user approve-email eve").exit_code, 0);  // nothing pending any more
  // Not a member of B001: nothing there for its administrator.
  EXPECT_EQ(
      call("POST", "/api/v1/firms/B001/users/cyd/email", {{"email", "c@beta.example"}}).status,
      404);
}

TEST_P(AdminApiTest, CannotPullAnotherFirmsUserIntoItsOwn) {
  // Granting cyd (of B002) a role in B001 would let B001's administrator reach cyd's account
  // (its email, its codes): refused exactly like an unknown login.
  const HttpReply pulled = call("POST", "/api/v1/firms/B001/users/cyd/roles", {{"role", "viewer"}});
  const HttpReply unknown =
      call("POST", "/api/v1/firms/B001/users/nobody/roles", {{"role", "viewer"}});
  EXPECT_EQ(pulled.status, 404);
  EXPECT_EQ(pulled.body, unknown.body);
  EXPECT_EQ(Json::parse(run("user show cyd --json").out)["memberships"].size(), 1u);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(AdminApiTest);

}  // namespace
}  // namespace cp
