#include "store/database.h"

#include <charconv>

#include "store/postgres_database.h"
#include "store/sqlite_database.h"

namespace cp::store {

const char* backend_name(Backend backend) {
  return backend == Backend::kSqlite ? "sqlite" : "postgresql";
}

Value null_value() {
  return std::monostate{};
}
Value text_value(std::string_view text) {
  return std::string(text);
}
Value decimal_value(const Decimal& value) {
  return value.to_string();
}
Value bytes_value(std::string data) {
  return Bytes{std::move(data)};
}

const std::string& Row::text(size_t column) const {
  static const std::string kEmpty;
  const auto& cell = cells_.at(column);
  return cell ? *cell : kEmpty;
}

int64_t Row::integer(size_t column) const {
  const std::string& cell = text(column);
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  CP_ASSERT(ec == std::errc() && ptr == cell.data() + cell.size(), "column is not an integer");
  return value;
}

void Row::assign(size_t column, std::optional<std::string_view> text) {
  auto& cell = cells_.at(column);
  if (!text) {
    cell.reset();
  } else if (cell) {
    cell->assign(*text);  // keeps the cell's buffer: no allocation per row once warm
  } else {
    cell.emplace(*text);
  }
}

Decimal Row::decimal(size_t column) const {
  auto value = Decimal::parse(text(column));
  CP_ASSERT(value.ok(), "column is not a decimal");
  return *value;
}

Result<Transaction> Transaction::begin(Database& shared) {
  Database& db = shared.connection();
  if (db.open_guards_ > 0 && db.aborted_) {
    // The transaction this would join was rolled back by an inner failure: joining it would
    // run statements outside any transaction.
    return make_error(ErrorCode::kInternal, "the transaction was rolled back by an inner failure");
  }
  if (db.open_guards_ == 0) {
    CP_RETURN_IF_ERROR(db.begin());
    db.aborted_ = false;
  }
  ++db.open_guards_;
  return Transaction(&db);
}

Result<Transaction> Transaction::begin_snapshot(Database& shared) {
  Database& db = shared.connection();
  CP_ASSERT(db.open_guards_ == 0, "a snapshot transaction inside another");
  CP_RETURN_IF_ERROR(db.begin_snapshot());
  db.aborted_ = false;
  ++db.open_guards_;
  return Transaction(&db);
}

Result<Transaction> Transaction::begin_exclusive(Database& shared) {
  Database& db = shared.connection();
  CP_ASSERT(db.open_guards_ == 0, "an exclusive transaction inside another");
  CP_RETURN_IF_ERROR(db.begin_exclusive());
  db.aborted_ = false;
  ++db.open_guards_;
  return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(other.db_) {
  other.db_ = nullptr;
}

Transaction::~Transaction() {
  if (db_ == nullptr) return;
  --db_->open_guards_;
  if (!db_->aborted_) {
    (void)db_->rollback();
    db_->aborted_ = db_->open_guards_ > 0;  // the outer guards must not commit
  } else if (db_->open_guards_ == 0) {
    db_->aborted_ = false;
  }
}

Result<void> Transaction::commit() {
  CP_ASSERT(db_ != nullptr, "commit of a finished transaction");
  Database* db = db_;
  db_ = nullptr;
  --db->open_guards_;
  if (db->aborted_) {
    if (db->open_guards_ == 0) db->aborted_ = false;
    return make_error(ErrorCode::kInternal,
                      "the transaction was rolled back by an inner failure; nothing was written");
  }
  if (db->open_guards_ > 0) return Ok{};  // joined: the outermost guard commits
  return db->commit();
}

Result<std::vector<std::string>> first_column(Database& db, const std::string& sql) {
  std::vector<std::string> out;
  CP_RETURN_IF_ERROR(db.query_each(sql, {}, [&](const Row& row) -> Result<void> {
    out.push_back(row.text(0));
    return Ok{};
  }));
  return out;
}

Result<std::unique_ptr<Database>> open_database(const std::string& url) {
  if (url.starts_with("sqlite:")) return open_sqlite(url.substr(7));
  if (url.starts_with("postgresql://") || url.starts_with("postgres://") ||
      url.find('=') != std::string::npos) {
    return open_postgresql(url);
  }
  return invalid_input(
      "unknown database URL '" + redact_url(url) + "' (use sqlite:PATH or postgresql://…)", "db");
}

std::string redact_url(const std::string& url) {
  // postgresql://user:password@host/db → postgresql://user:***@host/db
  const size_t scheme = url.find("://");
  if (scheme != std::string::npos) {
    const size_t at = url.find('@', scheme + 3);
    const size_t colon = url.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at) {
      return url.substr(0, colon + 1) + "***" + url.substr(at);
    }
  }
  // key=value form or URL query: password=secret → password=***
  const size_t pw = url.find("password=");
  if (pw != std::string::npos) {
    size_t end = url.find_first_of(" &", pw);
    if (end == std::string::npos) end = url.size();
    return url.substr(0, pw + 9) + "***" + url.substr(end);
  }
  return url;
}

}  // namespace cp::store
