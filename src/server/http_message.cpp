#include "server/http_message.h"

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace cp::server {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decodes; '+' is a space in a query (form encoding) but not in a path.
bool decode(std::string_view text, bool plus_is_space, std::string& out) {
  out.clear();
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return false;  // a '%' needs two hex digits after it
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return false;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else {
      out.push_back(plus_is_space && c == '+' ? ' ' : c);
    }
  }
  return true;
}

}  // namespace

std::string HttpRequest::header(std::string_view name) const {
  const auto found = headers.find(std::string(name));
  return found == headers.end() ? std::string() : found->second;
}

HttpResponse error_response(int status, std::string_view code, std::string_view message) {
  HttpResponse response;
  response.status = status;
  // A message may quote what the user sent: never let a bad byte in it fail the answer.
  response.body = nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

bool parse_target(std::string_view target, std::string& path,
                  std::map<std::string, std::string>& query) {
  const size_t question = target.find('?');
  if (!decode(target.substr(0, question), false, path)) return false;
  if (!is_valid_utf8(path) || has_control_characters(path, false)) return false;
  if (question == std::string_view::npos) return true;
  std::string_view rest = target.substr(question + 1);
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    const size_t eq = pair.find('=');
    std::string key;
    std::string value;
    if (!decode(pair.substr(0, eq), true, key)) return false;
    if (eq != std::string_view::npos && !decode(pair.substr(eq + 1), true, value)) return false;
    if (!is_valid_utf8(key) || has_control_characters(key, false) || !is_valid_utf8(value) ||
        has_control_characters(value, true)) {
      return false;
    }
    if (!key.empty()) query[key] = value;
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  return true;
}

}  // namespace cp::server
