// A signed-in user's own credentials against the real server and a real SMTP sink, on SQLite and
// PostgreSQL: enrolling an authenticator app from its key (as scanned from the QR code),
// changing the password, and resetting it by an emailed one-time link.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "support/http_client.h"
#include "support/operator_test.h"
#include "support/server_process.h"
#include "support/sign_in.h"
#include "support/smtp_sink.h"

namespace cp {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Json = nlohmann::json;
using testing::http_call;
using testing::HttpReply;

constexpr const char* kPassword = "harbour lanterns at dusk";

class SelfServiceTest : public testing::OperatorTest {
 protected:
  SelfServiceTest() : OperatorTest(/*with_alice=*/true) {}

  void SetUp() override {
    OperatorTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_EQ(sink_.start(dir_), "");
  }

  void serve(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--smtp-url", sink_.url(), "--public-url",
                                     "https://portal.cp.test/"};
    args.insert(args.end(), extra.begin(), extra.end());
    ASSERT_EQ(server_.start(scratch_->url(), args), "");
  }

  HttpReply post(const std::string& path, const Json& body,
                 std::map<std::string, std::string> headers = {}) {
    return http_call(server_.port(), "POST", path, body.dump(), headers);
  }
  HttpReply post_as(const testing::SignedIn& who, const std::string& path, const Json& body) {
    return post(path, body, {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}});
  }
  int me_status(const std::string& cookie) {
    return http_call(server_.port(), "GET", "/api/v1/me", "", {{"Cookie", cookie}}).status;
  }

  // Alice signs in with her password and the code mailed to her (the n-th mail).
  testing::SignedIn sign_in_by_email(size_t n, const std::string& password = kPassword) {
    testing::SignedIn out;
    const HttpReply first =
        post("/api/v1/session/password", {{"user", "alice"}, {"password", password}});
    out.status = first.status;
    if (first.status != 200) return out;
    const std::string login = "cp_login=" + testing::set_cookie_value(first, "cp_login");
    EXPECT_EQ(post("/api/v1/session/email-code/send", Json::object(), {{"Cookie", login}}).status,
              200);
    const auto mails = sink_.messages(n + 1);
    std::smatch code;
    if (mails.size() <= n ||
        !std::regex_search(mails[n], code, std::regex("sign-in code is ([0-9]{6})\\."))) {
      ADD_FAILURE() << "no sign-in code in mail " << n;
      return out;
    }
    const HttpReply second =
        post("/api/v1/session/email-code", {{"code", code[1].str()}}, {{"Cookie", login}});
    out.status = second.status;
    out.cookie = "cp_session=" + testing::set_cookie_value(second, "cp_session");
    if (second.status == 200) out.csrf = Json::parse(second.body)["csrf_token"];
    return out;
  }

  // The reset link's token in the n-th mail.
  std::string reset_token_in_mail(size_t n) {
    const auto mails = sink_.messages(n + 1);
    std::smatch match;
    if (mails.size() <= n ||
        !std::regex_search(
            mails[n], match,
            std::regex("https://portal\\.cp\\.test/reset\\.html#token=([0-9a-f]{64})"))) {
      ADD_FAILURE() << "no reset link in mail " << n;
      return "";
    }
    return match[1].str();
  }

  testing::SmtpSink sink_;
  testing::ServerProcess server_;
};

TEST_P(SelfServiceTest, AUserEnrolsAnAppFromItsKeyAndThenSignsInWithIt) {
  serve();
  const testing::SignedIn alice = sign_in_by_email(0);
  ASSERT_EQ(alice.status, 200);
  // The password again before a second factor changes; a wrong one is refused.
  EXPECT_EQ(post_as(alice, "/api/v1/me/totp", {{"password", "not her password"}}).status, 401);
  const HttpReply started = post_as(alice, "/api/v1/me/totp", {{"password", kPassword}});
  ASSERT_EQ(started.status, 200) << started.body;
  const Json app = Json::parse(started.body);
  EXPECT_THAT(app["qr_svg"].get<std::string>(), HasSubstr("<svg"));
  // The key shown for typing is the URI's secret in groups of four (160 bits: 32 characters).
  std::string key = app["key"];
  key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
  EXPECT_EQ(key.size(), 32u);
  EXPECT_THAT(app["otpauth_uri"].get<std::string>(), HasSubstr("secret=" + key + "&"));
  const std::string secret = testing::base32_decode(key);
  // A code of some other secret does not confirm it; the code of this one does.
  EXPECT_EQ(post_as(alice, "/api/v1/me/totp/confirm", {{"code", testing::totp_now("x", 0)}}).status,
            422);
  const std::string first_code = testing::totp_now(secret);
  const HttpReply confirmed = post_as(alice, "/api/v1/me/totp/confirm", {{"code", first_code}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  const HttpReply me =
      http_call(server_.port(), "GET", "/api/v1/me/security", "", {{"Cookie", alice.cookie}});
  EXPECT_EQ(Json::parse(me.body)["totp"], true);
  // Nothing is pending any more.
  EXPECT_EQ(post_as(alice, "/api/v1/me/totp/confirm", {{"code", first_code}}).status, 409);
  // The code that confirmed the app cannot sign in (no replay); the next step's code can.
  const HttpReply password =
      post("/api/v1/session/password", {{"user", "alice"}, {"password", kPassword}});
  ASSERT_EQ(password.status, 200);
  EXPECT_EQ(Json::parse(password.body)["second_factor"], Json({"totp", "email"}));
  const std::string login = "cp_login=" + testing::set_cookie_value(password, "cp_login");
  EXPECT_EQ(post("/api/v1/session/totp", {{"code", first_code}}, {{"Cookie", login}}).status, 401);
  const HttpReply in =
      post("/api/v1/session/totp", {{"code", testing::totp_now(secret, 1)}}, {{"Cookie", login}});
  EXPECT_EQ(in.status, 200) << in.body;
}

TEST_P(SelfServiceTest, EnrolmentNeedsTheCsrfTokenAndASession) {
  serve();
  const testing::SignedIn alice = sign_in_by_email(0);
  ASSERT_EQ(alice.status, 200);
  EXPECT_EQ(post("/api/v1/me/totp", {{"password", kPassword}}, {{"Cookie", alice.cookie}}).status,
            403);
  EXPECT_EQ(post("/api/v1/me/totp", {{"password", kPassword}}).status, 401);
}

TEST_P(SelfServiceTest, APasswordChangeEndsEverySessionAndKeepsThisBrowserIn) {
  serve();
  const testing::SignedIn here = sign_in_by_email(0);
  const testing::SignedIn elsewhere = sign_in_by_email(1);
  ASSERT_EQ(here.status, 200);
  ASSERT_EQ(elsewhere.status, 200);
  const std::string fresh = "new moon over victoria harbour";
  EXPECT_EQ(
      post_as(here, "/api/v1/me/password", {{"current_password", "wrong"}, {"new_password", fresh}})
          .status,
      401);
  // data/identity/common_passwords.txt and the 12-character minimum (identity/password.h).
  const HttpReply weak = post_as(here, "/api/v1/me/password",
                                 {{"current_password", kPassword}, {"new_password", "short"}});
  EXPECT_EQ(weak.status, 422);
  EXPECT_THAT(weak.body, HasSubstr("shorter than 12 characters"));
  const HttpReply changed = post_as(here, "/api/v1/me/password",
                                    {{"current_password", kPassword}, {"new_password", fresh}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(Json::parse(changed.body)["sessions_ended"], 2);
  EXPECT_EQ(me_status(here.cookie), 401);
  EXPECT_EQ(me_status(elsewhere.cookie), 401);
  EXPECT_EQ(me_status("cp_session=" + testing::set_cookie_value(changed, "cp_session")), 200);
  EXPECT_EQ(post("/api/v1/session/password", {{"user", "alice"}, {"password", kPassword}}).status,
            401);
  EXPECT_EQ(post("/api/v1/session/password", {{"user", "alice"}, {"password", fresh}}).status, 200);
}

TEST_P(SelfServiceTest, AResetLinkWorksOnceAndEndsTheSessions) {
  serve();
  const testing::SignedIn before = sign_in_by_email(0);
  ASSERT_EQ(before.status, 200);
  const HttpReply asked = post("/api/v1/password-reset", {{"user", "alice"}});
  ASSERT_EQ(asked.status, 202) << asked.body;
  const std::string token = reset_token_in_mail(1);
  const auto mails = sink_.messages(2);
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_THAT(mails[1], HasSubstr("To: alice@alpha.example"));
  EXPECT_THAT(mails[1], HasSubstr("Subject: Reset your connectpost password"));
  // A refused password does not spend the link.
  EXPECT_EQ(post("/api/v1/password-reset/confirm", {{"token", token}, {"new_password", "password"}})
                .status,
            422);
  const std::string fresh = "new moon over victoria harbour";
  const HttpReply reset =
      post("/api/v1/password-reset/confirm", {{"token", token}, {"new_password", fresh}});
  ASSERT_EQ(reset.status, 200) << reset.body;
  EXPECT_EQ(Json::parse(reset.body)["sessions_ended"], 1);
  EXPECT_EQ(me_status(before.cookie), 401);
  EXPECT_EQ(post("/api/v1/password-reset/confirm",
                 {{"token", token}, {"new_password", "another long passphrase here"}})
                .status,
            400);
  EXPECT_EQ(post("/api/v1/session/password", {{"user", "alice"}, {"password", kPassword}}).status,
            401);
  // The new password still needs the second factor.
  EXPECT_EQ(sign_in_by_email(2, fresh).status, 200);
}

TEST_P(SelfServiceTest, UnknownLoginsGetTheSameAnswerAndNoMail) {
  serve();
  const HttpReply unknown = post("/api/v1/password-reset", {{"user", "mallory"}});
  const HttpReply known = post("/api/v1/password-reset", {{"user", "alice"}});
  EXPECT_EQ(unknown.status, 202);
  EXPECT_EQ(unknown.body, known.body);
  EXPECT_EQ(sink_.messages(1).size(), 1u);  // alice's only
  // A second request within the cooldown sends nothing more, and says nothing different.
  EXPECT_EQ(post("/api/v1/password-reset", {{"user", "alice"}}).body, known.body);
  EXPECT_EQ(sink_.messages().size(), 1u);
  // A made-up token is refused.
  EXPECT_EQ(post("/api/v1/password-reset/confirm",
                 {{"token", std::string(64, 'a')}, {"new_password", "new moon over the harbour"}})
                .status,
            400);
}

TEST_P(SelfServiceTest, AnExpiredResetLinkIsRefused) {
  // The shipped data with auth.password_reset_minutes = 0: every link has expired on arrival.
  const fs::path data = data_with({{"auth.password_reset_minutes", "30", "0"}});
  serve({"--data-dir", data.string()});
  ASSERT_EQ(post("/api/v1/password-reset", {{"user", "alice"}}).status, 202);
  const HttpReply late =
      post("/api/v1/password-reset/confirm",
           {{"token", reset_token_in_mail(0)}, {"new_password", "new moon over victoria harbour"}});
  EXPECT_EQ(late.status, 400);
}

TEST_P(SelfServiceTest, WithoutAPublicUrlNoResetLinkIsSent) {
  // A link built from the request's Host header would let a sender point it at their own site.
  ASSERT_EQ(server_.start(scratch_->url(), {"--smtp-url", sink_.url()}), "");
  const HttpReply refused = post("/api/v1/password-reset", {{"user", "alice"}});
  EXPECT_EQ(refused.status, 503);
  EXPECT_TRUE(sink_.messages().empty());
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(SelfServiceTest);

}  // namespace
}  // namespace cp
