#include "support/sign_in.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "identity/totp.h"
#include "support/http_client.h"

namespace cp::testing {
// RFC 4648 base32, as in the otpauth URI and the key shown for typing (spaces skipped).
std::string base32_decode(const std::string& text) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == ' ') continue;
    buffer = (buffer << 5) | static_cast<uint32_t>(alphabet.find(c));
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

std::string enrol_totp(OperatorTest& test, const std::string& login) {
  const CliOutcome enrolled = test.run("user enrol-totp " + login);
  if (enrolled.exit_code != 0) return "";
  const size_t at = enrolled.out.find("secret=");
  if (at == std::string::npos) return "";
  return base32_decode(enrolled.out.substr(at + 7, enrolled.out.find('&', at) - at - 7));
}

std::string totp_now(const std::string& secret, int offset) {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return identity::totp_code(
      secret, std::chrono::duration_cast<std::chrono::seconds>(now).count() + offset * 30);
}

SignedIn sign_in(uint16_t port, const std::string& login, const std::string& password,
                 const std::string& secret, int offset) {
  using Json = nlohmann::json;
  SignedIn out;
  const HttpReply first = http_call(port, "POST", "/api/v1/session/password",
                                    Json{{"user", login}, {"password", password}}.dump());
  if (first.status != 200) {
    out.status = first.status;
    return out;
  }
  out.code = totp_now(secret, offset);
  const HttpReply second =
      http_call(port, "POST", "/api/v1/session/totp", Json{{"code", out.code}}.dump(),
                {{"Cookie", "cp_login=" + set_cookie_value(first, "cp_login")}});
  out.status = second.status;
  out.cookie = "cp_session=" + set_cookie_value(second, "cp_session");
  out.csrf = Json::parse(second.body, nullptr, false).value("csrf_token", "");
  return out;
}

}  // namespace cp::testing
