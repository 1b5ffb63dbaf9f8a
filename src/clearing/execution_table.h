// A day's executions as columns (issue 15 §2–3): what the end of day clears, marks and rolls
// holdings forward with, held as a few flat arrays instead of one record of three strings each.
// At ten million executions the records took 1.6 GB and a string copy apiece to load; the
// columns take about 40 bytes an execution: each account and security id is stored once and
// referred to by a dense number, the trade ids share one buffer, the price is its units.
//
// Rows are read through ExecutionRef, a handle of the table and a row number, as cheap to copy
// as a pointer; its views stay valid while the table lives and takes no more rows.
#pragma once

#include <cstdint>
#include <deque>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "clearing/execution.h"
#include "core/prefetch.h"
#include "core/text_map.h"

namespace cp::clearing {

class ExecutionTable;

class ExecutionRef {
 public:
  ExecutionRef() = default;  // refers to nothing: only assigned to
  ExecutionRef(const ExecutionTable& table, size_t row)
      : table_(&table), row_(static_cast<uint32_t>(row)) {}

  std::string_view trade_id() const;
  Date trade_date() const;
  Channel channel() const;
  std::string_view account_id() const;
  // The account's number in its table: equal numbers, equal accounts (within one table).
  uint32_t account_number() const;
  // The security's number in its table, the same way.
  uint32_t security_number() const;
  // The table the row is in.
  const ExecutionTable& table() const { return *table_; }
  std::string_view security_code() const;
  Side side() const;
  int64_t quantity() const;  // shares
  Decimal price_hkd() const;
  // price × quantity in HKD, exact (no rounding: the price has at most 3 decimals).
  Decimal consideration_hkd() const { return price_hkd() * Decimal::from_int(quantity()); }
  Execution to_execution() const;

 private:
  const ExecutionTable* table_ = nullptr;
  uint32_t row_ = 0;
};

class ExecutionTable {
 public:
  ExecutionTable() = default;
  ExecutionTable(std::initializer_list<Execution> executions);
  explicit ExecutionTable(const std::vector<Execution>& executions);
  ExecutionTable(const ExecutionTable&) = delete;  // refs point at it
  ExecutionTable& operator=(const ExecutionTable&) = delete;
  ExecutionTable(ExecutionTable&&) = default;
  ExecutionTable& operator=(ExecutionTable&&) = default;

  void reserve(size_t rows);
  // Appends a row. The price's units must fit 64 bits (an imported price always does);
  // returns false, adding nothing, if they do not.
  bool add(std::string_view trade_id, Date trade_date, Channel channel, std::string_view account,
           std::string_view security, Side side, int64_t quantity, const Decimal& price_hkd);
  bool add(const Execution& e) {
    return add(e.trade_id, e.trade_date, e.channel, e.account_id, e.security_code, e.side,
               e.quantity, e.price_hkd);
  }
  size_t size() const { return channel_.size(); }
  bool empty() const { return channel_.empty(); }
  ExecutionRef operator[](size_t row) const { return ExecutionRef(*this, row); }
  // Asks the processor to fetch `row`'s fields, then (a call for a nearer row, once those have
  // arrived) its texts: a caller going through rows out of order (the import's stored order)
  // otherwise waits for memory once per column per row. Changes nothing observable.
  void prefetch_fields(size_t row) const;
  void prefetch_texts(size_t row) const;
  // The rows as records (tests, small days).
  std::vector<Execution> to_executions() const;
  // Each account id of the rows, once, in the order first seen: ExecutionRef::account_number()
  // indexes it.
  const std::deque<std::string>& accounts() const { return accounts_; }
  // Each security code of the rows, once, in the order first seen.
  const std::deque<std::string>& security_codes() const { return securities_; }

  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = ExecutionRef;
    using difference_type = std::ptrdiff_t;
    Iterator(const ExecutionTable* table, size_t row) : table_(table), row_(row) {}
    ExecutionRef operator*() const { return ExecutionRef(*table_, row_); }
    Iterator& operator++() {
      ++row_;
      return *this;
    }
    bool operator==(const Iterator& other) const { return row_ == other.row_; }

   private:
    const ExecutionTable* table_;
    size_t row_;
  };
  Iterator begin() const { return Iterator(this, 0); }
  Iterator end() const { return Iterator(this, size()); }

 private:
  friend class ExecutionRef;
  // The number of `text` in `texts`, added if new; `last` is the previous row's (rows come
  // grouped by account, so most look-ups are the one just made).
  // Keyed by a copy of the text, not a view of it: a short id (most are) then sits in the map's
  // own slot, so a look-up compares it without a further trip to memory (the import of ten
  // million executions spent a tenth of its time there).
  using Numbers = TextMap<uint32_t>;
  static uint32_t number_of(std::string_view text, std::deque<std::string>& texts, Numbers& numbers,
                            const std::vector<uint32_t>& column);

  std::string trade_ids_;               // every trade id, one after the other
  std::vector<uint64_t> trade_id_end_;  // where each row's ends in trade_ids_
  std::vector<Date> trade_date_;
  std::vector<Channel> channel_;
  std::vector<uint32_t> account_;   // into accounts_
  std::vector<uint32_t> security_;  // into securities_
  // Deques: their texts never move (as they grow, or as the table moves), so the refs' views
  // stay put. The numbers' maps hold their own copies (see Numbers).
  std::deque<std::string> accounts_;
  std::deque<std::string> securities_;
  Numbers account_numbers_;
  Numbers security_numbers_;
  std::vector<Side> side_;
  std::vector<int64_t> quantity_;
  std::vector<int64_t> price_units_;
  std::vector<uint8_t> price_scale_;
};

inline void ExecutionTable::prefetch_fields(size_t row) const {
  if (row > 0) prefetch(&trade_id_end_[row - 1]);
  prefetch(&trade_id_end_[row]);
  prefetch(&trade_date_[row]);
  prefetch(&channel_[row]);
  prefetch(&account_[row]);
  prefetch(&security_[row]);
  prefetch(&side_[row]);
  prefetch(&quantity_[row]);
  prefetch(&price_units_[row]);
  prefetch(&price_scale_[row]);
}

inline void ExecutionTable::prefetch_texts(size_t row) const {
  prefetch(trade_ids_.data() + (row == 0 ? 0 : trade_id_end_[row - 1]));
  prefetch(&accounts_[account_[row]]);
}

inline std::string_view ExecutionRef::trade_id() const {
  const uint64_t begin = row_ == 0 ? 0 : table_->trade_id_end_[row_ - 1];
  return std::string_view(table_->trade_ids_).substr(begin, table_->trade_id_end_[row_] - begin);
}
inline Date ExecutionRef::trade_date() const {
  return table_->trade_date_[row_];
}
inline Channel ExecutionRef::channel() const {
  return table_->channel_[row_];
}
inline uint32_t ExecutionRef::account_number() const {
  return table_->account_[row_];
}
inline std::string_view ExecutionRef::account_id() const {
  return table_->accounts_[table_->account_[row_]];
}
inline uint32_t ExecutionRef::security_number() const {
  return table_->security_[row_];
}
inline std::string_view ExecutionRef::security_code() const {
  return table_->securities_[table_->security_[row_]];
}
inline Side ExecutionRef::side() const {
  return table_->side_[row_];
}
inline int64_t ExecutionRef::quantity() const {
  return table_->quantity_[row_];
}
inline Decimal ExecutionRef::price_hkd() const {
  return Decimal::from_units(table_->price_units_[row_], table_->price_scale_[row_]);
}

}  // namespace cp::clearing
