// The authenticator-app second factor (SPEC PORTAL-2, AUTH-1): TOTP per RFC 6238 with what
// authenticator apps use — HMAC-SHA1, 30-second steps, 6 digits — through liboath, a window of
// one step either side for clock drift, and the matched step returned so that a code once
// accepted is refused ever after (no replay: the caller stores the last step used).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cp::identity {

constexpr unsigned kTotpStepSeconds = 30;
constexpr unsigned kTotpDigits = 6;

// 20 random bytes (160 bits, RFC 4226 §4's recommendation), from libsodium.
std::string new_totp_secret();

// The code for `unix_seconds` (tests, and the enrolment page's check).
std::string totp_code(const std::string& secret, int64_t unix_seconds);

// The time step `code` matches within one step of `unix_seconds`, if it is later than
// `last_used_step` (0 = none used yet); nullopt otherwise: wrong, too old, replayed, or a secret
// shorter than 16 bytes (none enrolled).
std::optional<uint64_t> totp_verify(const std::string& secret, std::string_view code,
                                    int64_t unix_seconds, uint64_t last_used_step);

// Base32 (RFC 4648, no padding) as authenticator apps read it.
std::string base32(const std::string& bytes);

// otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30 (the Key
// URI Format of Google Authenticator), percent-encoding the labels.
std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        const std::string& secret);

}  // namespace cp::identity
