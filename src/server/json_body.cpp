#include "server/json_body.h"

#include <string>

#include "core/input_limits.h"

namespace cp::server {

Result<nlohmann::json> parse_limited_json(std::string_view text) {
  size_t depth = 0;
  size_t values = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '[':
      case '{':
        if (++depth > limits::kJsonDepthMax) {
          return invalid_input("the JSON is nested more than " +
                                   std::to_string(limits::kJsonDepthMax) + " levels deep",
                               "body");
        }
        ++values;
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;  // an unbalanced close is the parser's to refuse
        break;
      case ',':
        ++values;
        break;
      default:
        break;
    }
    if (values > limits::kJsonValuesMax) {
      return invalid_input(
          "the JSON has more than " + std::to_string(limits::kJsonValuesMax) + " values", "body");
    }
  }
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return invalid_input("the body is not JSON in UTF-8 (RFC 8259)", "body");
  }
  return parsed;
}

nlohmann::json stored_json(std::string_view text) {
  auto parsed = parse_limited_json(text);
  return parsed.ok() ? *std::move(parsed) : nlohmann::json();
}

std::string dump_for_answer(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace cp::server
