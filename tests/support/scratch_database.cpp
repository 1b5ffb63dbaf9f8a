#include "support/scratch_database.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace cp::testing {
namespace {
std::atomic<int> counter{0};

std::string unique_suffix() {
  return std::to_string(::getpid()) + "_" + std::to_string(counter.fetch_add(1));
}
}  // namespace

std::string backend_test_name(store::Backend backend) {
  return store::backend_name(backend);
}

Result<std::string> postgres_admin_url() {
  const char* file = std::getenv("CONNECTPOST_TEST_PG_URL_FILE");
  if (file == nullptr) file = CONNECTPOST_TEST_PG_URL_FILE_DEFAULT;
  std::ifstream in(file);
  std::string url;
  if (!in || !std::getline(in, url) || url.empty()) {
    return make_error(ErrorCode::kInternal,
                      std::string("no PostgreSQL test cluster: ") + file +
                          " is missing: run the tests through ctest, whose fixture "
                          "'postgres' starts a throwaway cluster");
  }
  return url;
}

Result<std::unique_ptr<ScratchDatabase>> ScratchDatabase::create(store::Backend backend) {
  if (backend == store::Backend::kSqlite) {
    const auto path = std::filesystem::temp_directory_path() / ("cpt_" + unique_suffix() + ".db");
    std::filesystem::remove(path);
    return std::unique_ptr<ScratchDatabase>(
        new ScratchDatabase(backend, "sqlite:" + path.string(), path.string()));
  }
  CP_ASSIGN_OR_RETURN(std::string admin_url, postgres_admin_url());
  const std::string name = "cpt_" + unique_suffix();
  CP_ASSIGN_OR_RETURN(auto admin, store::open_database(admin_url));
  CP_RETURN_IF_ERROR(admin->execute_script("CREATE DATABASE " + name));
  std::string url = admin_url;
  const size_t at = url.find("dbname=postgres");
  if (at == std::string::npos) return make_error(ErrorCode::kInternal, "unexpected admin URL");
  url.replace(at, 15, "dbname=" + name);
  return std::unique_ptr<ScratchDatabase>(new ScratchDatabase(backend, url, name));
}

ScratchDatabase::~ScratchDatabase() {
  if (backend_ == store::Backend::kSqlite) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(name_ + suffix, ignored);
    return;
  }
  auto admin_url = postgres_admin_url();
  if (!admin_url.ok()) return;
  auto admin = store::open_database(*admin_url);
  if (admin.ok())
    (void)(*admin)->execute_script("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
}

}  // namespace cp::testing
