#include "store/sqlite_database.h"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <string>
#include <unordered_map>
#include <utility>

namespace cp::store {
namespace {

// A write refused because another writer committed after this transaction's snapshot
// (SQLITE_BUSY_SNAPSHOT) is worth running again and says so (kSerializationFailure).
Error sqlite_error(sqlite3* db, const std::string& what) {
  Error error = make_error(ErrorCode::kStorage, what + ": " + sqlite3_errmsg(db));
  if (sqlite3_extended_errcode(db) == SQLITE_BUSY_SNAPSHOT) error.reason = kSerializationFailure;
  return error;
}

Result<void> bind_all(sqlite3* db, sqlite3_stmt* stmt, const std::vector<Value>& params) {
  const int expected = sqlite3_bind_parameter_count(stmt);
  if (expected != static_cast<int>(params.size())) {
    return make_error(ErrorCode::kInternal, "statement has " + std::to_string(expected) +
                                                " parameters, " + std::to_string(params.size()) +
                                                " given");
  }
  for (size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::monostate>(params[i])) {
      rc = sqlite3_bind_null(stmt, index);
    } else if (const auto* integer = std::get_if<int64_t>(&params[i])) {
      rc = sqlite3_bind_int64(stmt, index, *integer);
    } else if (const auto* bytes = std::get_if<Bytes>(&params[i])) {
      // Bound in place: the caller's params outlive the statement's step.
      rc = sqlite3_bind_blob64(stmt, index, bytes->data.data(), bytes->data.size(), SQLITE_STATIC);
    } else {
      const auto& text = std::get<std::string>(params[i]);
      rc = sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()),
                             SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) return sqlite_error(db, "bind");
  }
  return Ok{};
}

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  Result<int64_t> execute(const std::vector<Value>& params) override {
    sqlite3_reset(stmt_);
    CP_RETURN_IF_ERROR(bind_all(db_, stmt_, params));
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW) rc = sqlite3_step(stmt_);
    sqlite3_clear_bindings(stmt_);  // bytes are bound in place: no pointer outlives the call
    if (rc != SQLITE_DONE) return sqlite_error(db_, "execute");
    return static_cast<int64_t>(sqlite3_changes(db_));
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

// A prepared statement on loan: a cached one goes back reset and unbound, an uncached one is
// finalized.
class Lease {
 public:
  Lease(sqlite3_stmt* stmt, bool* in_use) : stmt_(stmt), in_use_(in_use) {}
  Lease(Lease&& other) noexcept
      : stmt_(std::exchange(other.stmt_, nullptr)), in_use_(other.in_use_) {}
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  Lease& operator=(Lease&&) = delete;
  ~Lease() {
    if (stmt_ == nullptr) return;
    if (in_use_ == nullptr) {
      sqlite3_finalize(stmt_);
      return;
    }
    sqlite3_reset(stmt_);  // ends its read of the database, whatever step it was at
    sqlite3_clear_bindings(stmt_);
    *in_use_ = false;
  }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_;
  bool* in_use_;  // nullptr: not cached
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteDatabase() override {
    for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
    sqlite3_close_v2(db_);
  }

  Backend backend() const override { return Backend::kSqlite; }
  std::string describe() const override { return "sqlite:" + path_; }

  Result<void> execute_script(std::string_view sql) override {
    char* message = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      Error error = make_error(ErrorCode::kStorage,
                               std::string("sqlite: ") + (message ? message : "unknown error"));
      sqlite3_free(message);
      return error;
    }
    return Ok{};
  }

  Result<int64_t> execute(std::string_view sql, const std::vector<Value>& params) override {
    CP_ASSIGN_OR_RETURN(Lease stmt, prepare_bound(sql, params));
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW) rc = sqlite3_step(stmt.get());
    if (rc != SQLITE_DONE) return sqlite_error(db_, "execute");
    return static_cast<int64_t>(sqlite3_changes(db_));
  }

  Result<QueryResult> query(std::string_view sql, const std::vector<Value>& params) override {
    CP_ASSIGN_OR_RETURN(Lease stmt, prepare_bound(sql, params));
    QueryResult result;
    const int columns = sqlite3_column_count(stmt.get());
    for (int i = 0; i < columns; ++i) {
      result.columns.emplace_back(sqlite3_column_name(stmt.get(), i));
    }
    CP_RETURN_IF_ERROR(each_row(stmt.get(), [&](const Row& row) -> Result<void> {
      result.rows.push_back(row);
      return Ok{};
    }));
    return result;
  }

  Result<void> query_each(std::string_view sql, const std::vector<Value>& params,
                          const RowCallback& each) override {
    CP_ASSIGN_OR_RETURN(Lease stmt, prepare_bound(sql, params));
    return each_row(stmt.get(), each);
  }

  Result<std::unique_ptr<Statement>> prepare(std::string_view sql) override {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
        SQLITE_OK) {
      return sqlite_error(db_, "prepare");
    }
    return std::unique_ptr<Statement>(new SqliteStatement(db_, stmt));
  }

  // IMMEDIATE: a transaction takes the write lock when it begins, so a second connection's
  // writer waits for it (busy timeout) instead of failing with BUSY_SNAPSHOT when it reads first
  // and writes after another connection's commit (the server runs a connection per thread).
  Result<void> begin() override { return execute_script("BEGIN IMMEDIATE"); }
  // Deferred: WAL gives the transaction its snapshot at its first read, and no lock is taken
  // until it writes.
  Result<void> begin_snapshot() override { return execute_script("BEGIN DEFERRED"); }
  // BEGIN IMMEDIATE takes the write lock now, so two migrating processes queue (busy timeout).
  Result<void> begin_exclusive() override { return execute_script("BEGIN IMMEDIATE"); }
  Result<void> commit() override { return execute_script("COMMIT"); }
  Result<void> rollback() override { return execute_script("ROLLBACK"); }

  Result<int64_t> bulk_insert(std::string_view table, const std::vector<std::string>& columns,
                              const RowSource& next_row) override {
    // Several rows to a statement: each execution of an INSERT opens and closes a statement
    // journal and halts its program, which cost more than the row itself when a run stores
    // millions of rows. Within the 999 parameters older SQLite builds allow.
    const size_t batch_rows = std::clamp<size_t>(999 / std::max<size_t>(columns.size(), 1), 1, 64);
    auto insert_of = [&](size_t rows) {
      std::string sql = "INSERT INTO " + std::string(table) + " (";
      std::string marks = "(";
      for (size_t i = 0; i < columns.size(); ++i) {
        sql += (i ? ", " : "") + columns[i];
        marks += i ? ", ?" : "?";
      }
      marks += ")";
      sql += ") VALUES ";
      for (size_t r = 0; r < rows; ++r) sql += (r ? ", " : "") + marks;
      return sql;
    };
    CP_ASSIGN_OR_RETURN(auto full_batch, prepare(insert_of(batch_rows)));
    std::vector<Value> row;
    std::vector<Value> batch;  // the rows not yet inserted, one after the other
    batch.reserve(batch_rows * columns.size());
    int64_t count = 0;
    while (true) {
      row.clear();
      if (!next_row(row)) break;
      if (row.size() != columns.size()) {
        return make_error(ErrorCode::kStorage, "bulk insert into " + std::string(table) +
                                                   ": a row of " + std::to_string(row.size()) +
                                                   " values for " + std::to_string(columns.size()) +
                                                   " columns");
      }
      std::move(row.begin(), row.end(), std::back_inserter(batch));
      ++count;
      if (batch.size() == batch_rows * columns.size()) {
        CP_RETURN_IF_ERROR(full_batch->execute(batch));
        batch.clear();
      }
    }
    if (!batch.empty()) {
      CP_ASSIGN_OR_RETURN(auto rest, prepare(insert_of(batch.size() / columns.size())));
      CP_RETURN_IF_ERROR(rest->execute(batch));
    }
    return count;
  }

 private:
  // Statements by their SQL text: the server runs the same few per request, and preparing one
  // costs about as much as running it. Bounded (SQL built from data is not cached past the
  // limit); one in use — a query inside another's row callback — is never lent twice.
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };
  static constexpr size_t kCachedStatementsMax = 256;

  Result<Lease> prepare_bound(std::string_view sql, const std::vector<Value>& params) {
    sqlite3_stmt* stmt = nullptr;
    bool* in_use = nullptr;
    auto found = cache_.find(std::string(sql));
    if (found != cache_.end() && !found->second.in_use) {
      stmt = found->second.stmt;
      in_use = &found->second.in_use;
    } else {
      if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
          SQLITE_OK) {
        return sqlite_error(db_, "prepare");
      }
      if (found == cache_.end() && cache_.size() < kCachedStatementsMax) {
        // Node-based map: the in_use flag's address stays valid as the map grows.
        Cached& cached = cache_[std::string(sql)];
        cached.stmt = stmt;
        in_use = &cached.in_use;
      }
    }
    if (in_use != nullptr) *in_use = true;
    Lease lease(stmt, in_use);
    CP_RETURN_IF_ERROR(bind_all(db_, lease.get(), params));
    return lease;
  }

  std::unordered_map<std::string, Cached> cache_;

  // Steps through every row, passing each in one reused Row.
  Result<void> each_row(sqlite3_stmt* stmt, const RowCallback& each) {
    const int columns = sqlite3_column_count(stmt);
    Row row(std::vector<std::optional<std::string>>(static_cast<size_t>(columns)));
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      for (int i = 0; i < columns; ++i) {
        if (sqlite3_column_type(stmt, i) == SQLITE_NULL) {
          row.assign(static_cast<size_t>(i), std::nullopt);
        } else {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
          row.assign(static_cast<size_t>(i),
                     std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(stmt, i))));
        }
      }
      CP_RETURN_IF_ERROR(each(row));
    }
    if (rc != SQLITE_DONE) return sqlite_error(db_, "query");
    return Ok{};
  }

  sqlite3* db_;
  std::string path_;
};

}  // namespace

Result<std::unique_ptr<Database>> open_sqlite(const std::string& path) {
  if (path.empty()) return invalid_input("empty SQLite path", "db");
  if (path != ":memory:") {
    const auto parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) {
      return make_error(ErrorCode::kStorage,
                        "cannot create directory " + parent.string() + ": " + ec.message());
    }
  }
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  auto database = std::make_unique<SqliteDatabase>(db, path);
  if (rc != SQLITE_OK) return sqlite_error(db, "cannot open " + path);
  sqlite3_busy_timeout(db, 10'000);
  CP_RETURN_IF_ERROR(database->execute_script(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
      // 256 MiB of page cache (negative = KiB): an EOD rewrites hundreds of thousands of rows.
      "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;"));
  return std::unique_ptr<Database>(std::move(database));
}

}  // namespace cp::store
