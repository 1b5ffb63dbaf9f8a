#include "clearing/digest.h"

#include <cstdio>

namespace cp::clearing {

void Digest::add(std::string_view text) {
  for (unsigned char c : text) {
    hash_ ^= c;
    hash_ *= 0x100000001b3ULL;  // FNV prime
  }
}

std::string Digest::hex() const {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash_));
  return out;
}

std::string digest_hex(std::string_view text) {
  Digest digest;
  digest.add(text);
  return digest.hex();
}

}  // namespace cp::clearing
