// The PostgreSQL backend (libpq): for deployments where several `connectpost serve` processes
// and the EOD share one database.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace cp::store {

// Connects with a libpq connection string or URI.
Result<std::unique_ptr<Database>> open_postgresql(const std::string& conninfo);

// Rewrites `?` placeholders to $1, $2… outside string literals, quoted identifiers and
// comments.
std::string to_postgres_placeholders(std::string_view sql);

}  // namespace cp::store
