#include "store/secret_seal.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace cp::store {
namespace {

SecretKey key_of(unsigned char fill) {
  SecretKey key{};
  key.fill(fill);
  return key;
}

TEST(SecretSeal, OpensOnlyWithItsKeyForItsOwner) {
  const std::string seed = "12345678901234567890";  // RFC 6238's test seed, 20 bytes
  const std::string sealed = seal_secret(key_of(1), seed, "totp:alice");
  EXPECT_TRUE(is_sealed(sealed));
  // 24-byte nonce + 20 bytes + 16-byte tag, in hex after "x1:".
  EXPECT_EQ(sealed.size(), 3 + 2 * (24 + 20 + 16));
  EXPECT_EQ(sealed.find("3132333435"), std::string::npos);  // the seed's hex is not in it
  EXPECT_EQ(*open_secret(key_of(1), sealed, "totp:alice"), seed);
  EXPECT_FALSE(open_secret(key_of(2), sealed, "totp:alice").ok());     // another key
  EXPECT_FALSE(open_secret(key_of(1), sealed, "totp:mallory").ok());   // copied to another user
  EXPECT_FALSE(open_secret(std::nullopt, sealed, "totp:alice").ok());  // no key configured
  std::string altered = sealed;
  altered[10] = altered[10] == '0' ? '1' : '0';
  EXPECT_FALSE(open_secret(key_of(1), altered, "totp:alice").ok());
  // A fresh nonce each time: sealing twice gives two different values.
  EXPECT_NE(seal_secret(key_of(1), seed, "totp:alice"), sealed);
  EXPECT_FALSE(is_sealed("3132"));
}

TEST(SecretSeal, KeyFilesAreNewOwnerOnlyAndNeverOverwritten) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("cp_seal_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "key").string();
  ASSERT_TRUE(write_new_secret_key(path).ok());
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  const auto key = load_secret_key(path);
  ASSERT_TRUE(key.ok()) << key.error().message;
  EXPECT_FALSE(write_new_secret_key(path).ok());
  EXPECT_EQ(*load_secret_key(path), *key);  // unchanged
  ::chmod(path.c_str(), 0644);
  const auto exposed = load_secret_key(path);
  ASSERT_FALSE(exposed.ok());
  EXPECT_NE(exposed.error().message.find("chmod 600"), std::string::npos);
  const std::string short_path = (dir / "short").string();
  std::ofstream(short_path) << "abcd\n";
  ::chmod(short_path.c_str(), 0600);
  EXPECT_FALSE(load_secret_key(short_path).ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace cp::store
