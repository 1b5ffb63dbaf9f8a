// The digest an EOD run prints and stores over its canonical result text, so that a rerun can be
// shown to give the same bytes. FNV-1a 64: a fingerprint for sameness, not a security hash (the
// audit trail's hash chain, issue 5, needs a cryptographic one).
#pragma once

#include <string>

namespace cp::clearing {

// The FNV-1a 64-bit hash of the text, as 16 lowercase hex digits.
std::string digest_hex(const std::string& text);

}  // namespace cp::clearing
