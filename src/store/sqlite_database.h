// The SQLite backend: the embedded default. WAL mode, a busy timeout so a reader and the EOD
// writer can share the file, foreign keys on.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace cp::store {

// Opens (creating if needed) the database file at `path`, or a private in-memory database for
// ":memory:". Creates the file's directory when missing.
Result<std::unique_ptr<Database>> open_sqlite(const std::string& path);

}  // namespace cp::store
