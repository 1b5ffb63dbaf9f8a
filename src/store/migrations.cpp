#include "store/migrations.h"

#include <algorithm>
#include <cstdio>

#include "store/execution_segments.h"
#include "store/investor_segments.h"

namespace cp::store {
namespace {

constexpr const char* kLedgerDdl =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " checksum TEXT NOT NULL,"
    " applied_at TEXT NOT NULL)";

// FNV-1a, 64 bits: detects an edited migration; not a security measure.
std::string checksum(const std::string& text) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
}

struct Applied {
  int version;
  std::string checksum;
};

Result<std::vector<Applied>> read_applied(Database& db) {
  CP_ASSIGN_OR_RETURN(QueryResult result,
                      db.query("SELECT version, checksum FROM schema_migrations ORDER BY version"));
  std::vector<Applied> applied;
  for (const Row& row : result.rows) {
    applied.push_back({static_cast<int>(row.integer(0)), row.text(1)});
  }
  return applied;
}

Result<SchemaStatus> check(const std::vector<Applied>& applied,
                           const std::vector<Migration>& migrations, const std::string& where) {
  SchemaStatus status;
  status.latest_version = migrations.empty() ? 0 : migrations.back().version;
  for (const Applied& row : applied)
    status.current_version = std::max(status.current_version, row.version);
  if (status.current_version > status.latest_version) {
    Error error = invalid_input(
        "database schema version " + std::to_string(status.current_version) +
        " is newer than this connectpost, which knows versions up to " +
        std::to_string(status.latest_version) + "; upgrade connectpost before using this database");
    error.file = where;
    return error;
  }
  for (const Migration& migration : migrations) {
    bool found = false;
    for (const Applied& row : applied) {
      if (row.version != migration.version) continue;
      found = true;
      if (row.checksum != checksum(migration.sql)) {
        Error error =
            make_error(ErrorCode::kInternal, "migration " + std::to_string(migration.version) +
                                                 " (" + migration.name +
                                                 ") differs from the one applied to this database");
        error.file = where;
        return error;
      }
    }
    if (!found) status.pending.push_back(migration.version);
  }
  return status;
}

}  // namespace

std::string render_migration(const std::string& sql, Backend backend) {
  std::string out = sql;
  const bool sqlite = backend == Backend::kSqlite;
  replace_all(out, "{{DECIMAL}}", sqlite ? "TEXT" : "NUMERIC");
  replace_all(out, "{{BLOB}}", sqlite ? "BLOB" : "BYTEA");
  // An index's extra columns: stored, not sorted on (PostgreSQL INCLUDE); SQLite has no INCLUDE,
  // so they become trailing key columns, which serve the same reads.
  replace_all(out, "{{INCLUDE}}", sqlite ? ", " : ") INCLUDE (");
  replace_all(out, "{{ID}}",
              sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                     : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
  return out;
}

Result<SchemaStatus> schema_status(Database& db, const std::vector<Migration>& migrations) {
  CP_RETURN_IF_ERROR(db.execute_script(kLedgerDdl));
  CP_ASSIGN_OR_RETURN(auto applied, read_applied(db));
  return check(applied, migrations, db.describe());
}

Result<int> migrate(Database& db, const Clock& clock, const std::vector<Migration>& migrations) {
  CP_RETURN_IF_ERROR(db.execute_script(kLedgerDdl));
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin_exclusive(db));
  // Read under the lock: another process may have migrated while we waited for it.
  CP_ASSIGN_OR_RETURN(auto applied, read_applied(db));
  CP_ASSIGN_OR_RETURN(SchemaStatus status, check(applied, migrations, db.describe()));
  int count = 0;
  for (const Migration& migration : migrations) {
    if (std::find(status.pending.begin(), status.pending.end(), migration.version) ==
        status.pending.end()) {
      continue;
    }
    auto applied_ok = db.execute_script(render_migration(migration.sql, db.backend()));
    if (!applied_ok.ok()) {
      Error error = std::move(applied_ok).error();
      error.message = "migration " + std::to_string(migration.version) + " (" + migration.name +
                      ") failed: " + error.message;
      return error;
    }
    // A migration whose data SQL cannot move runs its program step in the same transaction.
    if (migration.name == "column_segments") CP_RETURN_IF_ERROR(pack_row_tables(db));
    if (migration.name == "investor_segments") CP_RETURN_IF_ERROR(pack_investor_tables(db));
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
        {int64_t{migration.version}, migration.name, checksum(migration.sql),
         format_utc(clock.now())}));
    ++count;
  }
  CP_RETURN_IF_ERROR(tx.commit());
  return count;
}

}  // namespace cp::store
