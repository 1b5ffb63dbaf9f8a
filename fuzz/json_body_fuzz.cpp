// cp::server::parse_limited_json, stored_json and dump_for_answer (src/server/json_body.h),
// compiled into this target from src/server/json_body.cpp (fuzz/CMakeLists.txt).
//
// Properties:
//  - stored_json never throws; it is the parsed value when parse_limited_json succeeds and null
//    when it fails;
//  - a refusal is kInvalidInput on the field "body";
//  - on success dump_for_answer(parsed) is UTF-8, parses again with parse_limited_json to an
//    equal value, and dumping that gives the same text (the answer's text is canonical);
//  - any bytes stored as a JSON string (a text stored before its UTF-8 was checked) dump
//    without throwing to UTF-8 that parses back to a string, equal to the bytes when they were
//    UTF-8 (issue 14 finding 4).
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "fuzz_check.h"
#include "server/json_body.h"

namespace {

void fuzz_one(std::string_view text) {
  auto parsed = cp::server::parse_limited_json(text);
  const nlohmann::json stored = cp::server::stored_json(text);  // an exception here is a finding
  if (!parsed.ok()) {
    CP_FUZZ_CHECK(parsed.error().code == cp::ErrorCode::kInvalidInput,
                  "a refused body is invalid input");
    CP_FUZZ_CHECK(parsed.error().field == "body", "a refused body names the field 'body'");
    CP_FUZZ_CHECK(stored.is_null(), "stored_json of a refused text is null");
  } else {
    const nlohmann::json& value = *parsed;
    CP_FUZZ_CHECK(stored == value, "stored_json agrees with parse_limited_json");
    const std::string dumped = cp::server::dump_for_answer(value);
    CP_FUZZ_CHECK(cp::is_valid_utf8(dumped), "an answer is UTF-8");
    auto again = cp::server::parse_limited_json(dumped);
    CP_FUZZ_CHECK(again.ok(), "dump_for_answer(parsed) parses within the limits");
    CP_FUZZ_CHECK(*again == value, "dump_for_answer(parsed) parses to an equal value");
    CP_FUZZ_CHECK(cp::server::dump_for_answer(*again) == dumped, "the answer's text is stable");
  }

  // The bytes as a stored string that was never checked.
  const nlohmann::json raw = std::string(text);
  const std::string shown = cp::server::dump_for_answer(raw);
  CP_FUZZ_CHECK(cp::is_valid_utf8(shown), "a string with bad bytes is answered as UTF-8");
  auto shown_back = cp::server::parse_limited_json(shown);
  CP_FUZZ_CHECK(shown_back.ok() && shown_back->is_string(), "an answered string parses back");
  if (cp::is_valid_utf8(text)) {
    CP_FUZZ_CHECK(shown_back->get_ref<const std::string&>() == text,
                  "a UTF-8 string is answered unchanged");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz_one(cp::fuzz::as_text(data, size));
  return 0;
}
