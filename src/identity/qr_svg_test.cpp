#include "identity/qr_svg.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace cp::identity {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(QrSvg, DrawsAVersionSizedSymbolWithItsQuietZone) {
  // "connectpost" (11 bytes, level M) fits version 1: 21×21 modules, + 2×4 quiet = 29.
  auto svg = qr_svg("connectpost");
  ASSERT_TRUE(svg.ok());
  EXPECT_THAT(svg->substr(0, 120),
              StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\""));
  // The top-left finder pattern's corner module is dark, at (4, 4) after the quiet zone.
  EXPECT_THAT(*svg, HasSubstr("d=\"M4 4h1v1h-1z"));
}

TEST(QrSvg, AnOtpauthUriNeedsALargerVersion) {
  const std::string uri =
      "otpauth://totp/connectpost:alice%40B001?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
      "&issuer=connectpost&algorithm=SHA1&digits=6&period=30";
  auto svg = qr_svg(uri);
  ASSERT_TRUE(svg.ok());
  // 132 bytes in byte mode at level M need version 8, 49×49 modules (ISO/IEC 18004 Table 7:
  // version 7-M holds 122 bytes, 8-M 152): 49 + 8 = 57.
  EXPECT_EQ(uri.size(), 132u);
  EXPECT_THAT(svg->substr(0, 120), HasSubstr("viewBox=\"0 0 57 57\""));
}

}  // namespace
}  // namespace cp::identity
