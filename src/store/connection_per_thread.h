// One database as seen by a server's threads: a connection each, given out at a thread's first
// statement and kept by it, so that two requests never interleave on one connection and a
// transaction stays on the thread that began it (Transaction keeps its guards on connection()).
// SQLite connections in WAL mode read side by side and queue their writes on the file lock;
// PostgreSQL ones run on server processes of their own.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "store/database.h"

namespace cp::store {

class ConnectionPerThread final : public Database {
 public:
  // REQUIRES: at least one connection, all to the same database. The first thread to run a
  // statement gets the first; a thread beyond the last connection is a programming error.
  explicit ConnectionPerThread(std::vector<std::unique_ptr<Database>> connections);

  Database& connection() override;

  Backend backend() const override { return backend_; }
  std::string describe() const override { return description_; }
  Result<void> execute_script(std::string_view sql) override;
  Result<int64_t> execute(std::string_view sql, const std::vector<Value>& params) override;
  Result<QueryResult> query(std::string_view sql, const std::vector<Value>& params) override;
  Result<void> query_each(std::string_view sql, const std::vector<Value>& params,
                          const RowCallback& each) override;
  Result<std::unique_ptr<Statement>> prepare(std::string_view sql) override;
  Result<void> begin() override;
  Result<void> begin_snapshot() override;
  Result<void> commit() override;
  Result<void> rollback() override;
  Result<int64_t> bulk_insert(std::string_view table, const std::vector<std::string>& columns,
                              const RowSource& next_row) override;
  Result<void> begin_exclusive() override;

 private:
  Backend backend_;
  std::string description_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Database>> free_;  // not yet given to a thread (last first)
  std::map<std::thread::id, std::unique_ptr<Database>> taken_;
};

}  // namespace cp::store
