#include "store/hex.h"

#include <sodium.h>

#include "core/assert.h"

namespace cp::store {

std::string to_hex(const std::string& bytes) {
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 bytes.size());
  hex.pop_back();
  return hex;
}

std::string from_hex(const std::string& hex) {
  std::string bytes(hex.size() / 2, '\0');
  size_t length = 0;
  CP_ASSERT(sodium_hex2bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), hex.data(),
                           hex.size(), nullptr, &length, nullptr) == 0,
            "a stored secret is not hex");
  bytes.resize(length);
  return bytes;
}

}  // namespace cp::store
