#include "store/import_store.h"

#include <algorithm>
#include <future>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "absl/container/flat_hash_map.h"
#include "store/execution_segments.h"
#include "store/execution_store.h"
#include "store/input_generation.h"

namespace cp::store {
namespace {

Error conflict_at(const std::string& file, int64_t line, const std::string& field,
                  const std::string& message) {
  Error error = make_error(ErrorCode::kConflict, message);
  error.file = file;
  error.line = line;
  error.field = field;
  return error;
}

Error unknown_account(const std::string& file, int64_t line, const std::string& account_id) {
  Error error =
      invalid_input("unknown account " + account_id + ": import accounts first", "account");
  error.file = file;
  error.line = line;
  return error;
}

// A statement of a date (positions, cash) replaces the earlier statement of that date: every
// row's account must exist, then the dates' rows go and the file's come in, in one transaction.
// The rows are bulk-loaded (a broker's cash statement has a row per account: millions).
template <typename StatementRow, typename ValuesOf>
Result<ImportCounts> replace_statements(Database& db, const std::vector<StatementRow>& rows,
                                        const std::string& file, const std::string& table,
                                        const std::vector<std::string>& columns,
                                        ValuesOf values_of) {
  ImportCounts counts;
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(auto known, known_account_ids(db));
  std::set<std::string> dates;
  for (const auto& row : rows) {
    if (!known.count(row.account_id)) return unknown_account(file, row.line, row.account_id);
    dates.insert(row.as_of.to_string());
  }
  for (const auto& date : dates) {
    CP_RETURN_IF_ERROR(db.execute("DELETE FROM " + table + " WHERE as_of = ?", {date}));
  }
  auto next = rows.begin();
  CP_ASSIGN_OR_RETURN(counts.inserted,
                      db.bulk_insert(table, columns, [&](std::vector<Value>& values) {
                        if (next == rows.end()) return false;
                        values = values_of(*next++);
                        return true;
                      }));
  // An EOD computing meanwhile computes again (store/input_generation.h) if anything changed.
  if (counts.inserted + counts.replaced > 0) CP_RETURN_IF_ERROR(bump_eod_input_generation(db));
  CP_RETURN_IF_ERROR(tx.commit());
  return counts;
}

// One balance of a statement (a reserve account, a bank account, a batch check) and its key.
struct KeyedBalance {
  std::vector<Value> key;
  Decimal balance_rmb;
};

// Each balance replaces the one stored under its key: a statement re-sent for a date wins.
Result<ImportCounts> replace_balances(Database& db, const std::string& table,
                                      const std::vector<std::string>& key_columns,
                                      const std::vector<KeyedBalance>& balances) {
  std::string where;
  std::string columns;
  std::string marks;
  for (const auto& column : key_columns) {
    where += (where.empty() ? "" : " AND ") + column + " = ?";
    columns += column + ", ";
    marks += "?, ";
  }
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(auto remove, db.prepare("DELETE FROM " + table + " WHERE " + where));
  CP_ASSIGN_OR_RETURN(auto insert, db.prepare("INSERT INTO " + table + " (" + columns +
                                              "balance_rmb) VALUES (" + marks + "?)"));
  ImportCounts counts;
  for (const auto& balance : balances) {
    CP_ASSIGN_OR_RETURN(int64_t removed, remove->execute(balance.key));
    std::vector<Value> params = balance.key;
    params.push_back(decimal_value(balance.balance_rmb));
    CP_RETURN_IF_ERROR(insert->execute(params));
    ++(removed > 0 ? counts.replaced : counts.inserted);
  }
  // An EOD computing meanwhile computes again (store/input_generation.h) if anything changed.
  if (counts.inserted + counts.replaced > 0) CP_RETURN_IF_ERROR(bump_eod_input_generation(db));
  CP_RETURN_IF_ERROR(tx.commit());
  return counts;
}

}  // namespace

Result<ImportCounts> import_accounts(Database& db, const std::vector<clearing::AccountRow>& rows,
                                     const std::string& file) {
  (void)file;
  ImportCounts counts;
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(QueryResult existing,
                      db.query("SELECT account_id, account_type, money_kind, commission_rate, "
                               "commission_min_hkd, a_share_online_rate FROM account"));
  std::unordered_map<std::string, const Row*> stored;
  for (const Row& row : existing.rows) stored[row.text(0)] = &row;
  std::vector<const clearing::AccountRow*> fresh;  // inserted together after the updates
  CP_ASSIGN_OR_RETURN(auto update,
                      db.prepare("UPDATE account SET account_type = ?, money_kind = ?, "
                                 "commission_rate = ?, commission_min_hkd = ?, "
                                 "a_share_online_rate = ? WHERE account_id = ?"));
  for (const auto& row : rows) {
    const auto& a = row.account;
    auto found = stored.find(a.account_id);
    if (found == stored.end()) {
      fresh.push_back(&row);
      continue;
    }
    const Row& old = *found->second;
    const bool same = old.text(1) == account_type_code(a.account_type) &&
                      old.text(2) == money_kind_code(a.money_kind) &&
                      old.decimal(3) == a.commission_rate &&
                      old.decimal(4) == a.commission_min_hkd && !old.is_null(5) &&
                      old.decimal(5) == row.a_share_online_rate;
    if (same) {
      ++counts.unchanged;
      continue;
    }
    CP_RETURN_IF_ERROR(
        update->execute({account_type_text(a.account_type), money_kind_text(a.money_kind),
                         decimal_value(a.commission_rate), decimal_value(a.commission_min_hkd),
                         decimal_value(row.a_share_online_rate), a.account_id}));
    ++counts.replaced;
  }
  // A bulk load: a broker's millions of accounts (COPY on PostgreSQL, batched on SQLite), in
  // the key's order: each row then lands beside the one before in the primary key's and the
  // type index's B-trees, where the file's order ("A10" before "A2"…) scattered them.
  std::sort(fresh.begin(), fresh.end(), [](const auto* a, const auto* b) {
    return a->account.account_id < b->account.account_id;
  });
  auto next = fresh.begin();
  CP_ASSIGN_OR_RETURN(counts.inserted,
                      db.bulk_insert("account",
                                     {"account_id", "account_type", "money_kind", "commission_rate",
                                      "commission_min_hkd", "a_share_online_rate"},
                                     [&](std::vector<Value>& values) {
                                       if (next == fresh.end()) return false;
                                       const clearing::AccountRow& row = **next++;
                                       const clearing::Account& a = row.account;
                                       values = {a.account_id,
                                                 account_type_text(a.account_type),
                                                 money_kind_text(a.money_kind),
                                                 decimal_value(a.commission_rate),
                                                 decimal_value(a.commission_min_hkd),
                                                 decimal_value(row.a_share_online_rate)};
                                       return true;
                                     }));
  // An EOD computing meanwhile computes again (store/input_generation.h) if anything changed.
  if (counts.inserted + counts.replaced > 0) CP_RETURN_IF_ERROR(bump_eod_input_generation(db));
  CP_RETURN_IF_ERROR(tx.commit());
  return counts;
}

Result<ImportCounts> import_executions(Database& db, const clearing::ExecutionFile& parsed,
                                       const std::string& file) {
  const clearing::ExecutionTable& table = parsed.table;
  ImportCounts counts;
  // An execution is known by its trade date and trade id (the parser refuses an id twice in a
  // file); a date already stored is compared row by row and its segments written again whole.
  std::map<Date, std::vector<uint32_t>> by_date;
  for (size_t row = 0; row < table.size(); ++row) {
    by_date[table[row].trade_date()].push_back(static_cast<uint32_t>(row));
  }
  // Each date's rows are put in their stored order on a second thread while this one checks the
  // accounts against the database: at ten million rows each takes a second or two. A new date
  // (the usual case) is written in that order; a re-import orders the merged rows itself.
  std::future<void> ordering = std::async(std::launch::async, [&table, &by_date] {
    for (auto& [date, day_rows] : by_date) order_for_storage(table, day_rows);
  });
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  {
    // Each account of the file once (the table numbers them), then the first row of one that
    // is unknown, for its line.
    CP_ASSIGN_OR_RETURN(const TextSet accounts_known, known_account_ids(db));
    std::vector<bool> known(table.accounts().size());
    for (size_t number = 0; number < known.size(); ++number) {
      known[number] = accounts_known.contains(table.accounts()[number]);
    }
    for (size_t row = 0; row < table.size(); ++row) {
      const clearing::ExecutionRef e = table[row];
      if (!known[e.account_number()]) {
        return unknown_account(file, parsed.lines[row], std::string(e.account_id()));
      }
    }
  }
  ordering.get();
  for (auto& [date, day_rows] : by_date) {
    CP_ASSIGN_OR_RETURN(const clearing::ExecutionTable stored, read_execution_segments(db, date));
    if (stored.empty()) {  // the usual case: a new day
      counts.inserted += static_cast<int64_t>(day_rows.size());
      CP_RETURN_IF_ERROR(write_ordered_execution_segments(db, date, table, day_rows));
      continue;
    }
    // A re-import (rare): the stored rows and the file's new ones, rewritten whole.
    absl::flat_hash_map<std::string_view, uint32_t> stored_by_id;
    stored_by_id.reserve(stored.size());
    for (size_t row = 0; row < stored.size(); ++row) {
      stored_by_id.emplace(stored[row].trade_id(), static_cast<uint32_t>(row));
    }
    std::vector<uint32_t> fresh;
    for (const uint32_t row : day_rows) {
      const clearing::ExecutionRef e = table[row];
      const auto found = stored_by_id.find(e.trade_id());
      if (found == stored_by_id.end()) {
        fresh.push_back(row);
        continue;
      }
      const clearing::ExecutionRef old = stored[found->second];
      const bool same = old.channel() == e.channel() && old.account_id() == e.account_id() &&
                        old.security_code() == e.security_code() && old.side() == e.side() &&
                        old.quantity() == e.quantity() && old.price_hkd() == e.price_hkd();
      if (!same) {
        return conflict_at(file, parsed.lines[row], "trade_id",
                           "trade " + std::string(e.trade_id()) +
                               " was imported before with different content; executions are "
                               "never changed by a re-import");
      }
      ++counts.unchanged;
    }
    if (fresh.empty()) continue;
    std::vector<clearing::Execution> all = stored.to_executions();
    for (const uint32_t row : fresh) all.push_back(table[row].to_execution());
    CP_RETURN_IF_ERROR(write_execution_segments(db, date, all));
    counts.inserted += static_cast<int64_t>(fresh.size());
  }
  // An EOD computing meanwhile computes again (store/input_generation.h) if anything changed.
  if (counts.inserted + counts.replaced > 0) CP_RETURN_IF_ERROR(bump_eod_input_generation(db));
  CP_RETURN_IF_ERROR(tx.commit());
  return counts;
}

Result<ImportCounts> import_prices(Database& db, const std::vector<clearing::ClosingPrice>& rows,
                                   const std::string& file, bool replace) {
  ImportCounts counts;
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  for (const auto& price : rows) {
    CP_ASSIGN_OR_RETURN(QueryResult existing,
                        db.query("SELECT close_hkd FROM closing_price WHERE price_date = ? AND "
                                 "security_code = ?",
                                 {price.price_date.to_string(), price.security_code}));
    if (existing.rows.empty()) {
      CP_RETURN_IF_ERROR(db.execute(
          "INSERT INTO closing_price (price_date, security_code, close_hkd) VALUES (?, ?, ?)",
          {price.price_date.to_string(), price.security_code, decimal_value(price.close_hkd)}));
      ++counts.inserted;
    } else if (existing.rows[0].decimal(0) == price.close_hkd) {
      ++counts.unchanged;
    } else if (replace) {
      CP_RETURN_IF_ERROR(db.execute(
          "UPDATE closing_price SET close_hkd = ? WHERE price_date = ? AND security_code = ?",
          {decimal_value(price.close_hkd), price.price_date.to_string(), price.security_code}));
      ++counts.replaced;
    } else {
      return conflict_at(file, price.line, "close_hkd",
                         "a different close " + existing.rows[0].text(0) + " is stored for " +
                             price.security_code + " on " + price.price_date.to_string() +
                             "; use --replace to correct it");
    }
  }
  // An EOD computing meanwhile computes again (store/input_generation.h) if anything changed.
  if (counts.inserted + counts.replaced > 0) CP_RETURN_IF_ERROR(bump_eod_input_generation(db));
  CP_RETURN_IF_ERROR(tx.commit());
  return counts;
}

Result<ImportCounts> import_fx(Database& db, const std::vector<clearing::FxRates>& rows,
                               const std::string& file, bool replace) {
  ImportCounts counts;
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  for (const auto& fx : rows) {
    const std::vector<Value> key = {fx.rate_date.to_string(),
                                    std::string(channel_code(fx.channel))};
    CP_ASSIGN_OR_RETURN(QueryResult existing,
                        db.query("SELECT reference_buy, reference_sell, settlement_buy, "
                                 "settlement_sell FROM fx_rate WHERE rate_date = ? AND channel = ?",
                                 key));
    const std::vector<Value> values = {
        decimal_value(fx.reference_buy), decimal_value(fx.reference_sell),
        decimal_value(fx.settlement_buy), decimal_value(fx.settlement_sell)};
    if (existing.rows.empty()) {
      std::vector<Value> params = key;
      params.insert(params.end(), values.begin(), values.end());
      CP_RETURN_IF_ERROR(
          db.execute("INSERT INTO fx_rate (rate_date, channel, reference_buy, reference_sell, "
                     "settlement_buy, settlement_sell) VALUES (?, ?, ?, ?, ?, ?)",
                     params));
      ++counts.inserted;
      continue;
    }
    const Row& old = existing.rows[0];
    const bool same = old.decimal(0) == fx.reference_buy && old.decimal(1) == fx.reference_sell &&
                      old.decimal(2) == fx.settlement_buy && old.decimal(3) == fx.settlement_sell;
    if (same) {
      ++counts.unchanged;
    } else if (replace) {
      std::vector<Value> params = values;
      params.insert(params.end(), key.begin(), key.end());
      CP_RETURN_IF_ERROR(db.execute(
          "UPDATE fx_rate SET reference_buy = ?, reference_sell = ?, settlement_buy = ?, "
          "settlement_sell = ? WHERE rate_date = ? AND channel = ?",
          params));
      ++counts.replaced;
    } else {
      return conflict_at(file, fx.line, "channel",
                         "different rates are stored for " + fx.rate_date.to_string() + " " +
                             std::string(channel_code(fx.channel)) +
                             "; use --replace to correct them");
    }
  }
  // SPEC CLR-15: one reference rate serves both channels, whichever file brought each.
  for (const auto& fx : rows) {
    CP_ASSIGN_OR_RETURN(QueryResult stored,
                        db.query("SELECT reference_buy, reference_sell FROM fx_rate WHERE "
                                 "rate_date = ?",
                                 {fx.rate_date.to_string()}));
    for (const Row& other : stored.rows) {
      if (other.decimal(0) != fx.reference_buy || other.decimal(1) != fx.reference_sell) {
        Error error = invalid_input(
            "the reference rates of " + fx.rate_date.to_string() +
                " would differ between sh and sz: one reference rate serves both channels (SPEC "
                "CLR-15); correct both with --replace",
            "reference_buy");
        error.file = file;
        error.line = fx.line;
        return error;
      }
    }
  }
  // An EOD computing meanwhile computes again (store/input_generation.h) if anything changed.
  if (counts.inserted + counts.replaced > 0) CP_RETURN_IF_ERROR(bump_eod_input_generation(db));
  CP_RETURN_IF_ERROR(tx.commit());
  return counts;
}

Result<ImportCounts> import_positions(Database& db, const std::vector<clearing::PositionRow>& rows,
                                      const std::string& file) {
  return replace_statements(db, rows, file, "opening_position",
                            {"as_of", "account_id", "channel", "security_code", "quantity"},
                            [](const clearing::PositionRow& row) -> std::vector<Value> {
                              return {row.as_of.to_string(), row.account_id,
                                      std::string(channel_code(row.channel)), row.security_code,
                                      row.quantity};
                            });
}

Result<ImportCounts> import_reserves(Database& db,
                                     const std::vector<clearing::ReserveBalance>& rows,
                                     const std::string& file) {
  (void)file;
  std::vector<KeyedBalance> balances;
  for (const auto& row : rows) {
    balances.push_back({{row.balance_date.to_string(), std::string(channel_code(row.channel)),
                         money_kind_text(row.reserve)},
                        row.balance_rmb});
  }
  return replace_balances(db, "reserve_balance", {"balance_date", "channel", "reserve"}, balances);
}

Result<ImportCounts> import_bank(Database& db, const std::vector<clearing::BankBalance>& rows,
                                 const std::string& file) {
  (void)file;
  std::vector<KeyedBalance> balances;
  for (const auto& row : rows) {
    balances.push_back(
        {{row.balance_date.to_string(), money_kind_text(row.reserve)}, row.balance_rmb});
  }
  return replace_balances(db, "bank_balance", {"balance_date", "reserve"}, balances);
}

Result<ImportCounts> import_cash(Database& db, const std::vector<clearing::CashRow>& rows,
                                 const std::string& file) {
  return replace_statements(
      db, rows, file, "opening_cash", {"as_of", "account_id", "currency", "amount"},
      [](const clearing::CashRow& row) -> std::vector<Value> {
        return {row.as_of.to_string(), row.account_id, row.currency, decimal_value(row.amount)};
      });
}

Result<ImportCounts> import_reserve_checks(Database& db,
                                           const std::vector<clearing::ReserveCheck>& rows,
                                           const std::string& file) {
  (void)file;
  std::vector<KeyedBalance> balances;
  for (const auto& row : rows) {
    balances.push_back({{row.check_date.to_string(), std::string(channel_code(row.channel)),
                         money_kind_text(row.reserve), row.batch},
                        row.balance_rmb});
  }
  return replace_balances(db, "reserve_check", {"check_date", "channel", "reserve", "batch"},
                          balances);
}

Result<std::optional<clearing::FxRates>> fx_rates_of(Database& db, Date date, Channel channel) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query("SELECT reference_buy, reference_sell, settlement_buy, "
                                          "settlement_sell FROM fx_rate WHERE rate_date = ? AND "
                                          "channel = ?",
                                          {date.to_string(), std::string(channel_code(channel))}));
  if (rows.rows.empty()) return std::optional<clearing::FxRates>();
  const Row& row = rows.rows[0];
  return std::optional<clearing::FxRates>(clearing::FxRates{
      date, channel, row.decimal(0), row.decimal(1), row.decimal(2), row.decimal(3), 0});
}

}  // namespace cp::store
