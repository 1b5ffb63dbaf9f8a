// Sign-in by emailed code against the real server and a real SMTP server (aiosmtpd) on
// loopback, on SQLite and PostgreSQL: the mail arrives with the code, the code signs in once,
// a resend waits for its cooldown, an expired code is refused, a user with no second factor is
// told why.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "identity/totp.h"
#include "support/http_client.h"
#include "support/operator_test.h"
#include "support/server_process.h"
#include "support/smtp_sink.h"

namespace cp {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Json = nlohmann::json;
using testing::http_call;
using testing::HttpReply;

class EmailSignInTest : public testing::OperatorTest {
 protected:
  EmailSignInTest() : OperatorTest(/*with_alice=*/true) {}

  void SetUp() override {
    OperatorTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_EQ(sink_.start(dir_), "");
  }

  void serve(const std::vector<std::string>& args) {
    ASSERT_EQ(server_.start(scratch_->url(), args), "");
  }
  void serve_with_mail() { serve({"--smtp-url", sink_.url(), "--mail-from", "noreply@cp.test"}); }

  HttpReply post(const std::string& path, const Json& body, const std::string& cookies = "") {
    std::map<std::string, std::string> headers;
    if (!cookies.empty()) headers["Cookie"] = cookies;
    return http_call(server_.port(), "POST", path, body.dump(), headers);
  }
  // The password step's login cookie ("cp_login=…").
  std::string start_sign_in() {
    const HttpReply reply = post("/api/v1/session/password",
                                 {{"user", "alice"}, {"password", "harbour lanterns at dusk"}});
    EXPECT_EQ(reply.status, 200) << reply.body;
    return "cp_login=" + testing::set_cookie_value(reply, "cp_login");
  }
  // The code in the n-th mail received.
  std::string code_in_mail(size_t n) {
    const auto mails = sink_.messages(n + 1);
    EXPECT_GT(mails.size(), n);
    if (mails.size() <= n) return "";
    std::smatch match;
    EXPECT_TRUE(std::regex_search(mails[n], match, std::regex("sign-in code is ([0-9]{6})\\.")));
    return match.size() > 1 ? match[1].str() : "";
  }

  testing::SmtpSink sink_;
  testing::ServerProcess server_;
};

TEST_P(EmailSignInTest, TheMailedCodeArrivesAndSignsInOnce) {
  serve_with_mail();
  const std::string login = start_sign_in();
  const HttpReply sent = post("/api/v1/session/email-code/send", Json::object(), login);
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(Json::parse(sent.body)["sent_to"], "a***@alpha.example");
  const auto mails = sink_.messages(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_THAT(mails[0], HasSubstr("To: alice@alpha.example"));
  EXPECT_THAT(mails[0], HasSubstr("From: noreply@cp.test"));
  EXPECT_THAT(mails[0], HasSubstr("Subject: Your connectpost sign-in code"));
  const std::string code = code_in_mail(0);
  const HttpReply wrong =
      post("/api/v1/session/email-code", {{"code", code == "000000" ? "000001" : "000000"}}, login);
  EXPECT_EQ(wrong.status, 401);  // counted; the attempt goes on
  const HttpReply in = post("/api/v1/session/email-code", {{"code", code}}, login);
  ASSERT_EQ(in.status, 200) << in.body;
  const std::string session = "cp_session=" + testing::set_cookie_value(in, "cp_session");
  EXPECT_EQ(http_call(server_.port(), "GET", "/api/v1/me", "", {{"Cookie", session}}).status, 200);
  // The attempt is spent: the same code cannot sign in again.
  EXPECT_EQ(post("/api/v1/session/email-code", {{"code", code}}, login).status, 401);
}

TEST_P(EmailSignInTest, AResendWaitsForTheCooldown) {
  serve_with_mail();
  const std::string login = start_sign_in();
  ASSERT_EQ(post("/api/v1/session/email-code/send", Json::object(), login).status, 200);
  const HttpReply again = post("/api/v1/session/email-code/send", Json::object(), login);
  EXPECT_EQ(again.status, 429);
  EXPECT_THAT(again.body, HasSubstr("wait 60 seconds"));
  EXPECT_EQ(sink_.messages(1).size(), 1u);
}

TEST_P(EmailSignInTest, AnExpiredCodeIsRefused) {
  // The shipped data with auth.email_code_minutes = 0: every code has expired when it arrives.
  const fs::path data = data_with({{"auth.email_code_minutes", "5", "0"}});
  serve({"--data-dir", data.string(), "--smtp-url", sink_.url()});
  const std::string login = start_sign_in();
  ASSERT_EQ(post("/api/v1/session/email-code/send", Json::object(), login).status, 200);
  const HttpReply late = post("/api/v1/session/email-code", {{"code", code_in_mail(0)}}, login);
  EXPECT_EQ(late.status, 401);
  EXPECT_THAT(late.body, HasSubstr("expired"));
}

TEST_P(EmailSignInTest, WithoutMailOrAnAppTheUserIsToldWhyTheyCannotSignIn) {
  serve({});  // no SMTP relay configured, and alice has no authenticator app
  const HttpReply refused = post("/api/v1/session/password",
                                 {{"user", "alice"}, {"password", "harbour lanterns at dusk"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_THAT(refused.body, HasSubstr("no second factor is registered"));
  EXPECT_EQ(testing::set_cookie_value(refused, "cp_login"), "");
}

TEST_P(EmailSignInTest, TheConnectivityCheckReportsTheRelayAndTheServerTime) {
  serve_with_mail();
  const HttpReply up = http_call(server_.port(), "GET", "/api/v1/connectivity");
  ASSERT_EQ(up.status, 200) << up.body;
  const Json body = Json::parse(up.body);
  EXPECT_EQ(body["mail"]["reachable"], true);
  EXPECT_EQ(body["database"], true);
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  EXPECT_LE(std::abs(body["unix_seconds"].get<int64_t>() - now), 5);
}

TEST_P(EmailSignInTest, TheConnectivityCheckFailsWhenTheRelayIsDown) {
  serve({"--smtp-url", "smtp://127.0.0.1:1"});  // nothing listens on port 1
  const HttpReply down = http_call(server_.port(), "GET", "/api/v1/connectivity");
  EXPECT_EQ(down.status, 503);
  EXPECT_EQ(Json::parse(down.body)["mail"]["reachable"], false);
}

TEST_P(EmailSignInTest, APendingAddressReceivesNoCodes) {
  // As an administrator's registration is until the operator approves it (AUTH-1).
  ASSERT_TRUE(
      db_->execute("UPDATE app_user SET email_status = 'pending' WHERE user_id = 'alice'").ok());
  serve_with_mail();
  const HttpReply refused = post("/api/v1/session/password",
                                 {{"user", "alice"}, {"password", "harbour lanterns at dusk"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_THAT(refused.body, HasSubstr("waiting for the operator's approval"));
  EXPECT_TRUE(sink_.messages().empty());
}

TEST_P(EmailSignInTest, NoAppEnrolledMeansNoTotpCodeIsAccepted) {
  // HMAC with an empty key is computable by anyone: a user with no app (alice signs in by email)
  // must not be let in by the code of the empty secret.
  serve_with_mail();
  const std::string login = start_sign_in();
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  const HttpReply forged =
      post("/api/v1/session/totp", {{"code", identity::totp_code("", now)}}, login);
  EXPECT_EQ(forged.status, 401);
  EXPECT_EQ(testing::set_cookie_value(forged, "cp_session"), "");
}

TEST_P(EmailSignInTest, SignInStepsTakeJsonOnly) {
  serve_with_mail();
  // A cross-site form can post text/plain without asking; it cannot post JSON.
  const HttpReply form = http_call(server_.port(), "POST", "/api/v1/session/password",
                                   R"({"user":"alice","password":"harbour lanterns at dusk"})",
                                   {{"Content-Type", "text/plain"}});
  EXPECT_EQ(form.status, 400);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(EmailSignInTest);

}  // namespace
}  // namespace cp
