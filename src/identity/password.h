// Passwords (issue 5, SPEC ORG-3): a length and breach-style policy, and Argon2id hashes through
// libsodium. A password or a hash is never logged, printed or put in an error message.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "core/result.h"

namespace cp::identity {

struct PasswordPolicy {
  size_t min_length = 12;   // characters (UTF-8 code points); NIST SP 800-63B asks for at least 8
  size_t max_length = 128;  // long passphrases welcome, unbounded input not
  std::set<std::string> common;  // known-breached passwords, lower case (data/identity)
};

// Reads one password per line (lower-cased) from the bundled list.
Result<std::set<std::string>> load_common_passwords(const std::string& path);

// Refuses a password that is too short or long, on the common list (compared in lower case), or
// contains the login name. The message says which rule, never the password.
Result<void> check_password(const PasswordPolicy& policy, std::string_view password,
                            std::string_view login);

// An Argon2id hash in the PHC string format (libsodium crypto_pwhash_str, the "interactive"
// cost: 2 passes over 64 MiB; about 65 ms on this machine, docs/performance.md).
Result<std::string> hash_password(std::string_view password);

// Whether `password` matches `hash`, in constant time with respect to the password.
bool verify_password(const std::string& hash, std::string_view password);

}  // namespace cp::identity
