// The list writer's strings, escaped as RFC 8259 §7 requires whichever way RapidJSON copies the
// plain runs between escapes (16 bytes at a time with SSE2): quotes, backslashes and control
// characters before, across and after a 16-byte boundary; UTF-8 passed through as it is.
#include "server/request_summary_json.h"

#include <gtest/gtest.h>

namespace cp::server {
namespace {

std::string field(std::string_view value) {
  rapidjson::StringBuffer buffer;
  JsonWriter out(buffer);
  out.StartObject();
  write_field(out, "k", value);
  out.EndObject();
  return buffer.GetString();
}

TEST(RequestSummaryJson, EscapesWhatJsonRequiresAndNothingElse) {
  EXPECT_EQ(field("plain"), R"({"k":"plain"})");
  EXPECT_EQ(field("say \"hi\""), R"({"k":"say \"hi\""})");
  EXPECT_EQ(field("C:\\dir"), R"({"k":"C:\\dir"})");
  EXPECT_EQ(field("a\nb\tc"), R"({"k":"a\nb\tc"})");
  EXPECT_EQ(field(std::string("x\x01y", 3)), R"({"k":"x\u0001y"})");
  EXPECT_EQ(field("騰訊控股 / 腾讯控股"), R"({"k":"騰訊控股 / 腾讯控股"})");
}

TEST(RequestSummaryJson, EscapesAtEveryPlaceAroundASixteenByteRun) {
  // A quote at each of positions 0..40 of a 41-byte ASCII text: the escape lands before,
  // on and after each 16-byte block the writer scans at once.
  for (size_t at = 0; at <= 40; ++at) {
    std::string value(41, 'a');
    value[at] = '"';
    std::string expected =
        R"({"k":")" + std::string(at, 'a') + "\\\"" + std::string(40 - at, 'a') + R"("})";
    EXPECT_EQ(field(value), expected) << "quote at " << at;
  }
}

}  // namespace
}  // namespace cp::server
