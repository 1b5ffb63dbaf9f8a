#include "store/secret_seal.h"

#include <sodium.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "core/assert.h"
#include "store/hex.h"

namespace cp::store {
namespace {

constexpr const char* kPrefix = "x1:";
constexpr size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

const unsigned char* bytes_of(const std::string& text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

}  // namespace

Result<SecretKey> load_secret_key(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return invalid_input("secret key file " + path + " not found", "secret_key_file");
  }
  if ((info.st_mode & 077) != 0) {
    return invalid_input("secret key file " + path + " is readable by others: chmod 600 it",
                         "secret_key_file");
  }
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::string hex = text.str();
  while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r')) hex.pop_back();
  if (hex.size() != 64 || hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
    return invalid_input("secret key file " + path + " must hold 64 hex digits", "secret_key_file");
  }
  const std::string raw = from_hex(hex);
  SecretKey key{};
  std::copy(raw.begin(), raw.end(), key.begin());
  sodium_memzero(hex.data(), hex.size());
  return key;
}

Result<void> write_new_secret_key(const std::string& path) {
  CP_ASSERT(sodium_init() >= 0, "libsodium failed to initialise");
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) {
    return make_error(ErrorCode::kConflict, path + " exists: a key is never overwritten");
  }
  SecretKey key{};
  randombytes_buf(key.data(), key.size());
  const std::string hex = to_hex(std::string(key.begin(), key.end()));
  const mode_t previous = ::umask(077);  // created 0600, never briefly readable by others
  std::ofstream out(path);
  ::umask(previous);
  out << hex << "\n";
  if (!out) return make_error(ErrorCode::kStorage, "cannot write " + path);
  return Ok{};
}

std::string seal_secret(const SecretKey& key, const std::string& plain, const std::string& owner) {
  CP_ASSERT(sodium_init() >= 0, "libsodium failed to initialise");
  std::string sealed(kNonceBytes + plain.size() + kTagBytes, '\0');
  auto* out = reinterpret_cast<unsigned char*>(sealed.data());
  randombytes_buf(out, kNonceBytes);
  unsigned long long length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out + kNonceBytes, &length, bytes_of(plain),
                                             plain.size(), bytes_of(owner), owner.size(), nullptr,
                                             out, key.data());
  return kPrefix + to_hex(sealed);
}

bool is_sealed(const std::string& stored) {
  return stored.rfind(kPrefix, 0) == 0;
}

Result<std::string> open_secret(const std::optional<SecretKey>& key, const std::string& stored,
                                const std::string& owner) {
  if (!key) {
    return make_error(ErrorCode::kStorage,
                      "an authenticator secret is sealed but no secret_key_file is configured");
  }
  const std::string sealed = from_hex(stored.substr(std::string(kPrefix).size()));
  if (sealed.size() < kNonceBytes + kTagBytes) {
    return make_error(ErrorCode::kStorage, "a sealed secret is truncated");
  }
  std::string plain(sealed.size() - kNonceBytes - kTagBytes, '\0');
  unsigned long long length = 0;
  const auto* in = bytes_of(sealed);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &length, nullptr, in + kNonceBytes,
          sealed.size() - kNonceBytes, bytes_of(owner), owner.size(), in, key->data()) != 0) {
    return make_error(ErrorCode::kStorage,
                      "a sealed secret does not open: another secret_key_file, or the row was "
                      "altered or copied");
  }
  plain.resize(length);
  return plain;
}

}  // namespace cp::store
