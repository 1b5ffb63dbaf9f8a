// A fresh, empty database for one test, on either backend, removed when the test ends.
// SQLite: a file in the temporary directory. PostgreSQL: a new database in the throwaway cluster
// that the ctest fixture "postgres" started (scripts/test-postgres); its connection string is in
// the file named by CONNECTPOST_TEST_PG_URL_FILE. Without that cluster the PostgreSQL tests fail
// (they never skip): every storage test must have run on both backends.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "store/database.h"

namespace cp::testing {

class ScratchDatabase {
 public:
  // Creates the database; on failure returns the error (the caller asserts).
  static Result<std::unique_ptr<ScratchDatabase>> create(store::Backend backend);
  ~ScratchDatabase();

  const std::string& url() const { return url_; }
  Result<std::unique_ptr<store::Database>> open() const { return store::open_database(url_); }

 private:
  ScratchDatabase(store::Backend backend, std::string url, std::string name)
      : backend_(backend), url_(std::move(url)), name_(std::move(name)) {}
  store::Backend backend_;
  std::string url_;
  std::string name_;  // file path (SQLite) or database name (PostgreSQL)
};

// The admin connection string of the test cluster, or an error saying why there is none.
Result<std::string> postgres_admin_url();

// "sqlite" / "postgresql", for parameterized test names.
std::string backend_test_name(store::Backend backend);

}  // namespace cp::testing

namespace cp::store {
// Test names show "sqlite" / "postgresql" instead of the enum's bytes.
inline void PrintTo(Backend backend, std::ostream* out) {
  *out << backend_name(backend);
}
}  // namespace cp::store
