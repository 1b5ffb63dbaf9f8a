// Hex text for the bytes the identity tables keep (TOTP secrets, token hashes), via libsodium.
#pragma once

#include <string>

namespace cp::store {

std::string to_hex(const std::string& bytes);
// The bytes of `hex`; asserts it is hex (only this code writes those columns).
std::string from_hex(const std::string& hex);

}  // namespace cp::store
