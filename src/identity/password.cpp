#include "identity/password.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <fstream>

namespace cp::identity {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

size_t code_points(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
  }));
}

}  // namespace

Result<std::set<std::string>> load_common_passwords(const std::string& path) {
  std::ifstream in(path);
  if (!in) return invalid_input("cannot read " + path, "common_passwords");
  std::set<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') out.insert(lower(line));
  }
  return out;
}

Result<void> check_password(const PasswordPolicy& policy, std::string_view password,
                            std::string_view login) {
  const size_t length = code_points(password);
  if (length < policy.min_length) {
    return rule_violation(
        "the password is shorter than " + std::to_string(policy.min_length) + " characters",
        "password");
  }
  if (length > policy.max_length) {
    return rule_violation(
        "the password is longer than " + std::to_string(policy.max_length) + " characters",
        "password");
  }
  const std::string folded = lower(password);
  if (policy.common.count(folded)) {
    return rule_violation("the password is on the list of breached passwords", "password");
  }
  if (!login.empty() && folded.find(lower(login)) != std::string::npos) {
    return rule_violation("the password contains the login name", "password");
  }
  return Ok{};
}

Result<std::string> hash_password(std::string_view password) {
  if (sodium_init() < 0) return make_error(ErrorCode::kInternal, "libsodium failed to initialise");
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return make_error(ErrorCode::kInternal, "out of memory hashing a password");
  }
  return std::string(hash);
}

bool verify_password(const std::string& hash, std::string_view password) {
  if (sodium_init() < 0) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace cp::identity
