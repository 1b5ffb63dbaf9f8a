// The segment byte layout, worked by hand (docs/decisions/0012-column-segments.md).
#include "store/column_codec.h"

#include <gtest/gtest.h>

namespace cp::store {
namespace {

std::string hex_of(const std::string& bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (!out.empty()) out.push_back(' ');
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 15]);
  }
  return out;
}

Decimal dec(std::string_view text) {
  return *Decimal::parse(text);
}

TEST(ColumnCodecTest, IntegersAreVarintsAndSignedOnesZigzag) {
  ColumnWriter column;
  column.put_uint(300);  // 300 = 2·128 + 44: 0x2c with the continuation bit, then 0x02
  column.put_int(-3);    // zigzag: -3 → 5
  column.put_int(3);     // 3 → 6
  column.put_uint(0);
  EXPECT_EQ(hex_of(column.bytes()), "ac 02 05 06 00");
  ColumnReader reader(column.bytes());
  EXPECT_EQ(*reader.get_uint(), 300u);
  EXPECT_EQ(*reader.get_int(), -3);
  EXPECT_EQ(*reader.get_int(), 3);
  EXPECT_EQ(*reader.get_uint(), 0u);
  EXPECT_FALSE(reader.get_uint().ok());  // nothing left
}

TEST(ColumnCodecTest, TextsShareTheirPrefixWithTheColumnsPreviousText) {
  ColumnWriter column;
  column.put_text("A1000017");  // nothing shared, 8 new bytes
  column.put_text("A1000018");  // "A100001" shared, "8" new
  column.put_text("A1000018");  // all 8 shared
  column.put_text("");
  EXPECT_EQ(hex_of(column.bytes()), "00 08 41 31 30 30 30 30 31 37 07 01 38 08 00 00 00");
  ColumnReader reader(column.bytes());
  EXPECT_EQ(*reader.get_text(), "A1000017");
  EXPECT_EQ(*reader.get_text(), "A1000018");
  EXPECT_EQ(*reader.get_text(), "A1000018");
  EXPECT_EQ(*reader.get_text(), "");
}

TEST(ColumnCodecTest, DecimalsKeepTheirScaleAndExactUnits) {
  ColumnWriter column;
  column.put_decimal(dec("301.20"));  // scale 2, units 30120 → zigzag 60240 = 3·128² + 86·128 + 80
  column.put_decimal(dec("-0.05"));    // scale 2, units -5 → zigzag 9
  column.put_decimal(dec("0.91405"));  // scale 5, zigzag 182810 = 1428·128 + 26: 9a first
  // Beyond 64 bits: 10^30 units survive.
  const Decimal huge = Decimal::from_units(
      static_cast<Int128>(1000000000000000LL) * static_cast<Int128>(1000000000000000LL), 4);
  column.put_decimal(-huge);
  EXPECT_EQ(hex_of(column.bytes()).substr(0, 23), "02 d0 d6 03 02 09 05 9a");
  ColumnReader reader(column.bytes());
  const Decimal price = *reader.get_decimal();
  EXPECT_EQ(price.to_string(), "301.20");  // the scale comes back, not just the value
  EXPECT_EQ(reader.get_decimal()->to_string(), "-0.05");
  EXPECT_EQ(reader.get_decimal()->to_string(), "0.91405");
  EXPECT_EQ(*reader.get_decimal(), -huge);
}

TEST(ColumnCodecTest, ASegmentIsItsHeaderAndItsColumnsInOrder) {
  SegmentWriter writer(2);
  writer.column(0).put_text("E1");
  writer.column(1).put_uint(100);
  writer.end_row();
  writer.column(0).put_text("E2");
  writer.column(1).put_uint(200);  // 200 = 128 + 72: c8 01
  writer.end_row();
  const std::string bytes = writer.finish();
  // "CPS1", 2 rows, 2 columns, column lengths 7 and 3, then the columns.
  EXPECT_EQ(hex_of(bytes), "43 50 53 31 02 02 07 03 00 02 45 31 01 01 32 64 c8 01");
  auto reader = SegmentReader::open(bytes, 2);
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  EXPECT_EQ(reader->rows(), 2u);
  EXPECT_EQ(*reader->column(1).get_uint(), 100u);
  EXPECT_EQ(*reader->column(0).get_text(), "E1");
  EXPECT_EQ(*reader->column(0).get_text(), "E2");
  EXPECT_EQ(*reader->column(1).get_uint(), 200u);
  EXPECT_EQ(writer.rows(), 0u);  // finish() starts the writer again
}

// 10^38 − 1, the largest units a Decimal holds (Decimal::kMaxDigits nines).
const Int128 kUnitsBelowLimit = [] {
  Int128 value = 0;
  for (int i = 0; i < Decimal::kMaxDigits; ++i) value = value * 10 + 9;
  return value;
}();

TEST(ColumnCodecTest, DamagedSegmentsAreRefusedNeverReadPastTheirEnd) {
  SegmentWriter writer(1);
  writer.column(0).put_text("E1");
  writer.end_row();
  const std::string good = writer.finish();
  EXPECT_FALSE(SegmentReader::open(good, 2).ok());  // the wrong number of columns
  EXPECT_FALSE(SegmentReader::open("XPS1", 1).ok());
  for (size_t cut = 0; cut < good.size(); ++cut) {
    EXPECT_FALSE(SegmentReader::open(good.substr(0, cut), 1).ok()) << cut;
  }
  EXPECT_FALSE(SegmentReader::open(good + "x", 1).ok());
  // A text claiming more shared bytes than its predecessor has; a varint that never ends.
  ColumnReader shared(std::string_view("\x03\x00", 2));
  EXPECT_FALSE(shared.get_text().ok());
  const std::string endless(11, '\xff');
  ColumnReader runaway(endless);
  EXPECT_FALSE(runaway.get_uint().ok());
  ColumnReader short_text(
      std::string_view("\x00\x05"
                       "ab",
                       4));
  EXPECT_FALSE(short_text.get_text().ok());
  // A decimal of scale 37 (Decimal holds at most 36), and one of 10^38 units (38 digits at
  // most): damaged bytes, refused as such rather than built into a Decimal.
  ColumnReader deep_scale(std::string_view("\x25\x02", 2));  // scale 37, units 1
  const auto scale = deep_scale.get_decimal();
  ASSERT_FALSE(scale.ok());
  EXPECT_EQ(scale.error().code, ErrorCode::kStorage);
  // Scale 0, then the zigzagged units (2u for u ≥ 0) as a varint.
  const auto decimal_bytes = [](UInt128 units) {
    std::string out(1, '\0');
    for (UInt128 zigzag = units * 2; true; zigzag >>= 7) {
      if (zigzag < 0x80) {
        out.push_back(static_cast<char>(zigzag));
        return out;
      }
      out.push_back(static_cast<char>((zigzag & 0x7f) | 0x80));
    }
  };
  const std::string nines = decimal_bytes(static_cast<UInt128>(kUnitsBelowLimit));  // 10^38 − 1
  ColumnReader largest(nines);
  const auto below = largest.get_decimal();
  ASSERT_TRUE(below.ok()) << below.error().to_string();
  EXPECT_EQ(below->units(), kUnitsBelowLimit);
  const std::string over = decimal_bytes(static_cast<UInt128>(kUnitsBelowLimit) + 1);  // 10^38
  ColumnReader too_wide(over);
  const auto digits = too_wide.get_decimal();
  ASSERT_FALSE(digits.ok());
  EXPECT_EQ(digits.error().code, ErrorCode::kStorage);
}

}  // namespace
}  // namespace cp::store
