// cp::server::parse_target (src/server/http_message.h) on the bytes as a request target,
// compiled into this target from src/server/http_message.cpp (fuzz/CMakeLists.txt).
//
// Properties, from http_message.h ("Every path parameter and query value a handler sees is
// therefore text it may store"):
//  - on success the path is UTF-8 with no control character at all;
//  - every query name is non-empty UTF-8 with no control character; every query value is UTF-8
//    with no control character other than tab, CR and LF (the header allows those in a value);
//  - without a '?' there is no query; without '%' the path is the target's as written;
//  - the decoded path and query, percent-encoded again, parse back to the same path and query.
//
// The cookie parsing of src/server/auth_routes.cpp is not reachable without cp_server (it is in
// an unnamed namespace there) and is not fuzzed.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "fuzz_check.h"
#include "server/http_message.h"

namespace {

bool unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// Percent-encodes every byte but the unreserved ones (and '/' when `keep_slash`).
std::string encode(std::string_view text, bool keep_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c) || (keep_slash && c == '/')) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0F]);
    }
  }
  return out;
}

void fuzz_one(std::string_view target) {
  std::string path;
  std::map<std::string, std::string> query;
  if (!cp::server::parse_target(target, path, query)) return;

  CP_FUZZ_CHECK(cp::is_valid_utf8(path), "a path is UTF-8");
  CP_FUZZ_CHECK(!cp::has_control_characters(path, false), "a path has no control character");
  for (const auto& [name, value] : query) {
    CP_FUZZ_CHECK(!name.empty(), "a query name is not empty");
    CP_FUZZ_CHECK(cp::is_valid_utf8(name), "a query name is UTF-8");
    CP_FUZZ_CHECK(!cp::has_control_characters(name, false),
                  "a query name has no control character");
    CP_FUZZ_CHECK(cp::is_valid_utf8(value), "a query value is UTF-8");
    CP_FUZZ_CHECK(!cp::has_control_characters(value, true),
                  "a query value has no control character but tab and line breaks");
  }
  const size_t question = target.find('?');
  if (question == std::string_view::npos) {
    CP_FUZZ_CHECK(query.empty(), "no '?', no query");
  }
  const std::string_view raw_path = target.substr(0, question);
  if (raw_path.find('%') == std::string_view::npos) {
    CP_FUZZ_CHECK(path == raw_path, "a path without '%' is taken as written");
  }

  // Encode again and parse back.
  std::string encoded = encode(path, true);
  if (!query.empty()) {
    encoded.push_back('?');
    bool first = true;
    for (const auto& [name, value] : query) {
      if (!first) encoded.push_back('&');
      first = false;
      encoded += encode(name, false);
      encoded.push_back('=');
      encoded += encode(value, false);
    }
  }
  std::string path_back;
  std::map<std::string, std::string> query_back;
  CP_FUZZ_CHECK(cp::server::parse_target(encoded, path_back, query_back),
                "a decoded target, encoded again, parses");
  CP_FUZZ_CHECK(path_back == path, "the path round-trips");
  CP_FUZZ_CHECK(query_back == query, "the query round-trips");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz_one(cp::fuzz::as_text(data, size));
  return 0;
}
