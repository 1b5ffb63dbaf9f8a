// The 2FA migration phases (SPEC AUTH-2) against the real server, on SQLite and PostgreSQL. The
// phase is chosen by moving the auth.2fa.* dates around today in a copy of the shipped data.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/http_client.h"
#include "support/operator_test.h"
#include "support/server_process.h"
#include "support/sign_in.h"
#include "support/smtp_sink.h"

namespace cp {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;
using testing::http_call;
using testing::HttpReply;

constexpr const char* kPassword = "harbour lanterns at dusk";

class MigrationSignInTest : public testing::OperatorTest {
 protected:
  // alice has a registered email (the fixture); bob has an authenticator app and no email.
  MigrationSignInTest() : OperatorTest(/*with_alice=*/true) {}

  void SetUp() override {
    OperatorTest::SetUp();
    if (HasFatalFailure()) return;
    cli("user add bob --name Bob --firm B001 --role viewer");
    cli("user set-password bob", std::string(kPassword) + "\n");
    bob_secret_ = testing::enrol_totp(*this, "bob");
    ASSERT_FALSE(bob_secret_.empty());
  }

  // With a mail relay, so that a registered email is a second factor.
  void serve(std::initializer_list<ParameterEdit> edits) {
    ASSERT_EQ(sink_.start(dir_), "");
    const std::string data = data_with(edits).string();
    ASSERT_EQ(server_.start(scratch_->url(), {"--data-dir", data, "--smtp-url", sink_.url()}), "");
  }
  HttpReply password(const std::string& user) {
    return http_call(server_.port(), "POST", "/api/v1/session/password",
                     Json{{"user", user}, {"password", kPassword}}.dump());
  }
  HttpReply fallback(const HttpReply& first) {
    return http_call(server_.port(), "POST", "/api/v1/session/fallback", "{}",
                     {{"Cookie", "cp_login=" + testing::set_cookie_value(first, "cp_login")}});
  }

  std::string bob_secret_;
  testing::SmtpSink sink_;
  testing::ServerProcess server_;
};

TEST_P(MigrationSignInTest, BeforeTwoFactorIsOnThePasswordAloneSignsIn) {
  serve({{"auth.2fa.on_from", "2023-05-31", "2099-05-31"},
         {"auth.2fa.only_from", "2023-07-31", "2099-07-31"}});
  // bob has no registered email: no matter yet.
  const HttpReply first = password("bob");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Json::parse(first.body)["second_factor"], Json({"totp", "password_only"}));
  const HttpReply in = fallback(first);
  ASSERT_EQ(in.status, 200) << in.body;
  EXPECT_EQ(http_call(server_.port(), "GET", "/api/v1/me", "",
                      {{"Cookie", "cp_session=" + testing::set_cookie_value(in, "cp_session")}})
                .status,
            200);
  EXPECT_THAT(run("user show bob --json").out, HasSubstr("password_only"));  // audited
}

TEST_P(MigrationSignInTest, WhileTheFallbackLastsOnlyExistingUsersMayUseIt) {
  serve({{"auth.2fa.on_from", "2023-05-31", "2001-05-31"},
         {"auth.2fa.only_from", "2023-07-31", "2099-07-31"}});
  // alice was created today, after 2FA came on: a new user, 2FA only.
  const HttpReply fresh = password("alice");
  ASSERT_EQ(fresh.status, 200);
  EXPECT_EQ(Json::parse(fresh.body)["second_factor"], Json({"email"}));
  const HttpReply refused = fallback(fresh);
  EXPECT_EQ(refused.status, 403);
  EXPECT_THAT(refused.body, HasSubstr("2FA is on since 2001-05-31"));
  // Made an existing user (created before 2FA came on), she may fall back.
  ASSERT_TRUE(db_->execute("UPDATE app_user SET created_at = '2000-06-01T00:00:00.000000Z' "
                           "WHERE user_id = 'alice'")
                  .ok());
  const HttpReply existing = password("alice");
  ASSERT_EQ(existing.status, 200);
  EXPECT_EQ(Json::parse(existing.body)["second_factor"], Json({"email", "password_only"}));
  EXPECT_EQ(fallback(existing).status, 200);
  // bob, without a registered email, cannot sign in at all, and is told why.
  const HttpReply bob = password("bob");
  EXPECT_EQ(bob.status, 403);
  EXPECT_THAT(bob.body, HasSubstr("has no registered designated email"));
  EXPECT_EQ(testing::set_cookie_value(bob, "cp_login"), "");
}

TEST_P(MigrationSignInTest, OnceTwoFactorIsTheOnlyMethodNobodyFallsBack) {
  serve({});  // the shipped dates: 2FA only since 2023-07-31
  ASSERT_TRUE(db_->execute("UPDATE app_user SET created_at = '2000-06-01T00:00:00.000000Z'").ok());
  const HttpReply alice = password("alice");
  ASSERT_EQ(alice.status, 200);
  EXPECT_EQ(Json::parse(alice.body)["second_factor"], Json({"email"}));
  EXPECT_EQ(fallback(alice).status, 403);
  const HttpReply bob = password("bob");
  EXPECT_EQ(bob.status, 403);
  EXPECT_THAT(bob.body, HasSubstr("2FA is the only sign-in method since 2023-07-31"));
  // With an email registered, bob signs in with his app — and never by the password alone.
  cli("user set-email bob bob@alpha.example");
  const HttpReply first = password("bob");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Json::parse(first.body)["second_factor"], Json({"totp", "email"}));
  EXPECT_EQ(fallback(first).status, 403);
  EXPECT_EQ(testing::sign_in(server_.port(), "bob", kPassword, bob_secret_).status, 200);
}

TEST_P(MigrationSignInTest, EmailRegistrationOpensOnItsDate) {
  serve({{"auth.2fa.user_registration_from", "2022-12-19", "2099-12-19"}});
  // ada, an administrator of B001, with an email so that she can sign in.
  cli("user add ada --name Ada --email ada@alpha.example --firm B001 --role firm_admin");
  cli("user set-password ada", std::string(kPassword) + "\n");
  const std::string secret = testing::enrol_totp(*this, "ada");
  const testing::SignedIn ada = testing::sign_in(server_.port(), "ada", kPassword, secret);
  ASSERT_EQ(ada.status, 200);
  const HttpReply early = http_call(server_.port(), "POST", "/api/v1/firms/B001/users/bob/email",
                                    Json{{"email", "bob@alpha.example"}}.dump(),
                                    {{"Cookie", ada.cookie}, {"X-CSRF-Token", ada.csrf}});
  EXPECT_EQ(early.status, 422);
  EXPECT_THAT(early.body, HasSubstr("from 2099-12-19"));
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(MigrationSignInTest);

}  // namespace
}  // namespace cp
