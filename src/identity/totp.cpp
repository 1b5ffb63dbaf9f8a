#include "identity/totp.h"

#include <liboath/oath.h>
#include <sodium.h>

#include <cctype>

#include "core/assert.h"

namespace cp::identity {
namespace {

void init_libraries() {
  static const bool ready = oath_init() == OATH_OK && sodium_init() >= 0;
  CP_ASSERT(ready, "liboath or libsodium failed to initialise");
}

std::string percent_encode(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string new_totp_secret() {
  init_libraries();
  std::string secret(20, '\0');
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::string totp_code(const std::string& secret, int64_t unix_seconds) {
  init_libraries();
  char code[kTotpDigits + 1] = {};
  CP_ASSERT(oath_totp_generate(secret.data(), secret.size(), static_cast<time_t>(unix_seconds),
                               kTotpStepSeconds, 0, kTotpDigits, code) == OATH_OK,
            "TOTP generation failed");
  return code;
}

std::optional<uint64_t> totp_verify(const std::string& secret, std::string_view code,
                                    int64_t unix_seconds, uint64_t last_used_step) {
  init_libraries();
  // An empty or short key would make every code computable by anyone (HMAC accepts any key).
  if (secret.size() < 16 || code.size() != kTotpDigits) return std::nullopt;
  for (char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const std::string otp(code);
  int position = 0;
  uint64_t step = 0;
  const int rc =
      oath_totp_validate3(secret.data(), secret.size(), static_cast<time_t>(unix_seconds),
                          kTotpStepSeconds, 0, 1, &position, &step, otp.c_str());
  if (rc < 0 || step <= last_used_step) return std::nullopt;
  return step;
}

std::string base32(const std::string& bytes) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
  return out;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        const std::string& secret) {
  return "otpauth://totp/" + percent_encode(issuer) + ":" + percent_encode(account) +
         "?secret=" + base32(secret) + "&issuer=" + percent_encode(issuer) +
         "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace cp::identity
