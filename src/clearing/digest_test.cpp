#include "clearing/digest.h"

#include <gtest/gtest.h>

namespace cp::clearing {
namespace {

TEST(Digest, IsFnv1a64) {
  // FNV-1a 64 test vectors (Fowler/Noll/Vo reference): "", "a" and "foobar".
  EXPECT_EQ(digest_hex(""), "cbf29ce484222325");
  EXPECT_EQ(digest_hex("a"), "af63dc4c8601ec8c");
  EXPECT_EQ(digest_hex("foobar"), "85944171f73967e8");
}

TEST(Digest, FedInPiecesEqualsTheWholeText) {
  Digest pieces;
  pieces.add("foo");
  pieces.add("");
  pieces.add("bar");
  EXPECT_EQ(pieces.hex(), "85944171f73967e8");  // the "foobar" vector above
  EXPECT_EQ(Digest().hex(), "cbf29ce484222325");
}

TEST(Digest, OneByteChangesIt) {
  EXPECT_NE(digest_hex("sh,buy,1.00\n"), digest_hex("sh,buy,1.01\n"));
}

}  // namespace
}  // namespace cp::clearing
