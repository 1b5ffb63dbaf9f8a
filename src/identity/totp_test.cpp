#include "identity/totp.h"

#include <gtest/gtest.h>

namespace cp::identity {
namespace {

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII "12345678901234567890"; its 8-digit codes
// are 94287082 at T = 59 s, 07081804 at 1111111109 s and 89005924 at 1234567890 s. A 6-digit
// code is the same truncation modulo 10^6: the last six digits.
const std::string kRfcSecret = "12345678901234567890";

TEST(Totp, MatchesTheRfc6238TestVectors) {
  EXPECT_EQ(totp_code(kRfcSecret, 59), "287082");
  EXPECT_EQ(totp_code(kRfcSecret, 1111111109), "081804");
  EXPECT_EQ(totp_code(kRfcSecret, 1234567890), "005924");
}

TEST(Totp, AcceptsTheCodeOfTheStepBeforeOrAfterForClockDrift) {
  // 1234567890 s is in step 41152263 (÷ 30); 30 s either side are its neighbours.
  const auto now = totp_verify(kRfcSecret, "005924", 1234567890, 0);
  ASSERT_TRUE(now.has_value());
  EXPECT_EQ(*now, 41152263u);
  EXPECT_EQ(totp_verify(kRfcSecret, "005924", 1234567890 + 30, 0), 41152263u);
  EXPECT_EQ(totp_verify(kRfcSecret, "005924", 1234567890 - 30, 0), 41152263u);
  EXPECT_FALSE(totp_verify(kRfcSecret, "005924", 1234567890 + 90, 0).has_value());
}

TEST(Totp, RefusesAReplayedCodeAndAnyOlderOne) {
  EXPECT_FALSE(totp_verify(kRfcSecret, "005924", 1234567890, 41152263).has_value());
  EXPECT_FALSE(totp_verify(kRfcSecret, "005924", 1234567890, 41152264).has_value());
  EXPECT_TRUE(totp_verify(kRfcSecret, "005924", 1234567890, 41152262).has_value());
}

TEST(Totp, NoSecretNoCode) {
  // HMAC-SHA1 with an empty key is computable by anyone: an account with no app enrolled must
  // accept no code at all, not the code of the empty key.
  EXPECT_FALSE(totp_verify("", totp_code("", 1234567890), 1234567890, 0).has_value());
  EXPECT_FALSE(totp_verify("short", totp_code("short", 1234567890), 1234567890, 0).has_value());
}

TEST(Totp, RefusesMalformedCodes) {
  EXPECT_FALSE(totp_verify(kRfcSecret, "", 1234567890, 0).has_value());
  EXPECT_FALSE(totp_verify(kRfcSecret, "05924", 1234567890, 0).has_value());
  EXPECT_FALSE(totp_verify(kRfcSecret, "0059245", 1234567890, 0).has_value());
  EXPECT_FALSE(totp_verify(kRfcSecret, "00592a", 1234567890, 0).has_value());
  EXPECT_FALSE(totp_verify(kRfcSecret, "123456", 1234567890, 0).has_value());
}

TEST(Totp, EncodesTheSecretForAuthenticatorApps) {
  // RFC 4648 §10: BASE32("foobar") = "MZXW6YTBOI======"; apps take it without padding.
  EXPECT_EQ(base32("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(base32("f"), "MY");
  EXPECT_EQ(otpauth_uri("connectpost", "alice@B001", "foobar"),
            "otpauth://totp/connectpost:alice%40B001?secret=MZXW6YTBOI&issuer=connectpost"
            "&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(new_totp_secret().size(), 20u);
  EXPECT_NE(new_totp_secret(), new_totp_secret());
}

}  // namespace
}  // namespace cp::identity
