// The SMS gateway's file sink and the mobile numbers it accepts (issue 17).
#include "mail/sms.h"

#include <gtest/gtest.h>

#include <sstream>

namespace cp::mail {
namespace {

TEST(Sms, MobileNumbersAreE164) {
  EXPECT_TRUE(is_mobile_number("+8613800138000"));      // a mainland mobile: 86 + 11 digits
  EXPECT_TRUE(is_mobile_number("+85291234567"));        // Hong Kong: 852 + 8 digits
  EXPECT_FALSE(is_mobile_number("8613800138000"));      // no "+"
  EXPECT_FALSE(is_mobile_number("+0613800138000"));     // no country code starts with 0
  EXPECT_FALSE(is_mobile_number("+1234567"));           // 7 digits: too short
  EXPECT_FALSE(is_mobile_number("+1234567890123456"));  // 16 digits: beyond E.164
  EXPECT_FALSE(is_mobile_number("+86 138 0013 8000"));  // spaces
  EXPECT_FALSE(is_mobile_number(""));
}

TEST(Sms, TheFileSinkWritesOneJsonLineAMessage) {
  auto stream = std::make_unique<std::ostringstream>();
  std::ostringstream& written = *stream;
  FileSmsSink sink(std::move(stream));
  ASSERT_TRUE(sink.send({"+85291234567", "S-1: elect by 2026-12-14T16:00"}).ok());
  // A line break in the text stays inside its line, escaped.
  ASSERT_TRUE(sink.send({"+8613800138000", "one\ntwo"}).ok());
  EXPECT_EQ(written.str(),
            "{\"text\":\"S-1: elect by 2026-12-14T16:00\",\"to\":\"+85291234567\"}\n"
            "{\"text\":\"one\\ntwo\",\"to\":\"+8613800138000\"}\n");
}

TEST(Sms, TheFileSinkRefusesABadNumberOrNoTextAndWritesNothing) {
  auto stream = std::make_unique<std::ostringstream>();
  std::ostringstream& written = *stream;
  FileSmsSink sink(std::move(stream));
  auto bad_number = sink.send({"13800138000", "text"});
  ASSERT_FALSE(bad_number.ok());
  EXPECT_EQ(bad_number.error().field, "to");
  auto no_text = sink.send({"+85291234567", ""});
  ASSERT_FALSE(no_text.ok());
  EXPECT_EQ(no_text.error().field, "text");
  EXPECT_EQ(written.str(), "");
}

}  // namespace
}  // namespace cp::mail
