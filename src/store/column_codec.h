// The byte layout of a column-packed segment (docs/decisions/0012-column-segments.md, 0014): up
// to kSegmentRows rows of one table stored as one BLOB, column after column, so that a day of ten
// million executions is a few hundred database rows instead of ten million.
//
//   "CPS2" | rows (varint) | columns (varint) | each column's byte length (varint) | columns…
//
// Integers are LEB128 varints (signed ones zigzag-mapped first). A decimal is its zigzagged
// units with one flag bit in front ("the scale changed"), followed by its scale only when it is
// not the column's previous decimal's (a money column repeats its scale: one byte a value
// saved). A text refers to one of the column's eight most recently used texts: the byte
// (rank << 1 | 1) when it equals that text, else (rank << 1), the length of the prefix it shares
// with it and the rest. Sorted ids ("A1000017", "A1000018") and the few texts a column repeats
// among others ("commission_income" between two investors' accounts) cost a byte or two each.
// Segments written before 2026-12-06 are "CPS1": decimals each with their scale, texts
// sharing a prefix with the previous text only; they are read as they are. Reading checks
// every length against the bytes at hand and fails with an error, never reads past the end.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/result.h"

namespace cp::store {

// Rows per segment: big enough that per-row database costs vanish (a few hundred segment rows
// for ten million executions), small enough that one investor's contract note decodes a
// segment or two in a few milliseconds rather than the day (bench/segment_benchmark.cpp).
inline constexpr size_t kSegmentRows = 16384;

// The layouts a reader understands; writers write the latest.
enum class SegmentVersion : uint8_t { kV1 = 1, kV2 = 2 };

// A column's most recently used texts, most recent first (the same in writer and reader).
class RecentTexts {
 public:
  static constexpr size_t kSize = 8;
  const std::string& at_rank(size_t rank) const { return slots_[order_[rank]]; }
  // Moves the text of `rank` to the front.
  void use(size_t rank);
  // Puts `text` at the front in place of the least recently used one; returns it.
  const std::string& add(std::string_view text);
  void clear();

 private:
  std::array<std::string, kSize> slots_;  // never moved: views into them stay put
  std::array<uint8_t, kSize> order_ = {0, 1, 2, 3, 4, 5, 6, 7};
};

class ColumnWriter {
 public:
  void put_uint(uint64_t value);
  void put_int(int64_t value);
  void put_text(std::string_view value);
  void put_decimal(const Decimal& value);
  const std::string& bytes() const { return bytes_; }
  void clear();

 private:
  void put_uint128(UInt128 value);
  std::string bytes_;
  RecentTexts recent_;
  int previous_scale_ = 0;
};

class SegmentWriter {
 public:
  explicit SegmentWriter(size_t columns) : columns_(columns) {}
  ColumnWriter& column(size_t index) { return columns_.at(index); }
  // Counts one row; every column must have been given its value.
  void end_row() { ++rows_; }
  size_t rows() const { return rows_; }
  // The segment's bytes; the writer starts empty again.
  std::string finish();

 private:
  std::vector<ColumnWriter> columns_;
  size_t rows_ = 0;
};

class ColumnReader {
 public:
  ColumnReader() = default;
  explicit ColumnReader(std::string_view bytes, SegmentVersion version = SegmentVersion::kV2)
      : bytes_(bytes), version_(version) {}
  Result<uint64_t> get_uint();
  Result<int64_t> get_int();
  // Valid until the next get_text of this column.
  Result<std::string_view> get_text();
  Result<Decimal> get_decimal();
  // Pass over `count` values without building them.
  Result<void> skip_uints(size_t count);
  Result<void> skip_texts(size_t count);
  Result<void> skip_decimals(size_t count);
  // The bytes read so far.
  size_t consumed() const { return at_; }

 private:
  Result<UInt128> get_uint128(int max_bytes);
  // A decimal's units, after the flag bit of "the scale changed" (kV2).
  Result<Int128> get_flagged_units(bool& scale_changed);
  Result<Decimal> decimal_of(Int128 units, uint64_t scale);
  std::string_view bytes_;
  SegmentVersion version_ = SegmentVersion::kV2;
  size_t at_ = 0;
  std::string previous_text_;  // kV1
  RecentTexts recent_;         // kV2
  uint64_t previous_scale_ = 0;
};

class SegmentReader {
 public:
  // Fails unless `bytes` is a whole segment of exactly `columns` columns.
  static Result<SegmentReader> open(std::string_view bytes, size_t columns);
  // The same for a table whose rows gained columns at their end: between `fewest` and `most`.
  static Result<SegmentReader> open(std::string_view bytes, size_t fewest, size_t most);
  size_t rows() const { return rows_; }
  size_t columns() const { return columns_.size(); }
  ColumnReader& column(size_t index) { return columns_.at(index); }

 private:
  size_t rows_ = 0;
  std::vector<ColumnReader> columns_;
};

}  // namespace cp::store
