#include "identity/password.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace cp::identity {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

PasswordPolicy shipped_policy() {
  PasswordPolicy policy;
  policy.common = *load_common_passwords(std::string(CONNECTPOST_SOURCE_DIR) +
                                         "/data/identity/common_passwords.txt");
  return policy;
}

std::string refusal(std::string_view password, std::string_view login = "bob.chan") {
  auto checked = check_password(shipped_policy(), password, login);
  return checked.ok() ? "" : checked.error().message;
}

TEST(PasswordPolicy, AcceptsALongUncommonPassphrase) {
  EXPECT_EQ(refusal("harbour lanterns at dusk"), "");
}

TEST(PasswordPolicy, CountsCharactersNotBytes) {
  // 10 CJK characters are 30 bytes but 10 characters: too short.
  EXPECT_THAT(refusal("港股通结算周期两天半"), HasSubstr("shorter than 12 characters"));
  EXPECT_EQ(refusal("港股通结算周期两天半交收"), "");  // 12 characters
}

TEST(PasswordPolicy, RefusesShortLongCommonAndLoginDerivedPasswords) {
  EXPECT_THAT(refusal("short pass"), HasSubstr("shorter than 12 characters"));
  EXPECT_THAT(refusal(std::string(129, 'x') + "Q"), HasSubstr("longer than 128 characters"));
  EXPECT_THAT(refusal("Password1234"), HasSubstr("list of breached passwords"));
  EXPECT_THAT(refusal("my-BOB.CHAN-secret"), HasSubstr("contains the login name"));
}

TEST(PasswordPolicy, NeverEchoesThePassword) {
  EXPECT_THAT(refusal("Password1234"), Not(HasSubstr("Password1234")));
  EXPECT_THAT(refusal("tiny"), Not(HasSubstr("tiny")));
}

TEST(PasswordHash, IsArgon2idAndVerifiesOnlyTheSamePassword) {
  auto hash = hash_password("harbour lanterns at dusk");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_THAT(*hash, Not(HasSubstr("harbour")));
  EXPECT_TRUE(verify_password(*hash, "harbour lanterns at dusk"));
  EXPECT_FALSE(verify_password(*hash, "harbour lanterns at dawn"));
  EXPECT_FALSE(verify_password("not a hash", "harbour lanterns at dusk"));
  // A salt per hash: the same password hashes differently twice.
  EXPECT_NE(*hash, *hash_password("harbour lanterns at dusk"));
}

}  // namespace
}  // namespace cp::identity
