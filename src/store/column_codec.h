// The byte layout of a column-packed segment (docs/decisions/0012-column-segments.md): up to
// kSegmentRows rows of one table stored as one BLOB, column after column, so that a day of ten
// million executions is a few hundred database rows instead of ten million.
//
//   "CPS1" | rows (varint) | columns (varint) | each column's byte length (varint) | columns…
//
// Integers are LEB128 varints (signed ones zigzag-mapped first), decimals their scale and their
// exact units, texts the length of the prefix shared with the column's previous text and the
// rest: sorted ids ("A1000017", "A1000017", "A1000018") cost a byte or two each. Reading checks
// every length against the bytes at hand and fails with an error, never reads past the end.
#pragma once

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
  std::string previous_text_;
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
  explicit ColumnReader(std::string_view bytes) : bytes_(bytes) {}
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
  std::string_view bytes_;
  size_t at_ = 0;
  std::string previous_text_;
};

class SegmentReader {
 public:
  // Fails unless `bytes` is a whole segment of exactly `columns` columns.
  static Result<SegmentReader> open(std::string_view bytes, size_t columns);
  size_t rows() const { return rows_; }
  ColumnReader& column(size_t index) { return columns_.at(index); }

 private:
  size_t rows_ = 0;
  std::vector<ColumnReader> columns_;
};

}  // namespace cp::store
