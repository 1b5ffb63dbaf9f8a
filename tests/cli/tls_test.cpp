// `connectpost serve --tls-cert --tls-key` on loopback, on SQLite and PostgreSQL: HTTPS answers
// (curl, verifying against the test's own self-signed certificate), plain HTTP on the same port
// gets nothing, and the sign-in cookies are marked Secure.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "support/http_client.h"
#include "support/operator_test.h"
#include "support/server_process.h"
#include "support/sign_in.h"

namespace cp {
namespace {

using ::testing::HasSubstr;

class TlsTest : public testing::OperatorTest {
 protected:
  TlsTest() : OperatorTest(/*with_alice=*/true) {}

  void SetUp() override {
    OperatorTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_FALSE(testing::enrol_totp(*this, "alice").empty());
    cert_ = (dir_ / "cert.pem").string();
    key_ = (dir_ / "key.pem").string();
    const std::string make_cert =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "
        "/CN=localhost -addext subjectAltName=IP:127.0.0.1 -keyout '" +
        key_ + "' -out '" + cert_ + "' 2>/dev/null";
    ASSERT_EQ(std::system(make_cert.c_str()), 0);
    ASSERT_EQ(server_.start(scratch_->url(), {}, {"--tls-cert", cert_, "--tls-key", key_}), "");
  }

  // curl over HTTPS, trusting only the test's certificate: the response with its headers.
  std::string https(const std::string& path, const std::string& extra = "") {
    const std::string out = (dir_ / "curl.out").string();
    const std::string command = "curl -s -i --cacert '" + cert_ + "' " + extra +
                                " 'https://127.0.0.1:" + std::to_string(server_.port()) + path +
                                "' > '" + out + "'";
    if (std::system(command.c_str()) != 0) return "";
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  std::string cert_;
  std::string key_;
  testing::ServerProcess server_;
};

TEST_P(TlsTest, ServesHttpsOnlyWithSecureCookies) {
  EXPECT_THAT(https("/healthz"), HasSubstr(R"({"status":"ok"})"));
  // Plain HTTP to the TLS port: the handshake fails and nothing is answered.
  EXPECT_EQ(testing::http_call(server_.port(), "GET", "/healthz").status, 0);
  const std::string signed_in = https(
      "/api/v1/session/password",
      R"(-H 'Content-Type: application/json' -d '{"user":"alice","password":"harbour lanterns at dusk"}')");
  EXPECT_THAT(signed_in, HasSubstr("HTTP/1.1 200"));
  EXPECT_THAT(signed_in, HasSubstr("HttpOnly; SameSite=Strict"));
  EXPECT_THAT(signed_in, HasSubstr("; Secure"));
  EXPECT_EQ(server_.stop(), 0);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(TlsTest);

}  // namespace
}  // namespace cp
