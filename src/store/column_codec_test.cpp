// The segment byte layout, worked by hand (docs/decisions/0012-column-segments.md, 0014): the
// "CPS2" layout the writers write, and the "CPS1" one databases made before 2026-12-06 hold.
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

TEST(ColumnCodecTest, TextsReferToOneOfTheColumnsEightRecentTexts) {
  ColumnWriter column;
  column.put_text("A1000017");  // rank 0 (empty), nothing shared, 8 new bytes
  column.put_text("A1000018");  // rank 0 is "A1000017": "A100001" shared, "8" new
  column.put_text("A1000018");  // equal to rank 0: (0 << 1) | 1
  column.put_text("fee");       // no recent text starts with 'f': rank 0, nothing shared
  column.put_text("A1000018");  // "fee" is rank 0 now, "A1000018" rank 1: (1 << 1) | 1
  // Recent: "A1000018", "fee", "A1000017", then five empty texts: "" is rank 3, equal.
  column.put_text("");
  EXPECT_EQ(hex_of(column.bytes()),
            "00 00 08 41 31 30 30 30 30 31 37 00 07 01 38 01 00 00 03 66 65 65 03 07");
  ColumnReader reader(column.bytes());
  for (const char* expected : {"A1000017", "A1000018", "A1000018", "fee", "A1000018", ""}) {
    EXPECT_EQ(*reader.get_text(), expected);
  }
  EXPECT_FALSE(reader.get_text().ok());  // nothing left
}

// Texts longer than eight bytes are compared eight bytes at a time: the shared prefix must still
// be counted to the byte, across a chunk's end, and a text that is a prefix of a recent one is
// not equal to it.
TEST(ColumnCodecTest, LongTextsShareTheirPrefixToTheByte) {
  ColumnWriter column;
  column.put_text("TRADE-0123456789-A");  // 18 new bytes
  column.put_text("TRADE-0123456789-B");  // 17 shared (two chunks and a byte), "B" new
  column.put_text("TRADE-01234");         // 11 shared with rank 0 and rank 1: rank 0, 0 new
  column.put_text("TRADE-0123456789-A");  // equal to rank 2: (2 << 1) | 1
  EXPECT_EQ(hex_of(column.bytes()),
            "00 00 12 54 52 41 44 45 2d 30 31 32 33 34 35 36 37 38 39 2d 41 "
            "00 11 01 42 00 0b 00 05");
  ColumnReader reader(column.bytes());
  for (const char* expected :
       {"TRADE-0123456789-A", "TRADE-0123456789-B", "TRADE-01234", "TRADE-0123456789-A"}) {
    EXPECT_EQ(*reader.get_text(), expected);
  }
}

TEST(ColumnCodecTest, CPS1TextsShareTheirPrefixWithTheColumnsPreviousText) {
  // The layout before 2026-12-06, as stored databases hold it.
  const std::string bytes(
      "\x00\x08"
      "A1000017"
      "\x07\x01"
      "8"
      "\x08\x00\x00\x00",
      17);
  ColumnReader reader(bytes, SegmentVersion::kV1);
  EXPECT_EQ(*reader.get_text(), "A1000017");
  EXPECT_EQ(*reader.get_text(), "A1000018");
  EXPECT_EQ(*reader.get_text(), "A1000018");
  EXPECT_EQ(*reader.get_text(), "");
}

TEST(ColumnCodecTest, DecimalsKeepTheirScaleAndExactUnits) {
  ColumnWriter column;
  // 301.20: units 30120, zigzag 60240 = 941·64 + 16; the first byte holds 16 and the flag "scale
  // follows" (the column's scale starts at 0): 16·2 + 1 = 0x21, with the continuation bit 0xa1;
  // then 941 = 7·128 + 45 (ad 07), then the scale 2.
  column.put_decimal(dec("301.20"));
  column.put_decimal(dec("-0.05"));    // scale 2 again: zigzag 9 → 9·2 = 0x12, no scale
  column.put_decimal(dec("0.91405"));  // zigzag 182810 = 2856·64 + 26: b5, a8 16, then 5
  // Beyond 64 bits: 10^30 units survive.
  const Decimal huge = Decimal::from_units(
      static_cast<Int128>(1000000000000000LL) * static_cast<Int128>(1000000000000000LL), 4);
  column.put_decimal(-huge);
  column.put_decimal(dec("7"));  // scale 0: zigzag 14 → 14·2 + 1 = 0x1d, then 0
  const std::string bytes = hex_of(column.bytes());
  EXPECT_EQ(bytes.substr(0, 26), "a1 ad 07 02 12 b5 a8 16 05");
  EXPECT_EQ(bytes.substr(bytes.size() - 5), "1d 00");
  ColumnReader reader(column.bytes());
  const Decimal price = *reader.get_decimal();
  EXPECT_EQ(price.to_string(), "301.20");  // the scale comes back, not just the value
  EXPECT_EQ(reader.get_decimal()->to_string(), "-0.05");
  EXPECT_EQ(reader.get_decimal()->to_string(), "0.91405");
  EXPECT_EQ(*reader.get_decimal(), -huge);
  EXPECT_EQ(reader.get_decimal()->to_string(), "7");
  // Skipping follows the scales too: the fifth value after skipping four.
  ColumnReader skipper(column.bytes());
  ASSERT_TRUE(skipper.skip_decimals(4).ok());
  EXPECT_EQ(skipper.get_decimal()->to_string(), "7");
}

TEST(ColumnCodecTest, CPS1DecimalsCarryEachTheirScale) {
  // 301.20 (scale 2, zigzag 60240 = 3·128² + 86·128 + 80), -0.05 (scale 2, zigzag 9).
  const std::string bytes("\x02\xd0\xd6\x03\x02\x09", 6);
  ColumnReader reader(bytes, SegmentVersion::kV1);
  EXPECT_EQ(reader.get_decimal()->to_string(), "301.20");
  EXPECT_EQ(reader.get_decimal()->to_string(), "-0.05");
  ColumnReader skipper(bytes, SegmentVersion::kV1);
  ASSERT_TRUE(skipper.skip_decimals(1).ok());
  EXPECT_EQ(skipper.get_decimal()->to_string(), "-0.05");
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
  // "CPS2", 2 rows, 2 columns, column lengths 9 and 3, then the columns: "E1" new (00 00 02 …),
  // "E2" sharing "E" with rank 0 (00 01 01 32).
  EXPECT_EQ(hex_of(bytes), "43 50 53 32 02 02 09 03 00 00 02 45 31 00 01 01 32 64 c8 01");
  auto reader = SegmentReader::open(bytes, 2);
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  EXPECT_EQ(reader->rows(), 2u);
  EXPECT_EQ(*reader->column(1).get_uint(), 100u);
  EXPECT_EQ(*reader->column(0).get_text(), "E1");
  EXPECT_EQ(*reader->column(0).get_text(), "E2");
  EXPECT_EQ(*reader->column(1).get_uint(), 200u);
  EXPECT_EQ(writer.rows(), 0u);  // finish() starts the writer again
  // The same rows as a database made before 2026-12-06 holds them.
  const std::string v1(
      "CPS1\x02\x02\x07\x03\x00\x02"
      "E1"
      "\x01\x01"
      "2"
      "d\xc8\x01",
      18);
  auto old = SegmentReader::open(v1, 2);
  ASSERT_TRUE(old.ok()) << old.error().to_string();
  EXPECT_EQ(*old->column(0).get_text(), "E1");
  EXPECT_EQ(*old->column(0).get_text(), "E2");
  EXPECT_EQ(*old->column(1).get_uint(), 100u);
  EXPECT_EQ(*old->column(1).get_uint(), 200u);
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
  EXPECT_FALSE(SegmentReader::open(good, 2, 3).ok());
  auto either = SegmentReader::open(good, 1, 3);  // a table whose rows gained columns
  ASSERT_TRUE(either.ok());
  EXPECT_EQ(either->columns(), 1u);
  EXPECT_FALSE(SegmentReader::open("XPS1", 1).ok());
  EXPECT_FALSE(SegmentReader::open("CPS3", 1).ok());
  for (size_t cut = 0; cut < good.size(); ++cut) {
    EXPECT_FALSE(SegmentReader::open(good.substr(0, cut), 1).ok()) << cut;
  }
  EXPECT_FALSE(SegmentReader::open(good + "x", 1).ok());
  // A text claiming more shared bytes than the text it refers to has (every recent text is
  // empty at first), or referring to a ninth recent text; a varint that never ends.
  ColumnReader shared(std::string_view("\x00\x03\x00", 3));
  EXPECT_FALSE(shared.get_text().ok());
  ColumnReader ninth(std::string_view("\x11", 1));  // rank 8, equal
  EXPECT_FALSE(ninth.get_text().ok());
  ColumnReader shared_v1(std::string_view("\x03\x00", 2), SegmentVersion::kV1);
  EXPECT_FALSE(shared_v1.get_text().ok());
  const std::string endless(11, '\xff');
  ColumnReader runaway(endless);
  EXPECT_FALSE(runaway.get_uint().ok());
  ColumnReader short_text(
      std::string_view("\x00\x00\x05"
                       "ab",
                       5));
  EXPECT_FALSE(short_text.get_text().ok());
  // A decimal of scale 37 (Decimal holds at most 36), and one of 10^38 units (38 digits at
  // most): damaged bytes, refused as such rather than built into a Decimal.
  ColumnReader deep_scale(std::string_view("\x05\x25", 2));  // units 1, scale 37 follows
  const auto scale = deep_scale.get_decimal();
  ASSERT_FALSE(scale.ok());
  EXPECT_EQ(scale.error().code, ErrorCode::kStorage);
  ColumnReader deep_scale_v1(std::string_view("\x25\x02", 2), SegmentVersion::kV1);
  EXPECT_FALSE(deep_scale_v1.get_decimal().ok());
  // Units past 128 bits: the varint after the first byte carries at most 122 of them.
  std::string wide_units(1, '\x80');
  wide_units += std::string(17, '\xff') + '\x7f';  // 18 bytes: 126 bits set
  ColumnReader too_long(wide_units);
  EXPECT_FALSE(too_long.get_decimal().ok());
  // CPS1: scale 0, then the zigzagged units (2u for u ≥ 0) as a varint.
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
  ColumnReader largest(nines, SegmentVersion::kV1);
  const auto below = largest.get_decimal();
  ASSERT_TRUE(below.ok()) << below.error().to_string();
  EXPECT_EQ(below->units(), kUnitsBelowLimit);
  const std::string over = decimal_bytes(static_cast<UInt128>(kUnitsBelowLimit) + 1);  // 10^38
  ColumnReader too_wide(over, SegmentVersion::kV1);
  const auto digits = too_wide.get_decimal();
  ASSERT_FALSE(digits.ok());
  EXPECT_EQ(digits.error().code, ErrorCode::kStorage);
  // CPS2 the same: 10^38 − 1 reads back, 10^38 is refused. The first byte holds the zigzag's
  // low six bits with the flag clear (scale 0, the column's first), the varint the rest.
  const auto decimal_bytes_v2 = [](UInt128 units) {
    const UInt128 zigzag = units * 2;
    std::string out(1, static_cast<char>(((zigzag & 0x3f) << 1) | 0x80));
    for (UInt128 rest = zigzag >> 6; true; rest >>= 7) {
      if (rest < 0x80) {
        out.push_back(static_cast<char>(rest));
        return out;
      }
      out.push_back(static_cast<char>((rest & 0x7f) | 0x80));
    }
  };
  ColumnWriter written;
  written.put_decimal(Decimal::from_units(kUnitsBelowLimit, 0));
  EXPECT_EQ(written.bytes(), decimal_bytes_v2(static_cast<UInt128>(kUnitsBelowLimit)));
  ColumnReader largest_v2(written.bytes());
  EXPECT_EQ(largest_v2.get_decimal()->units(), kUnitsBelowLimit);
  const std::string over_v2 = decimal_bytes_v2(static_cast<UInt128>(kUnitsBelowLimit) + 1);
  ColumnReader too_wide_v2(over_v2);
  const auto digits_v2 = too_wide_v2.get_decimal();
  ASSERT_FALSE(digits_v2.ok());
  EXPECT_EQ(digits_v2.error().code, ErrorCode::kStorage);
}

}  // namespace
}  // namespace cp::store
