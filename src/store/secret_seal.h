// Secrets the server must read back (TOTP seeds) sealed at rest under a key held outside the
// database (docs/identity.md): XChaCha20-Poly1305 (libsodium) with a random 192-bit nonce and the
// owner as associated data, so a sealed value copied to another user's row does not open. A
// copy of the database alone then yields no authenticator seed.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "core/result.h"

namespace cp::store {

using SecretKey = std::array<unsigned char, 32>;

// A key file: 64 hex digits (and an optional newline), readable by its owner only.
Result<SecretKey> load_secret_key(const std::string& path);
// Writes a new random key file with mode 0600; refuses to overwrite one.
Result<void> write_new_secret_key(const std::string& path);

// "x1:" + hex(nonce ‖ ciphertext) of `plain`, bound to `owner`.
std::string seal_secret(const SecretKey& key, const std::string& plain, const std::string& owner);
// Whether a stored value is sealed (else it is an older unsealed hex value).
bool is_sealed(const std::string& stored);
// The plain bytes of a sealed value; an error if there is no key, the key is another, or the
// value was altered or belongs to another owner.
Result<std::string> open_secret(const std::optional<SecretKey>& key, const std::string& stored,
                                const std::string& owner);

}  // namespace cp::store
