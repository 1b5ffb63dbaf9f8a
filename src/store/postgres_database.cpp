#include "store/postgres_database.h"

#include <libpq-fe.h>

#include <unordered_map>

namespace cp::store {
namespace {

// Advisory-lock key for schema changes: "cpmigr" in ASCII, any constant unique to us would do.
constexpr long long kMigrationLockKey = 0x63706d696772LL;

using ResultPtr = std::unique_ptr<PGresult, void (*)(PGresult*)>;

// `res`, when there is one, gives the SQLSTATE: a serialization failure or a deadlock (40001,
// 40P01) is worth running again and says so (kSerializationFailure).
Error pg_error(PGconn* conn, const std::string& what, const PGresult* res = nullptr) {
  std::string message = PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  Error error = make_error(ErrorCode::kStorage, what + ": " + message);
  const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  if (state != nullptr &&
      (std::string_view(state) == "40001" || std::string_view(state) == "40P01")) {
    error.reason = kSerializationFailure;
  }
  return error;
}

// Parameters as libpq takes them: text, except bytes, which go in binary format (a BYTEA).
struct BoundParams {
  std::vector<std::string> storage;
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;  // 0 text, 1 binary
};

BoundParams bind(const std::vector<Value>& params) {
  BoundParams bound;
  bound.storage.reserve(params.size());
  for (const auto& param : params) {
    int format = 0;
    if (std::holds_alternative<std::monostate>(param)) {
      bound.storage.emplace_back();
      bound.values.push_back(nullptr);
    } else if (const auto* integer = std::get_if<int64_t>(&param)) {
      bound.storage.push_back(std::to_string(*integer));
      bound.values.push_back(bound.storage.back().c_str());
    } else if (const auto* bytes = std::get_if<Bytes>(&param)) {
      bound.values.push_back(bytes->data.data());  // the caller's params outlive the call
      bound.storage.emplace_back();
      format = 1;
    } else {
      bound.storage.push_back(std::get<std::string>(param));
      bound.values.push_back(bound.storage.back().c_str());
    }
    bound.formats.push_back(format);
    bound.lengths.push_back(format == 1 ? static_cast<int>(std::get<Bytes>(param).data.size()) : 0);
  }
  // storage was reserved up front, so the c_str() pointers above stay valid.
  return bound;
}

// PostgreSQL's type id of BYTEA (pg_type.h): such cells arrive as "\x<hex>" and are decoded.
constexpr Oid kByteaOid = 17;

// A cell as the rest of the program sees it: text as sent, a BYTEA as its raw bytes.
std::string_view cell_text(const PGresult* res, int row, int column, std::string& scratch) {
  const char* value = PQgetvalue(res, row, column);
  const auto length = static_cast<size_t>(PQgetlength(res, row, column));
  if (PQftype(res, column) != kByteaOid) return {value, length};
  size_t decoded_length = 0;
  unsigned char* decoded =
      PQunescapeBytea(reinterpret_cast<const unsigned char*>(value), &decoded_length);
  scratch.assign(reinterpret_cast<const char*>(decoded), decoded_length);
  PQfreemem(decoded);
  return scratch;
}

// COPY's text format: bytes as a "\\x"-prefixed hex string (the backslash itself escaped).
void append_copy_bytes(std::string& buffer, const std::string& bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  buffer += "\\\\x";
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    buffer.push_back(kHex[byte >> 4]);
    buffer.push_back(kHex[byte & 15]);
  }
}

Result<int64_t> rows_changed(PGconn* conn, PGresult* res, const char* what) {
  const auto status = PQresultStatus(res);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return pg_error(conn, what, res);
  const char* tuples = PQcmdTuples(res);
  return tuples[0] == '\0' ? 0 : std::stoll(tuples);
}

class PgStatement final : public Statement {
 public:
  PgStatement(PGconn* conn, std::string name) : conn_(conn), name_(std::move(name)) {}
  ~PgStatement() override {
    ResultPtr res(PQexec(conn_, ("DEALLOCATE " + name_).c_str()), PQclear);
  }

  Result<int64_t> execute(const std::vector<Value>& params) override {
    BoundParams bound = bind(params);
    ResultPtr res(
        PQexecPrepared(conn_, name_.c_str(), static_cast<int>(bound.values.size()),
                       bound.values.data(), bound.lengths.data(), bound.formats.data(), 0),
        PQclear);
    return rows_changed(conn_, res.get(), "execute");
  }

 private:
  PGconn* conn_;
  std::string name_;
};

std::string copy_escape(const std::string& text) {
  // COPY text format: backslash, tab, newline and carriage return are escaped.
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

class PgDatabase final : public Database {
 public:
  PgDatabase(PGconn* conn, std::string description)
      : conn_(conn), description_(std::move(description)) {}
  ~PgDatabase() override { PQfinish(conn_); }

  Backend backend() const override { return Backend::kPostgresql; }
  std::string describe() const override { return description_; }

  Result<void> execute_script(std::string_view sql) override { return run(sql); }

  Result<int64_t> execute(std::string_view sql, const std::vector<Value>& params) override {
    ResultPtr res = exec_params(sql, params);
    return rows_changed(conn_, res.get(), "execute");
  }

  // Single-row mode: libpq hands over one row at a time instead of buffering the whole result.
  Result<void> query_each(std::string_view sql, const std::vector<Value>& params,
                          const RowCallback& each) override {
    BoundParams bound = bind(params);
    const int count = static_cast<int>(bound.values.size());
    const std::string* name = prepared_name(sql);
    const int sent =
        name != nullptr
            ? PQsendQueryPrepared(conn_, name->c_str(), count, bound.values.data(),
                                  bound.lengths.data(), bound.formats.data(), 0)
            : PQsendQueryParams(conn_, to_postgres_placeholders(sql).c_str(), count, nullptr,
                                bound.values.data(), bound.lengths.data(), bound.formats.data(), 0);
    if (sent != 1 || PQsetSingleRowMode(conn_) != 1) {
      return pg_error(conn_, "query");
    }
    Result<void> outcome = Ok{};
    std::optional<Row> row;
    std::string scratch;
    while (PGresult* raw = PQgetResult(conn_)) {
      ResultPtr res(raw, PQclear);
      const auto status = PQresultStatus(res.get());
      if (status == PGRES_SINGLE_TUPLE && outcome.ok()) {
        const int columns = PQnfields(res.get());
        if (!row)
          row.emplace(std::vector<std::optional<std::string>>(static_cast<size_t>(columns)));
        for (int c = 0; c < columns; ++c) {
          row->assign(static_cast<size_t>(c),
                      PQgetisnull(res.get(), 0, c)
                          ? std::nullopt
                          : std::optional<std::string_view>(cell_text(res.get(), 0, c, scratch)));
        }
        outcome = each(*row);  // on an error the rest is drained, not passed on
      } else if (status != PGRES_SINGLE_TUPLE && status != PGRES_TUPLES_OK && outcome.ok()) {
        outcome = pg_error(conn_, "query", res.get());
      }
    }
    return outcome;
  }

  Result<QueryResult> query(std::string_view sql, const std::vector<Value>& params) override {
    ResultPtr res = exec_params(sql, params);
    if (PQresultStatus(res.get()) != PGRES_TUPLES_OK) return pg_error(conn_, "query", res.get());
    QueryResult result;
    const int columns = PQnfields(res.get());
    const int rows = PQntuples(res.get());
    for (int c = 0; c < columns; ++c) result.columns.emplace_back(PQfname(res.get(), c));
    result.rows.reserve(static_cast<size_t>(rows));
    std::string scratch;
    for (int r = 0; r < rows; ++r) {
      std::vector<std::optional<std::string>> cells;
      cells.reserve(static_cast<size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(res.get(), r, c)) {
          cells.emplace_back(std::nullopt);
        } else {
          cells.emplace_back(std::string(cell_text(res.get(), r, c, scratch)));
        }
      }
      result.rows.emplace_back(std::move(cells));
    }
    return result;
  }

  Result<std::unique_ptr<Statement>> prepare(std::string_view sql) override {
    const std::string name = "cp_stmt_" + std::to_string(++statement_counter_);
    const std::string text = to_postgres_placeholders(sql);
    ResultPtr res(PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr), PQclear);
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) return pg_error(conn_, "prepare");
    return std::unique_ptr<Statement>(new PgStatement(conn_, name));
  }

  Result<void> begin() override { return run("BEGIN"); }
  Result<void> begin_snapshot() override { return run("BEGIN ISOLATION LEVEL REPEATABLE READ"); }
  Result<void> begin_exclusive() override {
    CP_RETURN_IF_ERROR(run("BEGIN"));
    // Transaction-scoped: released at COMMIT or ROLLBACK.
    auto locked = run("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")");
    if (!locked.ok()) {
      (void)rollback();
      return locked;
    }
    return Ok{};
  }
  Result<void> commit() override { return run("COMMIT"); }
  Result<void> rollback() override { return run("ROLLBACK"); }

  Result<int64_t> bulk_insert(std::string_view table, const std::vector<std::string>& columns,
                              const RowSource& next_row) override {
    std::string sql = "COPY " + std::string(table) + " (";
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
    sql += ") FROM STDIN";
    {
      ResultPtr res(PQexec(conn_, sql.c_str()), PQclear);
      if (PQresultStatus(res.get()) != PGRES_COPY_IN) return pg_error(conn_, "copy");
    }
    std::vector<Value> row;
    std::string buffer;
    int64_t count = 0;
    bool sent_ok = true;
    auto flush = [&]() {
      if (!buffer.empty() &&
          PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) != 1) {
        sent_ok = false;
      }
      buffer.clear();
    };
    while (sent_ok) {
      row.clear();
      if (!next_row(row)) break;
      for (size_t i = 0; i < row.size(); ++i) {
        if (i > 0) buffer.push_back('\t');
        if (std::holds_alternative<std::monostate>(row[i])) {
          buffer += "\\N";
        } else if (const auto* integer = std::get_if<int64_t>(&row[i])) {
          buffer += std::to_string(*integer);
        } else if (const auto* bytes = std::get_if<Bytes>(&row[i])) {
          append_copy_bytes(buffer, bytes->data);
        } else {
          buffer += copy_escape(std::get<std::string>(row[i]));
        }
      }
      buffer.push_back('\n');
      ++count;
      if (buffer.size() > (1 << 20)) flush();
    }
    flush();
    if (PQputCopyEnd(conn_, sent_ok ? nullptr : "client failed to send rows") != 1) {
      return pg_error(conn_, "copy end");
    }
    Result<int64_t> outcome = count;
    while (PGresult* raw = PQgetResult(conn_)) {
      ResultPtr res(raw, PQclear);
      if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
        outcome = pg_error(conn_, "copy", res.get());
      }
    }
    return outcome;
  }

 private:
  Result<void> run(std::string_view sql) {
    ResultPtr res(PQexec(conn_, std::string(sql).c_str()), PQclear);
    const auto status = PQresultStatus(res.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      return pg_error(conn_, "postgresql", res.get());
    }
    return Ok{};
  }

  // The server-side prepared statement for `sql`, prepared at its first use: the server then
  // parses and plans it once per connection instead of at every call (the portal's hot reads
  // run thousands of times a second). Bounded like SQLite's cache: SQL built from data is not
  // kept past kPreparedMax. nullptr: run it unprepared (the cache is full, or preparing failed,
  // and running it unprepared then reports the error the caller should see).
  // A schema change after a statement was prepared needs nothing from us: PostgreSQL re-plans it
  // (plancache). It would refuse one whose result columns changed type, which our statements
  // never meet: they name their columns, and migrations run when a connection opens, before
  // the statements that read what they change.
  const std::string* prepared_name(std::string_view sql) {
    const auto found = prepared_.find(std::string(sql));
    if (found != prepared_.end()) return &found->second;
    if (prepared_.size() >= kPreparedMax) return nullptr;
    const std::string name = "cp_q_" + std::to_string(++statement_counter_);
    ResultPtr res(PQprepare(conn_, name.c_str(), to_postgres_placeholders(sql).c_str(), 0, nullptr),
                  PQclear);
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) return nullptr;
    return &prepared_.emplace(std::string(sql), name).first->second;
  }

  // One statement with `?` parameters, sent as text (decimals keep every digit).
  ResultPtr exec_params(std::string_view sql, const std::vector<Value>& params) {
    BoundParams bound = bind(params);
    const int count = static_cast<int>(bound.values.size());
    if (const std::string* name = prepared_name(sql)) {
      return ResultPtr(PQexecPrepared(conn_, name->c_str(), count, bound.values.data(),
                                      bound.lengths.data(), bound.formats.data(), 0),
                       PQclear);
    }
    const std::string text = to_postgres_placeholders(sql);
    return ResultPtr(PQexecParams(conn_, text.c_str(), count, nullptr, bound.values.data(),
                                  bound.lengths.data(), bound.formats.data(), 0),
                     PQclear);
  }

  static constexpr size_t kPreparedMax = 256;

  PGconn* conn_;
  std::string description_;
  int64_t statement_counter_ = 0;
  std::unordered_map<std::string, std::string> prepared_;  // SQL as written → statement name
};

}  // namespace

std::string to_postgres_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int index = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {  // copy a literal or quoted identifier whole ('' escapes too)
      const size_t end = sql.find(c, i + 1);
      const size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {  // comment to end of line
      const size_t end = sql.find('\n', i);
      const size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '?') {
      out += "$" + std::to_string(++index);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<std::unique_ptr<Database>> open_postgresql(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  auto database = std::make_unique<PgDatabase>(conn, redact_url(conninfo));
  if (PQstatus(conn) != CONNECTION_OK) {
    return pg_error(conn, "cannot connect to " + redact_url(conninfo));
  }
  // Quiet NOTICEs (e.g. "relation already exists, skipping") and use UTC for timestamps.
  CP_RETURN_IF_ERROR(
      database->execute_script("SET client_min_messages = WARNING; SET TIME ZONE 'UTC'"));
  return std::unique_ptr<Database>(std::move(database));
}

}  // namespace cp::store
