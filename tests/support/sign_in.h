// Signing a user in over HTTP for the server tests: enrol an authenticator app with the
// operator's command line, then the password and a TOTP code (identity/totp.h).
#pragma once

#include <cstdint>
#include <string>

#include "support/operator_test.h"

namespace cp::testing {

// The raw secret of a base32 key (RFC 4648; spaces, as in a key shown for typing, skipped).
std::string base32_decode(const std::string& text);

// Enrols `login`'s authenticator app (`user enrol-totp`); returns the raw secret ("" on error).
std::string enrol_totp(OperatorTest& test, const std::string& login);

// The current TOTP code, or the one `offset` steps of 30 s away (−1, 0, +1 are accepted now).
std::string totp_now(const std::string& secret, int offset = 0);

struct SignedIn {
  int status = 0;      // of the second step; 200 when signed in
  std::string cookie;  // "cp_session=…"
  std::string csrf;
  std::string code;  // the code used
};
SignedIn sign_in(uint16_t port, const std::string& login, const std::string& password,
                 const std::string& secret, int offset = 0);

}  // namespace cp::testing
