#include "clearing/digest.h"

#include <cstdint>
#include <cstdio>

namespace cp::clearing {

std::string digest_hex(const std::string& text) {
  uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a offset basis
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;  // FNV prime
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

}  // namespace cp::clearing
