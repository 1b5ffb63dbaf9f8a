#include "store/column_codec.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace cp::store {
namespace {

// How many leading bytes `a` and `b` share, eight at a time: put_text compares every text with
// its column's eight recent ones, and a byte loop (or a memcmp and then one) cost a tenth of an
// import of ten million executions.
size_t shared_prefix(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x = 0;
    uint64_t y = 0;
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) {
      // The first differing byte: the lowest-addressed one, the low end on a little-endian
      // machine and the high end on a big-endian one.
      const uint64_t differ = x ^ y;
      const int bits = std::endian::native == std::endian::little ? std::countr_zero(differ)
                                                                  : std::countl_zero(differ);
      return i + static_cast<size_t>(bits / 8);
    }
  }
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

constexpr std::string_view kMagicV1 = "CPS1";
constexpr std::string_view kMagicV2 = "CPS2";  // what SegmentWriter writes
constexpr size_t kMagicSize = 4;

// 10^Decimal::kMaxDigits: a Decimal's units are less than this in magnitude.
constexpr Int128 kDecimalUnitsLimit = [] {
  Int128 limit = 1;
  for (int i = 0; i < Decimal::kMaxDigits; ++i) limit *= 10;
  return limit;
}();

Error corrupt(const std::string& what) {
  return make_error(ErrorCode::kStorage, "a column segment is damaged: " + what);
}

// Zigzag over 128 bits: the sign goes to the lowest bit, small magnitudes stay short.
UInt128 zigzag128(Int128 value) {
  return (static_cast<UInt128>(value) << 1) ^ (value < 0 ? ~static_cast<UInt128>(0) : UInt128{0});
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

void RecentTexts::use(size_t rank) {
  const uint8_t slot = order_[rank];
  for (size_t i = rank; i > 0; --i) order_[i] = order_[i - 1];
  order_[0] = slot;
}

const std::string& RecentTexts::add(std::string_view text) {
  use(kSize - 1);
  std::string& slot = slots_[order_[0]];
  slot.assign(text);
  return slot;
}

void RecentTexts::clear() {
  for (auto& slot : slots_) slot.clear();
  for (size_t i = 0; i < kSize; ++i) order_[i] = static_cast<uint8_t>(i);
}

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
  // The recent text equal to it (the most recent of equals), else the one sharing the longest
  // prefix (the most recent of those): one choice for given texts, so the bytes are canonical.
  size_t best_rank = 0;
  size_t best_shared = 0;
  for (size_t rank = 0; rank < RecentTexts::kSize; ++rank) {
    const std::string& text = recent_.at_rank(rank);
    const size_t shared = shared_prefix(text, value);
    if (shared == value.size() && text.size() == value.size()) {
      append_uint(bytes_, (rank << 1) | 1);
      recent_.use(rank);
      return;
    }
    if (shared > best_shared) {
      best_shared = shared;
      best_rank = rank;
    }
  }
  append_uint(bytes_, best_rank << 1);
  append_uint(bytes_, best_shared);
  append_uint(bytes_, value.size() - best_shared);
  bytes_.append(value.substr(best_shared));
  recent_.add(value);
}

void ColumnWriter::put_decimal(const Decimal& value) {
  // The units' zigzag with the flag "scale follows" as the lowest bit of the first byte: six
  // bits of the units there, the rest a varint as usual (no 129-bit number is ever built).
  const UInt128 z = zigzag128(value.units());
  const int scale = value.scale();
  const bool scale_changed = scale != previous_scale_;
  const UInt128 rest = z >> 6;
  auto first = static_cast<unsigned>(((z & 0x3f) << 1) | (scale_changed ? 1U : 0U));
  if (rest != 0) first |= 0x80;
  bytes_.push_back(static_cast<char>(first));
  if (rest != 0) {
    // The same varint either way; 64-bit arithmetic for the amounts of every day.
    if ((rest >> 64) == 0) {
      append_uint(bytes_, static_cast<uint64_t>(rest));
    } else {
      put_uint128(rest);
    }
  }
  if (scale_changed) {
    append_uint(bytes_, static_cast<uint64_t>(scale));
    previous_scale_ = scale;
  }
}

void ColumnWriter::clear() {
  bytes_.clear();
  recent_.clear();
  previous_scale_ = 0;
}

std::string SegmentWriter::finish() {
  std::string out(kMagicV2);
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
  if (version_ == SegmentVersion::kV1) {
    CP_ASSIGN_OR_RETURN(const uint64_t shared, get_uint());
    CP_ASSIGN_OR_RETURN(const uint64_t rest, get_uint());
    if (shared > previous_text_.size()) return corrupt("a text shares more than its predecessor");
    if (rest > bytes_.size() - at_) return corrupt("a text runs past the end of its column");
    previous_text_.resize(shared);
    previous_text_.append(bytes_.substr(at_, rest));
    at_ += rest;
    return std::string_view(previous_text_);
  }
  CP_ASSIGN_OR_RETURN(const uint64_t head, get_uint());
  const uint64_t rank = head >> 1;
  if (rank >= RecentTexts::kSize) return corrupt("a text refers to a text it cannot have seen");
  if ((head & 1) != 0) {
    recent_.use(rank);
    return std::string_view(recent_.at_rank(0));
  }
  CP_ASSIGN_OR_RETURN(const uint64_t shared, get_uint());
  CP_ASSIGN_OR_RETURN(const uint64_t rest, get_uint());
  const std::string& base = recent_.at_rank(rank);
  if (shared > base.size()) return corrupt("a text shares more than the text it refers to");
  if (rest > bytes_.size() - at_) return corrupt("a text runs past the end of its column");
  // Built aside first: the slot the new text takes may be the one it refers to.
  previous_text_.assign(base, 0, shared);
  previous_text_.append(bytes_.substr(at_, rest));
  at_ += rest;
  return std::string_view(recent_.add(previous_text_));
}

Result<Int128> ColumnReader::get_flagged_units(bool& scale_changed) {
  if (at_ >= bytes_.size()) return corrupt("a number runs past the end of its column");
  const auto first = static_cast<unsigned char>(bytes_[at_++]);
  scale_changed = (first & 1) != 0;
  UInt128 z = (first >> 1) & 0x3f;
  if ((first & 0x80) != 0) {
    // 128 bits in all: six here, at most 122 in the varint that follows (18 bytes).
    CP_ASSIGN_OR_RETURN(const UInt128 rest, get_uint128(18));
    if ((rest >> 122) != 0) return corrupt("a number is longer than its type");
    z |= rest << 6;
  }
  const auto magnitude = static_cast<Int128>(z >> 1);
  return (z & 1) != 0 ? -magnitude - 1 : magnitude;
}

Result<Decimal> ColumnReader::decimal_of(Int128 units, uint64_t scale) {
  // Damaged bytes give an error, never a decimal that breaks Decimal's invariants: a scale
  // above Decimal::kMaxScale or 38 digits and more used to reach from_units' assertion (seen
  // while writing fuzz/segment_fuzz.cpp, which now checks it).
  if (scale > Decimal::kMaxScale) return corrupt("a decimal's scale is out of range");
  if (units <= -kDecimalUnitsLimit || units >= kDecimalUnitsLimit) {
    return corrupt("a decimal has more than 38 digits");
  }
  return Decimal::from_units(units, static_cast<int>(scale));
}

Result<Decimal> ColumnReader::get_decimal() {
  if (version_ == SegmentVersion::kV1) {
    CP_ASSIGN_OR_RETURN(const uint64_t scale, get_uint());
    if (scale > Decimal::kMaxScale) return corrupt("a decimal's scale is out of range");
    CP_ASSIGN_OR_RETURN(const UInt128 raw, get_uint128(19));
    const auto magnitude = static_cast<Int128>(raw >> 1);
    return decimal_of((raw & 1) != 0 ? -magnitude - 1 : magnitude, scale);
  }
  bool scale_changed = false;
  CP_ASSIGN_OR_RETURN(const Int128 units, get_flagged_units(scale_changed));
  if (scale_changed) {
    CP_ASSIGN_OR_RETURN(const uint64_t scale, get_uint());
    if (scale > Decimal::kMaxScale) return corrupt("a decimal's scale is out of range");
    previous_scale_ = scale;
  }
  return decimal_of(units, previous_scale_);
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
  if (version_ == SegmentVersion::kV1) return skip_uints(2 * count);  // scale, units
  // The units are passed over byte by byte; only a scale that follows is read, since it carries
  // over to the next values (a contract note skips the rows of a segment before its account's).
  for (size_t i = 0; i < count; ++i) {
    if (at_ >= bytes_.size()) return corrupt("a number runs past the end of its column");
    const auto first = static_cast<unsigned char>(bytes_[at_++]);
    if ((first & 0x80) != 0) CP_RETURN_IF_ERROR(skip_uints(1));
    if ((first & 1) != 0) {
      CP_ASSIGN_OR_RETURN(const uint64_t scale, get_uint());
      if (scale > Decimal::kMaxScale) return corrupt("a decimal's scale is out of range");
      previous_scale_ = scale;
    }
  }
  return Ok{};
}

Result<SegmentReader> SegmentReader::open(std::string_view bytes, size_t columns) {
  return open(bytes, columns, columns);
}

Result<SegmentReader> SegmentReader::open(std::string_view bytes, size_t fewest, size_t most) {
  SegmentVersion version = SegmentVersion::kV2;
  if (bytes.starts_with(kMagicV1)) {
    version = SegmentVersion::kV1;
  } else if (!bytes.starts_with(kMagicV2)) {
    return corrupt("it starts with neither " + std::string(kMagicV2) + " nor " +
                   std::string(kMagicV1));
  }
  ColumnReader header(bytes.substr(kMagicSize));
  SegmentReader out;
  CP_ASSIGN_OR_RETURN(const uint64_t rows, header.get_uint());
  CP_ASSIGN_OR_RETURN(const uint64_t stored_columns, header.get_uint());
  if (stored_columns < fewest || stored_columns > most) {
    return corrupt(std::to_string(stored_columns) + " columns where " +
                   (fewest == most ? std::to_string(fewest)
                                   : std::to_string(fewest) + " to " + std::to_string(most)) +
                   " are expected");
  }
  const auto columns = static_cast<size_t>(stored_columns);
  std::vector<uint64_t> lengths;
  for (size_t i = 0; i < columns; ++i) {
    CP_ASSIGN_OR_RETURN(const uint64_t length, header.get_uint());
    lengths.push_back(length);
  }
  size_t at = kMagicSize + header.consumed();
  size_t total = 0;
  for (const uint64_t length : lengths) {
    if (length > bytes.size() - at - total) return corrupt("its columns run past its end");
    total += length;
  }
  if (at + total != bytes.size()) return corrupt("bytes follow its last column");
  for (const uint64_t length : lengths) {
    out.columns_.emplace_back(bytes.substr(at, length), version);
    at += length;
  }
  if (rows > bytes.size()) return corrupt("it claims more rows than it has bytes");
  out.rows_ = rows;
  return out;
}

}  // namespace cp::store
