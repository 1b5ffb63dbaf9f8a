#include "clearing/execution_file.h"

#include <algorithm>
#include <array>
#include <deque>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "clearing/csv_fields.h"
#include "core/assert.h"
#include "core/batch_handoff.h"
#include "core/text_map.h"

namespace cp::clearing {
namespace {

// A record the reading thread has checked, for the table's thread. The texts view the reader's
// input, or the reading thread's own copies of a record's quoted fields with "" in them.
struct CheckedRow {
  std::string_view trade_id;
  std::string_view account;
  std::string_view security;
  Date trade_date;
  Channel channel = Channel::kShanghai;
  Side side = Side::kBuy;
  int64_t quantity = 0;
  Decimal price;
  int64_t line = 0;
  size_t trade_id_offset = 0;  // in the input, for an error naming the field
};
using CheckedRows = std::vector<CheckedRow>;

// The table's thread: numbers and stores each row, and notes each trade id's hash for the check
// that no id repeats (repeated_row).
class TableBuilder {
 public:
  explicit TableBuilder(size_t capacity) {
    out_.table.reserve(capacity);
    out_.lines.reserve(capacity);
    trade_id_offsets_.reserve(capacity);
    // An even share of the rows and an eighth more (the parts of a good hash differ by far
    // less), so that no part moves while rows are added; one that does simply grows.
    for (auto& part : by_hash_) part.reserve(capacity / by_hash_.size() * 9 / 8 + 64);
  }
  void add(const CheckedRow& row) {
    // A price within the spread table (under HKD 10,000, 3 decimals) fits 64-bit units.
    CP_ASSERT(out_.table.add(row.trade_id, row.trade_date, row.channel, row.account, row.security,
                             row.side, row.quantity, row.price),
              "a price on the spread table beyond 64 bits");
    out_.lines.push_back(row.line);
    trade_id_offsets_.push_back(row.trade_id_offset);
    const uint64_t hash = absl::Hash<std::string_view>{}(row.trade_id);
    by_hash_[hash >> kPartShift].push_back({hash, static_cast<uint32_t>(out_.table.size() - 1)});
  }
  // The first row (in the file's order) whose trade id an earlier row has, if any. The ids are
  // compared within each part of their hashes, sorted: a set of ten million ids looked up per row
  // waited for memory on nearly every row (two thirds of this thread's time at 10M), where a
  // part of some 40,000 sorts in the cache.
  std::optional<uint32_t> repeated_row() {
    std::optional<uint32_t> first;
    for (auto& part : by_hash_) {
      std::sort(part.begin(), part.end(), [](const HashedRow& a, const HashedRow& b) {
        return a.hash != b.hash ? a.hash < b.hash : a.row < b.row;
      });
      for (size_t run = 0; run < part.size();) {
        size_t end = run + 1;
        while (end < part.size() && part[end].hash == part[run].hash) ++end;
        // Rows of one hash (almost always one): each against the earlier ones, by text.
        for (size_t later = run + 1; later < end; ++later) {
          const std::string_view id = out_.table[part[later].row].trade_id();
          for (size_t earlier = run; earlier < later; ++earlier) {
            if (out_.table[part[earlier].row].trade_id() != id) continue;
            if (!first || part[later].row < *first) first = part[later].row;
            break;
          }
        }
        run = end;
      }
      std::vector<HashedRow>().swap(part);
    }
    return first;
  }
  size_t trade_id_offset(uint32_t row) const { return trade_id_offsets_[row]; }
  std::string_view trade_id(uint32_t row) const { return out_.table[row].trade_id(); }
  ExecutionFile take() { return std::move(out_); }

 private:
  struct HashedRow {
    uint64_t hash;
    uint32_t row;
  };
  static constexpr int kPartShift = 56;  // 256 parts by the hash's top byte
  ExecutionFile out_;
  std::vector<size_t> trade_id_offsets_;  // by row
  std::array<std::vector<HashedRow>, 256> by_hash_;
};

// The reading thread's checks, record by record.
class RecordChecker {
 public:
  RecordChecker(CsvReader& reader, const refdata::SecurityMaster& securities,
                const refdata::SpreadTable& spread_table)
      : reader_(reader), securities_(securities), spread_table_(spread_table) {}

  Result<void> columns() {
    CP_RETURN_IF_ERROR(reader_.require_columns(
        {"trade_id", "trade_date", "channel", "account", "security", "side", "quantity", "price"}));
    id_col_ = *reader_.column("trade_id");
    date_col_ = *reader_.column("trade_date");
    channel_col_ = *reader_.column("channel");
    account_col_ = *reader_.column("account");
    security_col_ = *reader_.column("security");
    side_col_ = *reader_.column("side");
    quantity_col_ = *reader_.column("quantity");
    price_col_ = *reader_.column("price");
    return Ok{};
  }
  size_t trade_id_column() const { return id_col_; }

  // The next record, checked, into `row`; false at the end of the input.
  Result<bool> next(CheckedRow& row) {
    CP_ASSIGN_OR_RETURN(bool more, reader_.next(record_));
    if (!more) return false;
    if (++rows_ >= UINT32_MAX) {
      return reader_.record_error(record_, "more than 4,294,967,294 executions in one file");
    }
    row.trade_id = record_[id_col_];
    if (row.trade_id.empty()) return reader_.field_error(record_, id_col_, "trade_id required");
    CP_ASSIGN_OR_RETURN(row.trade_date, date_field(reader_, record_, date_col_));
    if (row.trade_date != checked_date_) {
      checked_date_ = row.trade_date;
      known_securities_.clear();
      prices_on_tick_.clear();
    }
    CP_ASSIGN_OR_RETURN(row.channel, channel_field(reader_, record_, channel_col_));
    row.account = record_[account_col_];
    if (row.account.empty()) {
      return reader_.field_error(record_, account_col_, "account required");
    }
    row.security = record_[security_col_];
    if (!known_securities_.contains(row.security)) {
      if (auto known = securities_.on(row.security, row.trade_date); !known.ok()) {
        return reader_.field_error(record_, security_col_, known.error().message);
      }
      known_securities_.insert(std::string(row.security));
    }
    auto side = parse_side(record_[side_col_]);
    if (!side.ok()) return reader_.field_error(record_, side_col_, side.error().message);
    row.side = *side;
    CP_ASSIGN_OR_RETURN(Decimal quantity, decimal_field(reader_, record_, quantity_col_, 0, true));
    if (quantity.units() > Int128(kSharesMax)) {
      return reader_.field_error(record_, quantity_col_, "quantity is implausibly large");
    }
    row.quantity = static_cast<int64_t>(quantity.units());
    CP_ASSIGN_OR_RETURN(row.price, decimal_field(reader_, record_, price_col_, 3, true));
    CP_RETURN_IF_ERROR(check_tick(row.price, row.trade_date));
    row.line = record_.line();
    row.trade_id_offset = record_.field_offset(id_col_);
    if (record_.has_own_fields()) {
      // The record's own storage is reused by the next record: the table's thread gets copies,
      // which never move (a deque's elements stay put as it grows).
      row.trade_id = kept_.emplace_back(row.trade_id);
      row.account = kept_.emplace_back(row.account);
      row.security = kept_.emplace_back(row.security);
    }
    return true;
  }

 private:
  // An exchange execution is on the tick of its day (SPEC TRD-6). What holds for one trade date
  // and price holds for every row of it: the spread table is asked once per date and price.
  Result<void> check_tick(const Decimal& price, Date trade_date) {
    const auto units = static_cast<UInt128>(price.units());
    const auto key = std::make_tuple(static_cast<uint64_t>(units >> 64),
                                     static_cast<uint64_t>(units), price.scale());
    if (prices_on_tick_.contains(key)) return Ok{};
    auto version = spread_table_.version_on(trade_date);
    if (!version.ok()) return reader_.field_error(record_, date_col_, version.error().message);
    const auto* band = refdata::band_for(**version, price);
    if (band == nullptr ||
        !(divide(price - band->price_from, band->tick, 0, Rounding::kFloor) * band->tick ==
          price - band->price_from)) {
      return reader_.field_error(
          record_, price_col_,
          "price " + price.to_string() +
              (band == nullptr ? " is outside the spread table"
                               : " is not on the " + band->tick.to_string() + " tick") +
              " for " + trade_date.to_string());
    }
    prices_on_tick_.insert(key);
    return Ok{};
  }

  CsvReader& reader_;
  const refdata::SecurityMaster& securities_;
  const refdata::SpreadTable& spread_table_;
  size_t id_col_ = 0;
  size_t date_col_ = 0;
  size_t channel_col_ = 0;
  size_t account_col_ = 0;
  size_t security_col_ = 0;
  size_t side_col_ = 0;
  size_t quantity_col_ = 0;
  size_t price_col_ = 0;
  CsvRecord record_;
  uint64_t rows_ = 0;
  // The security master is asked once per trade date and code.
  Date checked_date_;
  TextSet known_securities_;
  // A price by its units' two halves and its scale.
  absl::flat_hash_set<std::tuple<uint64_t, uint64_t, int>> prices_on_tick_;
  std::deque<std::string> kept_;
};

}  // namespace

Result<ExecutionFile> parse_executions(CsvReader& reader, const refdata::SecurityMaster& securities,
                                       const refdata::SpreadTable& spread_table,
                                       size_t batch_rows) {
  CP_ASSERT(batch_rows > 0, "a batch holds at least one row");
  RecordChecker checker(reader, securities, spread_table);
  CP_RETURN_IF_ERROR(checker.columns());
  // Straight into columns: at ten million rows, records of three strings each took 3 GB, and
  // clearing their pages for the first time alone a sixth of the import.
  TableBuilder builder(reader.lines_left());
  BatchHandoff<CheckedRows> handoff;
  std::exception_ptr builder_error;
  std::thread table_thread([&] {
    try {
      CheckedRows batch;
      while (handoff.take(batch)) {
        for (const CheckedRow& row : batch) builder.add(row);
        handoff.give_back(std::move(batch));
      }
    } catch (...) {
      builder_error = std::current_exception();
      handoff.taker_stopped();
    }
  });
  // The reading thread: stops at its first error, or when the table's thread stops.
  Result<void> read = Ok{};
  try {
    CheckedRows batch;
    batch.reserve(batch_rows);
    CheckedRow row;
    bool taking = true;
    while (taking) {
      auto more = checker.next(row);
      if (!more.ok()) {
        read = std::move(more).error();
        break;
      }
      if (!*more) break;
      batch.push_back(row);
      if (batch.size() == batch_rows) {
        taking = handoff.give(batch);
        batch.reserve(batch_rows);
      }
    }
    if (taking && !batch.empty()) handoff.give(batch);
  } catch (...) {
    handoff.producer_done();
    table_thread.join();
    throw;
  }
  handoff.producer_done();
  table_thread.join();
  if (builder_error) std::rethrow_exception(builder_error);
  // A repeated id is in a row the reading thread passed, so before any error of its own.
  if (const std::optional<uint32_t> repeated = builder.repeated_row()) {
    return reader.field_error_at(
        builder.trade_id_offset(*repeated), checker.trade_id_column(),
        "trade " + std::string(builder.trade_id(*repeated)) + " appears twice in the file");
  }
  CP_RETURN_IF_ERROR(read);
  return builder.take();
}

}  // namespace cp::clearing
