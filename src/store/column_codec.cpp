#include "store/column_codec.h"

#include <algorithm>

namespace cp::store {
namespace {

constexpr std::string_view kMagic = "CPS1";

// 10^Decimal::kMaxDigits: a Decimal's units are less than this in magnitude.
constexpr Int128 kDecimalUnitsLimit = [] {
  Int128 limit = 1;
  for (int i = 0; i < Decimal::kMaxDigits; ++i) limit *= 10;
  return limit;
}();

Error corrupt(const std::string& what) {
  return make_error(ErrorCode::kStorage, "a column segment is damaged: " + what);
}

uint64_t zigzag(int64_t value) {
  return (static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63);
}
int64_t unzigzag(uint64_t value) {
  return static_cast<int64_t>(value >> 1) ^ -static_cast<int64_t>(value & 1);
}

void append_uint(std::string& out, uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

}  // namespace

void ColumnWriter::put_uint128(UInt128 value) {
  while (value >= 0x80) {
    bytes_.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  bytes_.push_back(static_cast<char>(value));
}

void ColumnWriter::put_uint(uint64_t value) {
  append_uint(bytes_, value);
}

void ColumnWriter::put_int(int64_t value) {
  append_uint(bytes_, zigzag(value));
}

void ColumnWriter::put_text(std::string_view value) {
  const auto shared = static_cast<size_t>(
      std::mismatch(value.begin(), value.end(), previous_text_.begin(), previous_text_.end())
          .first -
      value.begin());
  append_uint(bytes_, shared);
  append_uint(bytes_, value.size() - shared);
  bytes_.append(value.substr(shared));
  previous_text_.assign(value);
}

void ColumnWriter::put_decimal(const Decimal& value) {
  append_uint(bytes_, static_cast<uint64_t>(value.scale()));
  const Int128 units = value.units();
  // Zigzag over 128 bits: the sign goes to the lowest bit, small magnitudes stay short.
  const auto raw = static_cast<UInt128>(units);
  put_uint128((raw << 1) ^ (units < 0 ? ~static_cast<UInt128>(0) : UInt128{0}));
}

void ColumnWriter::clear() {
  bytes_.clear();
  previous_text_.clear();
}

std::string SegmentWriter::finish() {
  std::string out(kMagic);
  append_uint(out, rows_);
  append_uint(out, columns_.size());
  size_t total = out.size();
  for (const auto& column : columns_) {
    append_uint(out, column.bytes().size());
    total += column.bytes().size();
  }
  out.reserve(total + out.size());
  for (auto& column : columns_) {
    out += column.bytes();
    column.clear();
  }
  rows_ = 0;
  return out;
}

Result<UInt128> ColumnReader::get_uint128(int max_bytes) {
  UInt128 value = 0;
  for (int shift = 0, read = 0; read < max_bytes; shift += 7, ++read) {
    if (at_ >= bytes_.size()) return corrupt("a number runs past the end of its column");
    const auto byte = static_cast<unsigned char>(bytes_[at_++]);
    value |= static_cast<UInt128>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return value;
  }
  return corrupt("a number is longer than its type");
}

Result<uint64_t> ColumnReader::get_uint() {
  CP_ASSIGN_OR_RETURN(const UInt128 value, get_uint128(10));
  if (value > UINT64_MAX) return corrupt("a number is longer than its type");
  return static_cast<uint64_t>(value);
}

Result<int64_t> ColumnReader::get_int() {
  CP_ASSIGN_OR_RETURN(const uint64_t value, get_uint());
  return unzigzag(value);
}

Result<std::string_view> ColumnReader::get_text() {
  CP_ASSIGN_OR_RETURN(const uint64_t shared, get_uint());
  CP_ASSIGN_OR_RETURN(const uint64_t rest, get_uint());
  if (shared > previous_text_.size()) return corrupt("a text shares more than its predecessor");
  if (rest > bytes_.size() - at_) return corrupt("a text runs past the end of its column");
  previous_text_.resize(shared);
  previous_text_.append(bytes_.substr(at_, rest));
  at_ += rest;
  return std::string_view(previous_text_);
}

Result<Decimal> ColumnReader::get_decimal() {
  CP_ASSIGN_OR_RETURN(const uint64_t scale, get_uint());
  // Damaged bytes give an error, never a decimal that breaks Decimal's invariants: a scale
  // above Decimal::kMaxScale or 38 digits and more used to reach from_units' assertion (seen
  // while writing fuzz/segment_fuzz.cpp, which now checks it).
  if (scale > Decimal::kMaxScale) return corrupt("a decimal's scale is out of range");
  CP_ASSIGN_OR_RETURN(const UInt128 raw, get_uint128(19));
  const auto magnitude = static_cast<Int128>(raw >> 1);
  const Int128 units = (raw & 1) != 0 ? -magnitude - 1 : magnitude;
  if (units <= -kDecimalUnitsLimit || units >= kDecimalUnitsLimit) {
    return corrupt("a decimal has more than 38 digits");
  }
  return Decimal::from_units(units, static_cast<int>(scale));
}

Result<void> ColumnReader::skip_uints(size_t count) {
  for (size_t i = 0; i < count; ++i) {
    size_t read = 0;
    while (true) {
      if (at_ >= bytes_.size()) return corrupt("a number runs past the end of its column");
      if (++read > 19) return corrupt("a number is longer than its type");
      if ((static_cast<unsigned char>(bytes_[at_++]) & 0x80) == 0) break;
    }
  }
  return Ok{};
}

Result<void> ColumnReader::skip_texts(size_t count) {
  // Each text is built on its predecessor, so the chain is followed, not jumped.
  for (size_t i = 0; i < count; ++i) CP_RETURN_IF_ERROR(get_text());
  return Ok{};
}

Result<void> ColumnReader::skip_decimals(size_t count) {
  return skip_uints(2 * count);  // scale, units
}

Result<SegmentReader> SegmentReader::open(std::string_view bytes, size_t columns) {
  if (!bytes.starts_with(kMagic)) return corrupt("it does not start with " + std::string(kMagic));
  ColumnReader header(bytes.substr(kMagic.size()));
  SegmentReader out;
  CP_ASSIGN_OR_RETURN(const uint64_t rows, header.get_uint());
  CP_ASSIGN_OR_RETURN(const uint64_t stored_columns, header.get_uint());
  if (stored_columns != columns) {
    return corrupt(std::to_string(stored_columns) + " columns where " + std::to_string(columns) +
                   " are expected");
  }
  std::vector<uint64_t> lengths;
  for (size_t i = 0; i < columns; ++i) {
    CP_ASSIGN_OR_RETURN(const uint64_t length, header.get_uint());
    lengths.push_back(length);
  }
  size_t at = kMagic.size() + header.consumed();
  size_t total = 0;
  for (const uint64_t length : lengths) {
    if (length > bytes.size() - at - total) return corrupt("its columns run past its end");
    total += length;
  }
  if (at + total != bytes.size()) return corrupt("bytes follow its last column");
  for (const uint64_t length : lengths) {
    out.columns_.emplace_back(bytes.substr(at, length));
    at += length;
  }
  if (rows > bytes.size()) return corrupt("it claims more rows than it has bytes");
  out.rows_ = rows;
  return out;
}

}  // namespace cp::store
