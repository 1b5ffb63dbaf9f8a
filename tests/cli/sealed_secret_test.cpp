// Authenticator secrets sealed at rest (docs/identity.md) through the real command line and
// server, on SQLite and PostgreSQL: the database holds no readable seed, the key opens it for
// sign-in, and a server without the key (or with another) lets nobody in by app code.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/operator_test.h"
#include "support/server_process.h"
#include "support/sign_in.h"

namespace cp {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class SealedSecretTest : public testing::OperatorTest {
 protected:
  SealedSecretTest() : OperatorTest(/*with_alice=*/true) {}

  std::string new_key(const std::string& name) {
    const std::string path = (dir_ / name).string();
    cli("secret-key new " + path);
    return path;
  }
  // Enrols alice's app with the key; her raw secret.
  std::string enrol_with(const std::string& key) {
    const auto enrolled = run("--secret-key-file " + key + " user enrol-totp alice");
    EXPECT_EQ(enrolled.exit_code, 0) << enrolled.err;
    const size_t at = enrolled.out.find("secret=");
    if (at == std::string::npos) return "";
    return testing::base32_decode(enrolled.out.substr(at + 7, enrolled.out.find('&', at) - at - 7));
  }
  std::string stored() {
    auto rows = db_->query("SELECT totp_secret_hex FROM user_security WHERE user_id = 'alice'", {});
    return rows.ok() && !rows->rows.empty() ? rows->rows[0].text(0) : "";
  }

  testing::ServerProcess server_;
};

TEST_P(SealedSecretTest, TheDatabaseHoldsNoReadableSeedAndTheKeyOpensIt) {
  const std::string key = new_key("secret.key");
  const std::string secret = enrol_with(key);
  ASSERT_EQ(secret.size(), 20u);
  EXPECT_THAT(stored(), StartsWith("x1:"));
  // Neither the seed's bytes in hex nor its base32 form are in the row.
  std::string hex;
  for (unsigned char c : secret) {
    static const char* digits = "0123456789abcdef";
    hex += digits[c >> 4];
    hex += digits[c & 15];
  }
  EXPECT_EQ(stored().find(hex), std::string::npos);
  ASSERT_EQ(server_.start(scratch_->url(), {"--secret-key-file", key}), "");
  EXPECT_EQ(testing::sign_in(server_.port(), "alice", "harbour lanterns at dusk", secret).status,
            200);
}

TEST_P(SealedSecretTest, WithoutTheKeyOrWithAnotherNobodySignsInByAppCode) {
  const std::string key = new_key("secret.key");
  const std::string other = new_key("other.key");
  const std::string secret = enrol_with(key);
  ASSERT_EQ(server_.start(scratch_->url(), {"--secret-key-file", other}), "");
  EXPECT_NE(testing::sign_in(server_.port(), "alice", "harbour lanterns at dusk", secret).status,
            200);
  server_.stop();
  ASSERT_EQ(server_.start(scratch_->url()), "");
  EXPECT_NE(testing::sign_in(server_.port(), "alice", "harbour lanterns at dusk", secret, 1).status,
            200);
}

TEST_P(SealedSecretTest, AKeyFileIsNeverOverwritten) {
  const std::string key = new_key("secret.key");
  const auto again = run("secret-key new " + key);
  EXPECT_NE(again.exit_code, 0);
  EXPECT_THAT(again.err, HasSubstr("never overwritten"));
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(SealedSecretTest);

}  // namespace
}  // namespace cp
