// A JSON body within limits (core/input_limits.h): the cases issue 14 found, and the edges.
#include "server/json_body.h"

#include <gtest/gtest.h>

#include "core/input_limits.h"

namespace cp::server {
namespace {

std::string nested(size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

TEST(JsonBody, NestingUpToTheLimitIsAcceptedAndOneMoreIsNot) {
  EXPECT_TRUE(parse_limited_json(nested(limits::kJsonDepthMax)).ok());
  const auto deeper = parse_limited_json(nested(limits::kJsonDepthMax + 1));
  ASSERT_FALSE(deeper.ok());
  EXPECT_EQ(deeper.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(deeper.error().message.find("nested"), std::string::npos);
}

TEST(JsonBody, TheFindingsHundredThousandLevelsAreRefusedWithoutRecursion) {
  // Issue 14 finding 1: {"data": [[[[…]]]]} 100,000 levels deep crashed the server.
  const std::string body = R"({"service":"bank-accounts","data":)" + nested(100'000) + "}";
  EXPECT_FALSE(parse_limited_json(body).ok());
  // Unclosed, as a slow attacker would send it: refused as soon as the depth is passed.
  EXPECT_FALSE(parse_limited_json(std::string(200'000, '{')).ok());
}

TEST(JsonBody, BracketsInsideStringsAreText) {
  const std::string text = R"({"note":")" + std::string(100, '[') + R"(\"]"})";
  const auto parsed = parse_limited_json(text);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ((*parsed)["note"].get<std::string>(), std::string(100, '[') + "\"]");
}

TEST(JsonBody, TooManyValuesAreRefused) {
  std::string many = "[";
  for (size_t i = 0; i < limits::kJsonValuesMax; ++i) many += "0,";
  many += "0]";
  EXPECT_FALSE(parse_limited_json(many).ok());
  EXPECT_TRUE(parse_limited_json("[0,1,2]").ok());
}

TEST(JsonBody, NotJsonOrNotUtf8IsRefused) {
  EXPECT_FALSE(parse_limited_json("{").ok());
  EXPECT_FALSE(parse_limited_json("{\"a\": 1} trailing").ok());
  EXPECT_FALSE(parse_limited_json("{\"a\": \"\xFF\xFE\"}").ok());  // RFC 8259 §8.1
}

TEST(JsonBody, StoredJsonBeyondTheLimitsReadsAsNull) {
  EXPECT_TRUE(stored_json(nested(40'000)).is_null());  // a draft saved before the limits
  EXPECT_EQ(stored_json(R"({"a":1})")["a"], 1);
}

TEST(JsonBody, AnAnswerShowsABadStoredByteAsAReplacementMark) {
  const nlohmann::json value = {{"notes", std::string("ok\xFF")}};
  EXPECT_EQ(dump_for_answer(value), "{\"notes\":\"ok\xEF\xBF\xBD\"}");
}

}  // namespace
}  // namespace cp::server
