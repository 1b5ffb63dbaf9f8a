// RFC 3629 §4's table, byte by byte: each case is a sequence the RFC allows or forbids.
#include "core/utf8.h"

#include <gtest/gtest.h>

namespace cp {
namespace {

TEST(Utf8, WellFormedSequencesOfEachLength) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ASCII"));
  EXPECT_TRUE(is_valid_utf8("\xC3\xA9"));          // é U+00E9, two bytes
  EXPECT_TRUE(is_valid_utf8("\xE9\xA8\xB0"));      // 騰 U+9A30, three bytes
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600, four bytes
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
  EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBD"));      // U+FFFD itself
}

TEST(Utf8, IllFormedSequencesAreRefused) {
  EXPECT_FALSE(is_valid_utf8("\xFF\xFE"));                // the finding: notes=%ff%fe
  EXPECT_FALSE(is_valid_utf8("\x80"));                    // a continuation byte alone
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));                // '/' as an overlong two-byte form
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));            // '/' as an overlong three-byte form
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));            // U+D800, a surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));        // U+110000, past the last code point
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));        // F5 starts nothing
  EXPECT_FALSE(is_valid_utf8("\xE9\xA8"));                // 騰 cut after two of its three bytes
  EXPECT_FALSE(is_valid_utf8(std::string("ok\xC3", 3)));  // cut at the end of the text
}

TEST(Utf8, ReplacementGivesOneMarkPerIllFormedRun) {
  EXPECT_EQ(utf8_with_replacements("a\xFF\xFE"
                                   "b"),
            "a\xEF\xBF\xBD\xEF\xBF\xBD"
            "b");
  // 騰 cut short: its two bytes make one mark, and the text goes on.
  EXPECT_EQ(utf8_with_replacements("\xE9\xA8x"), "\xEF\xBF\xBDx");
  EXPECT_EQ(utf8_with_replacements("\xC3\xA9"), "\xC3\xA9");
  EXPECT_TRUE(is_valid_utf8(utf8_with_replacements("\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80")));
}

TEST(Utf8, ControlCharacters) {
  EXPECT_TRUE(has_control_characters(std::string("a\0b", 3), true));  // NUL
  EXPECT_TRUE(has_control_characters("name\r\nBcc: x", false));       // a header injection
  EXPECT_FALSE(has_control_characters("line one\r\nline two\ttab", true));
  EXPECT_TRUE(has_control_characters("del\x7F", true));
  EXPECT_FALSE(has_control_characters("\xE9\xA8\xB0\xE8\xA8\x8A", false));  // 騰訊: bytes >= 0x80
}

TEST(Utf8, BlankText) {
  EXPECT_TRUE(is_blank(""));
  EXPECT_TRUE(is_blank(" \t\r\n"));
  EXPECT_FALSE(is_blank("  no "));
}

}  // namespace
}  // namespace cp

namespace cp {
namespace {

TEST(Utf8, TheFirstInvalidByteIsFoundPastLongAsciiRuns) {
  EXPECT_EQ(first_invalid_utf8("plain ascii text, longer than eight"), std::string_view::npos);
  EXPECT_EQ(first_invalid_utf8("0123456789\xC3\xA9"), std::string_view::npos);  // é
  EXPECT_EQ(first_invalid_utf8("0123456789abcdef\xD5\xC5"), 16u);  // GBK 张 after 16 ASCII
  EXPECT_EQ(first_invalid_utf8("\x80"), 0u);
  EXPECT_EQ(first_invalid_utf8("abc\xE4\xB8"), 3u);  // truncated 中
}

}  // namespace
}  // namespace cp
