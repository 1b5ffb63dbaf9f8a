// The one database interface (docs/decisions/0002-storage.md). Two backends: SQLite, the
// embedded default (a file under ./var/), and PostgreSQL for several machines. Domain modules
// never see this header; `store` maps domain structs to tables and `eod`, `server`, `cli` use it.
//
// SQL is written once, with `?` placeholders; the PostgreSQL backend rewrites them to $1, $2…
// Values travel as text (decimals keep every digit) or 64-bit integers; NULL is std::nullopt.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/decimal.h"
#include "core/result.h"
#include "store/secret_seal.h"

namespace cp::store {

enum class Backend { kSqlite, kPostgresql };
const char* backend_name(Backend backend);

// Binary data for a BLOB (SQLite) or BYTEA (PostgreSQL) column: the column-packed segments.
struct Bytes {
  std::string data;
};

// A bound parameter: NULL, a 64-bit integer, text, or bytes.
using Value = std::variant<std::monostate, int64_t, std::string, Bytes>;
Value null_value();
Value text_value(std::string_view text);
Value decimal_value(const Decimal& value);
Value bytes_value(std::string data);

// One row of a query result: text cells, NULL as nullopt.
class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
  size_t size() const { return cells_.size(); }
  bool is_null(size_t column) const { return !cells_.at(column).has_value(); }
  // The cell as text; "" for NULL. A BLOB/BYTEA cell holds its raw bytes (both backends).
  const std::string& text(size_t column) const;
  // The cell as an integer. REQUIRES: the column holds an integer (a schema guarantee).
  int64_t integer(size_t column) const;
  // The cell as a Decimal. REQUIRES: the column holds a decimal written by us.
  Decimal decimal(size_t column) const;
  // Replaces one cell in place (backends reuse one Row while streaming a big result).
  void assign(size_t column, std::optional<std::string_view> text);

 private:
  std::vector<std::optional<std::string>> cells_;
};

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<Row> rows;
};

// A statement prepared once and executed many times (bulk paths).
class Statement {
 public:
  virtual ~Statement() = default;
  // Executes with `params`; returns the number of rows changed.
  virtual Result<int64_t> execute(const std::vector<Value>& params) = 0;
};

class Database {
 public:
  virtual ~Database() = default;

  // The key that seals secrets the server reads back (store/secret_seal.h); none: they are
  // written unsealed (and a sealed one cannot be read).
  void set_secret_key(std::optional<SecretKey> key) { secret_key_ = key; }
  const std::optional<SecretKey>& secret_key() const { return secret_key_; }

  virtual Backend backend() const = 0;
  // A description safe to print: the file path, or the URL without its password.
  virtual std::string describe() const = 0;

  // Runs one or more statements without parameters (DDL, migrations).
  virtual Result<void> execute_script(std::string_view sql) = 0;
  // Runs one statement; returns the number of rows changed.
  virtual Result<int64_t> execute(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs one query and returns all of its rows.
  virtual Result<QueryResult> query(std::string_view sql,
                                    const std::vector<Value>& params = {}) = 0;
  // Runs one query and calls `each` with every row in turn, never holding the whole result: the
  // reads of a busy day (millions of executions) stream through one reused Row. The first error
  // `each` returns stops the query and is returned.
  using RowCallback = std::function<Result<void>(const Row& row)>;
  virtual Result<void> query_each(std::string_view sql, const std::vector<Value>& params,
                                  const RowCallback& each) = 0;
  virtual Result<std::unique_ptr<Statement>> prepare(std::string_view sql) = 0;

  // Transactions do not nest. Prefer the Transaction guard below.
  virtual Result<void> begin() = 0;
  // A transaction that reads one consistent snapshot and takes no write lock until it writes
  // (SQLite: a deferred BEGIN under WAL; PostgreSQL: REPEATABLE READ), so writers of other
  // connections go on while it reads. A write in it may fail as a serialization failure.
  virtual Result<void> begin_snapshot() = 0;
  virtual Result<void> commit() = 0;
  virtual Result<void> rollback() = 0;

  // Produces the next row of a bulk load into `out`; returns false when there are no more.
  using RowSource = std::function<bool(std::vector<Value>& out)>;
  // Loads rows into `table` as fast as the backend allows (PostgreSQL COPY; SQLite prepared
  // INSERTs of up to 64 rows each, in the caller's transaction). Every row has one value per
  // column. Returns the number of rows loaded. Call inside a transaction so a failure loads
  // nothing.
  virtual Result<int64_t> bulk_insert(std::string_view table,
                                      const std::vector<std::string>& columns,
                                      const RowSource& next_row) = 0;

  // Serializes schema changes between processes sharing one database (PostgreSQL advisory
  // lock; SQLite's write lock via BEGIN IMMEDIATE). Held until the transaction ends.
  virtual Result<void> begin_exclusive() = 0;

  // The connection that runs this thread's statements: this one, or for a set of connections
  // shared by a server's threads (store/connection_per_thread.h) the calling thread's own.
  // Transactions are kept on it.
  virtual Database& connection() { return *this; }

 private:
  std::optional<SecretKey> secret_key_;
  friend class Transaction;
  int open_guards_ = 0;   // Transaction guards alive on this connection
  bool aborted_ = false;  // an inner guard rolled the transaction back
};

// Rolls back on destruction unless commit() was called: an error return or an exception
// anywhere in between leaves the database as it was.
//
// Guards nest: a guard begun while another is open joins its transaction (an import run inside
// the transaction that also appends its audit entry). Only the outermost begins and commits; an
// inner guard that ends without commit rolls the whole transaction back at once, and the outer
// commit then fails, so nothing is half-applied.
class Transaction {
 public:
  static Result<Transaction> begin(Database& db);
  // Database::begin_snapshot. REQUIRES: no transaction open on `db`.
  static Result<Transaction> begin_snapshot(Database& db);
  // REQUIRES: no transaction open on `db` (exclusivity cannot be joined).
  static Result<Transaction> begin_exclusive(Database& db);
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Result<void> commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;
};

// Error::reason of a storage error that running the whole transaction again may cure: a
// PostgreSQL serialization failure or deadlock, SQLite's write on a stale snapshot.
inline constexpr const char* kSerializationFailure = "serialization_failure";

// Runs `attempt` (a whole transaction) up to `attempts` times while it fails with
// kSerializationFailure; returns the last outcome.
template <typename Fn>
auto retry_serialization_failures(int attempts, Fn&& attempt) -> decltype(attempt()) {
  auto outcome = attempt();
  for (int tried = 1;
       tried < attempts && !outcome.ok() && outcome.error().reason == kSerializationFailure;
       ++tried) {
    outcome = attempt();
  }
  return outcome;
}

// The first column of every row `sql` returns, as text: read whole, so the caller may run
// statements over the list (a streamed query runs alone on PostgreSQL).
Result<std::vector<std::string>> first_column(Database& db, const std::string& sql);

// Opens a database from a URL:
//   sqlite:PATH            a file (created if missing; its directory too)
//   sqlite::memory:        a private in-memory database (tests)
//   postgresql://…, postgres://…, or a libpq "key=value" string
Result<std::unique_ptr<Database>> open_database(const std::string& url);

// The URL with any password replaced by "***", for logs and `config show`.
std::string redact_url(const std::string& url);

}  // namespace cp::store
