// Versioned SQL migrations, compiled into the binary from src/store/migrations/NNNN_name.sql.
//
// A migration file is SQL written once for both backends, with type macros replaced per backend:
//   {{DECIMAL}}  exact decimal: TEXT on SQLite, NUMERIC on PostgreSQL
//   {{ID}}       surrogate key: INTEGER PRIMARY KEY AUTOINCREMENT / BIGINT GENERATED ALWAYS AS
//                IDENTITY PRIMARY KEY
// Applied migrations are recorded in schema_migrations with a checksum; a database whose
// version is newer than the binary's, or whose applied migration differs from the binary's
// text, is refused.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "store/database.h"

namespace cp::store {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;  // with macros, as in the file
};

// The migrations compiled into this binary, in version order.
const std::vector<Migration>& builtin_migrations();

// `sql` with the type macros replaced for `backend`.
std::string render_migration(const std::string& sql, Backend backend);

struct SchemaStatus {
  int current_version = 0;  // 0 for an empty database
  int latest_version = 0;   // the newest this binary knows
  std::vector<int> pending;
};

Result<SchemaStatus> schema_status(Database& db, const std::vector<Migration>& migrations);

// Applies every pending migration in one exclusive transaction: all of them or none. Refuses a
// database newer than `migrations` (exit code 2) and one whose applied migrations were edited.
// Returns the number applied.
Result<int> migrate(Database& db, const Clock& clock,
                    const std::vector<Migration>& migrations = builtin_migrations());

}  // namespace cp::store
