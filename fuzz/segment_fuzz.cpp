// store::SegmentReader and ColumnReader (src/store/column_codec.h): the column-packed segments of
// executions, results and the journal, read back from a database whose bytes may be damaged.
//
// Input: byte 0 = the number of columns expected (1..16, byte % 16 + 1); byte 1 = each column's
// type, two bits a column taken in turn (0 unsigned, 1 signed, 2 text, 3 decimal); the rest is
// the segment.
//
// Properties: reading never goes past the bytes, never aborts and gives a kStorage error or a
// value; skipping k values lands where reading k does (the next value is the same); the values
// of every column read whole, written again with SegmentWriter, read back equal, and writing
// those again gives the same bytes (the writer's encoding is canonical).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "fuzz_check.h"
#include "store/column_codec.h"

namespace {

using cp::Decimal;
using cp::ErrorCode;
using cp::store::ColumnReader;
using cp::store::SegmentReader;
using cp::store::SegmentWriter;

enum class Kind { kUint, kInt, kText, kDecimal };
using Value = std::variant<uint64_t, int64_t, std::string, Decimal>;

constexpr size_t kMaxRowsRead = 4096;  // a damaged header may claim billions of rows

// Reads one value of `kind`; false (and an error checked to be kStorage) when the bytes end.
bool read_one(ColumnReader& column, Kind kind, Value& out) {
  auto check_error = [](const cp::Error& error) {
    CP_FUZZ_CHECK(error.code == ErrorCode::kStorage, "a damaged segment is a storage error");
    return false;
  };
  switch (kind) {
    case Kind::kUint: {
      auto v = column.get_uint();
      if (!v.ok()) return check_error(v.error());
      out = *v;
      return true;
    }
    case Kind::kInt: {
      auto v = column.get_int();
      if (!v.ok()) return check_error(v.error());
      out = *v;
      return true;
    }
    case Kind::kText: {
      auto v = column.get_text();
      if (!v.ok()) return check_error(v.error());
      out = std::string(*v);
      return true;
    }
    case Kind::kDecimal: {
      auto v = column.get_decimal();
      if (!v.ok()) return check_error(v.error());
      CP_FUZZ_CHECK(v->scale() >= 0 && v->scale() <= Decimal::kMaxScale, "a decimal's scale");
      out = *v;
      return true;
    }
  }
  return false;
}

bool skip(ColumnReader& column, Kind kind, size_t count) {
  cp::Result<void> skipped = cp::Ok{};
  if (kind == Kind::kText) {
    skipped = column.skip_texts(count);
  } else if (kind == Kind::kDecimal) {
    skipped = column.skip_decimals(count);
  } else {
    skipped = column.skip_uints(count);
  }
  return skipped.ok();
}

void write_one(cp::store::ColumnWriter& column, const Value& value) {
  if (const auto* u = std::get_if<uint64_t>(&value)) column.put_uint(*u);
  if (const auto* i = std::get_if<int64_t>(&value)) column.put_int(*i);
  if (const auto* t = std::get_if<std::string>(&value)) column.put_text(*t);
  if (const auto* d = std::get_if<Decimal>(&value)) column.put_decimal(*d);
}

void fuzz_one(std::string_view input) {
  if (input.size() < 2) return;
  const size_t columns = static_cast<unsigned char>(input[0]) % 16 + 1;
  const auto kinds_byte = static_cast<unsigned char>(input[1]);
  const std::string_view bytes = input.substr(2);
  std::vector<Kind> kinds;
  for (size_t c = 0; c < columns; ++c)
    kinds.push_back(static_cast<Kind>((kinds_byte >> (2 * (c % 4))) & 3));

  auto opened = SegmentReader::open(bytes, columns);
  if (!opened.ok()) {
    CP_FUZZ_CHECK(opened.error().code == ErrorCode::kStorage,
                  "a damaged header is a storage error");
    return;
  }
  const size_t rows = std::min<size_t>(opened->rows(), kMaxRowsRead);
  std::vector<std::vector<Value>> values(columns);
  std::vector<bool> whole(columns, true);
  for (size_t c = 0; c < columns; ++c) {
    ColumnReader column = opened->column(c);
    for (size_t r = 0; r < rows; ++r) {
      Value v;
      if (!read_one(column, kinds[c], v)) {
        whole[c] = false;
        break;
      }
      values[c].push_back(std::move(v));
    }
    // Skipping the first k values, then reading one, gives the (k+1)th value read above.
    for (size_t k :
         {size_t{0}, values[c].size() / 2, values[c].size() - (values[c].empty() ? 0 : 1)}) {
      if (k >= values[c].size()) continue;
      ColumnReader skipper = opened->column(c);
      CP_FUZZ_CHECK(skip(skipper, kinds[c], k), "skipping values that were read succeeds");
      Value next;
      CP_FUZZ_CHECK(read_one(skipper, kinds[c], next), "the value after a skip reads");
      CP_FUZZ_CHECK(next == values[c][k], "skipping k values lands on the (k+1)th");
    }
  }
  if (rows != opened->rows()) return;
  for (bool w : whole) {
    if (!w) return;
  }
  // Every column read whole: written again, read back equal; written again, the same bytes.
  auto rewrite = [&](const std::vector<std::vector<Value>>& table) {
    SegmentWriter writer(columns);
    for (size_t r = 0; r < rows; ++r) {
      for (size_t c = 0; c < columns; ++c) write_one(writer.column(c), table[c][r]);
      writer.end_row();
    }
    return writer.finish();
  };
  const std::string once = rewrite(values);
  auto again = SegmentReader::open(once, columns);
  CP_FUZZ_CHECK(again.ok(), "a segment the writer wrote opens");
  CP_FUZZ_CHECK(again->rows() == rows, "with its rows");
  std::vector<std::vector<Value>> reread(columns);
  for (size_t c = 0; c < columns; ++c) {
    ColumnReader column = again->column(c);
    for (size_t r = 0; r < rows; ++r) {
      Value v;
      CP_FUZZ_CHECK(read_one(column, kinds[c], v), "a written value reads back");
      reread[c].push_back(std::move(v));
    }
  }
  CP_FUZZ_CHECK(reread == values, "the values read back are the values written");
  CP_FUZZ_CHECK(rewrite(reread) == once, "writing the same values gives the same bytes");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz_one(cp::fuzz::as_text(data, size));
  return 0;
}
