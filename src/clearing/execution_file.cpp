#include "clearing/execution_file.h"

#include <deque>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>

#include "absl/container/flat_hash_set.h"
#include "clearing/csv_fields.h"
#include "core/assert.h"
#include "core/batch_handoff.h"
#include "core/text_map.h"

namespace cp::clearing {
namespace {

// Rows' trade ids hashed and compared through their row numbers in the table.
struct TradeIdHash {
  const ExecutionTable* table;
  size_t operator()(uint32_t row) const {
    return absl::Hash<std::string_view>{}((*table)[row].trade_id());
  }
};
struct TradeIdEq {
  const ExecutionTable* table;
  bool operator()(uint32_t a, uint32_t b) const {
    return (*table)[a].trade_id() == (*table)[b].trade_id();
  }
};

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

// The table's thread: numbers and stores each row, refusing a trade id seen before. Stops at
// that row, keeping it, and lets the reading thread know.
class TableBuilder {
 public:
  explicit TableBuilder(size_t capacity)
      : seen_(0, TradeIdHash{&out_.table}, TradeIdEq{&out_.table}) {
    out_.table.reserve(capacity);
    out_.lines.reserve(capacity);
    // Room for every row: growing rehashes each id, through the table, at random.
    seen_.reserve(capacity);
  }
  // False at a trade id seen before (then `duplicate()` is that row).
  bool add(const CheckedRow& row) {
    // A price within the spread table (under HKD 10,000, 3 decimals) fits 64-bit units.
    CP_ASSERT(out_.table.add(row.trade_id, row.trade_date, row.channel, row.account, row.security,
                             row.side, row.quantity, row.price),
              "a price on the spread table beyond 64 bits");
    out_.lines.push_back(row.line);
    if (!seen_.insert(static_cast<uint32_t>(out_.table.size() - 1)).second) {
      duplicate_ = row;
      return false;
    }
    return true;
  }
  const std::optional<CheckedRow>& duplicate() const { return duplicate_; }
  ExecutionFile take() { return std::move(out_); }

 private:
  ExecutionFile out_;
  // The rows' trade ids, as row numbers (a set of ten million strings cost more than the rest of
  // the parse).
  absl::flat_hash_set<uint32_t, TradeIdHash, TradeIdEq> seen_;
  std::optional<CheckedRow> duplicate_;
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
        for (const CheckedRow& row : batch) {
          if (!builder.add(row)) {
            handoff.taker_stopped();
            return;
          }
        }
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
  if (const auto& repeated = builder.duplicate()) {
    return reader.field_error_at(
        repeated->trade_id_offset, checker.trade_id_column(),
        "trade " + std::string(repeated->trade_id) + " appears twice in the file");
  }
  CP_RETURN_IF_ERROR(read);
  return builder.take();
}

}  // namespace cp::clearing
