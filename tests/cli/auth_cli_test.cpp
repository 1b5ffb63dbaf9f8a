// Sign-in against the real server on loopback, on SQLite and PostgreSQL (issue 5's security
// tests): a password alone signs nobody in; wrong passwords and wrong codes count apart; too many
// wrong codes end the attempt and lock the account; a code is never accepted twice; a
// state-changing request needs the CSRF token; a signed-out session is refused; every outcome is
// in the audit trail.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/http_client.h"
#include "support/operator_test.h"
#include "support/server_process.h"
#include "support/sign_in.h"

namespace cp {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Json = nlohmann::json;
using testing::http_call;
using testing::HttpReply;

class AuthTest : public testing::OperatorTest {
 protected:
  AuthTest() : OperatorTest(/*with_alice=*/true) {}

  void SetUp() override {
    OperatorTest::SetUp();
    if (HasFatalFailure()) return;
    secret_ = testing::enrol_totp(*this, "alice");
    ASSERT_EQ(secret_.size(), 20u);
    ASSERT_EQ(server_.start(scratch_->url()), "");
  }
  std::string code(int offset) { return testing::totp_now(secret_, offset); }

  HttpReply post(const std::string& path, const Json& body, const std::string& cookies = "",
                 const std::string& csrf = "") {
    std::map<std::string, std::string> headers;
    if (!cookies.empty()) headers["Cookie"] = cookies;
    if (!csrf.empty()) headers["X-CSRF-Token"] = csrf;
    return http_call(server_.port(), "POST", path, body.dump(), headers);
  }
  HttpReply get(const std::string& path, const std::string& cookies) {
    return http_call(server_.port(), "GET", path, "", {{"Cookie", cookies}});
  }
  HttpReply password(const std::string& user, const std::string& pass) {
    return post("/api/v1/session/password", {{"user", user}, {"password", pass}});
  }

  // Password then the code of step `offset`; asserts success.
  testing::SignedIn sign_in(int offset) {
    testing::SignedIn session =
        testing::sign_in(server_.port(), "alice", "harbour lanterns at dusk", secret_, offset);
    EXPECT_EQ(session.status, 200);
    return session;
  }

  std::string secret_;
  testing::ServerProcess server_;
};

TEST_P(AuthTest, APasswordAloneSignsNobodyIn) {
  const HttpReply first = password("alice", "harbour lanterns at dusk");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Json::parse(first.body)["second_factor"], Json::array({"totp"}));
  const std::string login = testing::set_cookie_value(first, "cp_login");
  EXPECT_EQ(login.size(), 64u);
  EXPECT_THAT(first.headers.at("set-cookie"), HasSubstr("HttpOnly; SameSite=Strict"));
  EXPECT_EQ(testing::set_cookie_value(first, "cp_session"), "");
  EXPECT_EQ(get("/api/v1/me", "cp_login=" + login).status, 401);
  EXPECT_EQ(get("/api/v1/me", "cp_session=" + login).status, 401);
}

TEST_P(AuthTest, TheSecondFactorGivesASessionAndItsUser) {
  const testing::SignedIn session = sign_in(0);
  EXPECT_EQ(session.csrf.size(), 64u);
  const HttpReply me = get("/api/v1/me", session.cookie);
  ASSERT_EQ(me.status, 200) << me.body;
  const Json body = Json::parse(me.body);
  EXPECT_EQ(body["user"], "alice");
  EXPECT_EQ(body["firms"][0]["firm"], "B001");
  EXPECT_EQ(body["firms"][0]["roles"], Json::array({"maker"}));
}

TEST_P(AuthTest, ACodeIsNeverAcceptedTwice) {
  const testing::SignedIn first = sign_in(0);
  const HttpReply again = password("alice", "harbour lanterns at dusk");
  const HttpReply replay = post("/api/v1/session/totp", {{"code", first.code}},
                                "cp_login=" + testing::set_cookie_value(again, "cp_login"));
  EXPECT_EQ(replay.status, 401);
  EXPECT_THAT(replay.body, HasSubstr("wrong or already used code"));
}

TEST_P(AuthTest, WrongPasswordsAndWrongCodesCountApartAndCodesLockTheAccount) {
  for (int i = 0; i < 4; ++i) {  // one short of auth.password_failures_max = 5
    EXPECT_EQ(password("alice", "not the password at all").status, 401);
  }
  const HttpReply right = password("alice", "harbour lanterns at dusk");
  ASSERT_EQ(right.status, 200) << right.body;  // the password count starts again
  const std::string login = "cp_login=" + testing::set_cookie_value(right, "cp_login");
  for (int i = 0; i < 4; ++i) {  // one short of auth.factor_failures_max = 5
    const HttpReply wrong = post("/api/v1/session/totp", {{"code", "000000"}}, login);
    EXPECT_EQ(wrong.status, 401) << i;
  }
  const HttpReply fifth = post("/api/v1/session/totp", {{"code", "000000"}}, login);
  EXPECT_EQ(fifth.status, 403);
  EXPECT_THAT(fifth.body, HasSubstr("this sign-in is over and the account is locked"));
  // The attempt is dead: even the right code is refused on it.
  EXPECT_EQ(post("/api/v1/session/totp", {{"code", code(0)}}, login).status, 401);
  // The account is locked until an administrator unlocks it (auth.factor_lock_minutes = 0).
  const HttpReply locked = password("alice", "harbour lanterns at dusk");
  EXPECT_EQ(locked.status, 403);
  EXPECT_THAT(locked.body, HasSubstr("ask your administrator"));
  cli("user unlock alice");
  EXPECT_EQ(password("alice", "harbour lanterns at dusk").status, 200);
  const auto trail = run("audit show --object user:alice");
  EXPECT_THAT(trail.out, HasSubstr("user.login_failed"));
  EXPECT_THAT(trail.out, HasSubstr("user.locked"));
  EXPECT_THAT(trail.out, HasSubstr("user.unlocked"));
  EXPECT_EQ(run("audit verify").exit_code, 0);
}

TEST_P(AuthTest, FiveWrongPasswordsLockForAWhileAndSayNothingBeforeTheRightOne) {
  for (int i = 0; i < 5; ++i) {
    const HttpReply wrong = password("alice", "not the password at all");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_THAT(wrong.body, HasSubstr("wrong user name or password"));
  }
  const HttpReply locked = password("alice", "harbour lanterns at dusk");
  EXPECT_EQ(locked.status, 403);
  EXPECT_THAT(locked.body, HasSubstr("locked until"));
}

TEST_P(AuthTest, AnUnknownUserIsAnsweredLikeAWrongPassword) {
  const HttpReply unknown = password("mallory", "harbour lanterns at dusk");
  const HttpReply wrong = password("alice", "not the password at all");
  EXPECT_EQ(unknown.status, wrong.status);
  EXPECT_EQ(unknown.body, wrong.body);
}

TEST_P(AuthTest, StateChangesNeedTheCsrfTokenAndASignedOutSessionIsRefused) {
  const testing::SignedIn session = sign_in(0);
  const HttpReply no_token = post("/api/v1/session/logout", Json::object(), session.cookie);
  EXPECT_EQ(no_token.status, 403);
  EXPECT_THAT(no_token.body, HasSubstr("csrf"));
  const HttpReply wrong_token =
      post("/api/v1/session/logout", Json::object(), session.cookie, std::string(64, 'a'));
  EXPECT_EQ(wrong_token.status, 403);
  EXPECT_EQ(get("/api/v1/me", session.cookie).status, 200);  // still signed in
  const HttpReply out =
      post("/api/v1/session/logout", Json::object(), session.cookie, session.csrf);
  EXPECT_EQ(out.status, 200) << out.body;
  EXPECT_EQ(get("/api/v1/me", session.cookie).status, 401);
}

TEST_P(AuthTest, SigningOutEverywhereEndsEverySession) {
  const testing::SignedIn first = sign_in(-1);
  const testing::SignedIn second = sign_in(0);
  EXPECT_NE(first.cookie, second.cookie);  // a new session id at every sign-in
  const HttpReply out =
      post("/api/v1/session/logout-all", Json::object(), second.cookie, second.csrf);
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_EQ(Json::parse(out.body)["signed_out"], 2);
  EXPECT_EQ(get("/api/v1/me", first.cookie).status, 401);
  EXPECT_EQ(get("/api/v1/me", second.cookie).status, 401);
}

TEST_P(AuthTest, ARecoveryCodeSignsInOnceInPlaceOfTheApp) {
  const auto issued = run("user recovery-codes alice");
  ASSERT_EQ(issued.exit_code, 0) << issued.err;
  std::vector<std::string> codes;
  std::istringstream lines(issued.out);
  for (std::string line; std::getline(lines, line);) codes.push_back(line);
  ASSERT_EQ(codes.size(), 10u);
  EXPECT_EQ(codes[0].size(), 11u);  // "abcde-fghij"
  EXPECT_EQ(codes[0][5], '-');
  auto attempt = [&] {
    return "cp_login=" +
           testing::set_cookie_value(password("alice", "harbour lanterns at dusk"), "cp_login");
  };
  const std::string login = attempt();
  const HttpReply in = post("/api/v1/session/recovery-code", {{"code", codes[3]}}, login);
  ASSERT_EQ(in.status, 200) << in.body;
  EXPECT_EQ(get("/api/v1/me", "cp_session=" + testing::set_cookie_value(in, "cp_session")).status,
            200);
  // Spent: the same code is refused on a new attempt; written in capitals it is the same code.
  std::string shouted = codes[3];
  for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(post("/api/v1/session/recovery-code", {{"code", shouted}}, attempt()).status, 401);
  EXPECT_EQ(post("/api/v1/session/recovery-code", {{"code", codes[4]}}, attempt()).status, 200);
  // Nothing of the codes is in the audit trail but their count.
  const auto trail = run("audit show --object user:alice");
  EXPECT_THAT(trail.out, ::testing::Not(HasSubstr(codes[4])));
  EXPECT_THAT(trail.out, HasSubstr("recovery_code"));
}

TEST_P(AuthTest, WrongCodesAddUpAcrossAttemptsSoANewAttemptDoesNotResetThem) {
  auto attempt = [&] {
    return "cp_login=" +
           testing::set_cookie_value(password("alice", "harbour lanterns at dusk"), "cp_login");
  };
  const std::string first = attempt();
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(post("/api/v1/session/totp", {{"code", "000000"}}, first).status, 401);
  }
  const std::string second = attempt();  // the right password again: the count goes on
  EXPECT_EQ(post("/api/v1/session/totp", {{"code", "000000"}}, second).status, 401);
  EXPECT_EQ(post("/api/v1/session/totp", {{"code", "000000"}}, second).status, 403);  // 5th
  // Every attempt of the user ended with the lock, the first one too.
  EXPECT_EQ(post("/api/v1/session/totp", {{"code", code(0)}}, first).status, 401);
}

TEST_P(AuthTest, WrongPasswordsNeverShortenAnAdministratorsLock) {
  cli("user lock alice");  // until an administrator unlocks it
  for (int i = 0; i < 5; ++i) EXPECT_EQ(password("alice", "not the password").status, 401);
  const Json shown = Json::parse(run("user show alice --json").out);
  EXPECT_EQ(shown["status"], "locked");
  EXPECT_EQ(shown["locked_until"], "");  // not turned into a 15-minute lock
  EXPECT_EQ(password("alice", "harbour lanterns at dusk").status, 403);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(AuthTest);

}  // namespace
}  // namespace cp
