#include "mail/mailer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace cp::mail {
namespace {

using ::testing::HasSubstr;

TEST(Rfc5322, FormatsHeadersAndCrlfLines) {
  auto text =
      rfc5322("ops@connectpost.example", {"alice@alpha.example", "Your code", "123456\nbye"},
              "Sun, 22 Nov 2026 05:00:00 +0000", "<1.1@connectpost>");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text,
            "Date: Sun, 22 Nov 2026 05:00:00 +0000\r\nFrom: ops@connectpost.example\r\n"
            "To: alice@alpha.example\r\nMessage-ID: <1.1@connectpost>\r\nSubject: Your code\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 8bit\r\n\r\n123456\r\nbye\r\n");
}

TEST(Rfc5322, RefusesHeaderInjectionAndNonAddresses) {
  auto injected =
      rfc5322("ops@x", {"alice@alpha.example\r\nBcc: eve@evil.example", "s", "t"}, "d", "<i>");
  ASSERT_FALSE(injected.ok());
  EXPECT_THAT(injected.error().message, HasSubstr("line break"));
  EXPECT_FALSE(rfc5322("ops@x", {"alice", "s", "t"}, "d", "<i>").ok());
  EXPECT_FALSE(rfc5322("ops@x", {"a@b", "subject\nBcc: x@y", "t"}, "d", "<i>").ok());
}

}  // namespace
}  // namespace cp::mail
