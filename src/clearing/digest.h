// The digest an EOD run prints and stores over its canonical result text, so that a rerun can be
// shown to give the same bytes. FNV-1a 64: a fingerprint for sameness, not a security hash (the
// audit trail's hash chain, issue 5, needs a cryptographic one).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cp::clearing {

// FNV-1a 64 fed piece by piece: the digest of a day of millions of results is taken as they are
// written, never over one text of them all. Feeding "ab" then "c" equals feeding "abc".
class Digest {
 public:
  void add(std::string_view text);
  // The hash so far, as 16 lowercase hex digits.
  std::string hex() const;

 private:
  uint64_t hash_ = 0xcbf29ce484222325ULL;  // FNV-1a offset basis
};

// The FNV-1a 64-bit hash of the text, as 16 lowercase hex digits.
std::string digest_hex(std::string_view text);

}  // namespace cp::clearing
