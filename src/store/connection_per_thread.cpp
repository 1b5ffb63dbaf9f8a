#include "store/connection_per_thread.h"

#include <algorithm>

#include "core/assert.h"

namespace cp::store {

ConnectionPerThread::ConnectionPerThread(std::vector<std::unique_ptr<Database>> connections)
    : free_(std::move(connections)) {
  CP_ASSERT(!free_.empty(), "a connection set needs a connection");
  backend_ = free_.front()->backend();
  description_ = free_.front()->describe();
  set_secret_key(free_.front()->secret_key());
  std::reverse(free_.begin(), free_.end());  // given out from the back: the first goes first
}

Database& ConnectionPerThread::connection() {
  const std::lock_guard<std::mutex> lock(mutex_);
  auto mine = taken_.find(std::this_thread::get_id());
  if (mine == taken_.end()) {
    CP_ASSERT(!free_.empty(), "more threads than database connections");
    mine = taken_.emplace(std::this_thread::get_id(), std::move(free_.back())).first;
    free_.pop_back();
  }
  return *mine->second;
}

Result<void> ConnectionPerThread::execute_script(std::string_view sql) {
  return connection().execute_script(sql);
}
Result<int64_t> ConnectionPerThread::execute(std::string_view sql,
                                             const std::vector<Value>& params) {
  return connection().execute(sql, params);
}
Result<QueryResult> ConnectionPerThread::query(std::string_view sql,
                                               const std::vector<Value>& params) {
  return connection().query(sql, params);
}
Result<void> ConnectionPerThread::query_each(std::string_view sql, const std::vector<Value>& params,
                                             const RowCallback& each) {
  return connection().query_each(sql, params, each);
}
Result<std::unique_ptr<Statement>> ConnectionPerThread::prepare(std::string_view sql) {
  return connection().prepare(sql);
}
Result<void> ConnectionPerThread::begin() {
  return connection().begin();
}
Result<void> ConnectionPerThread::commit() {
  return connection().commit();
}
Result<void> ConnectionPerThread::rollback() {
  return connection().rollback();
}
Result<int64_t> ConnectionPerThread::bulk_insert(std::string_view table,
                                                 const std::vector<std::string>& columns,
                                                 const RowSource& next_row) {
  return connection().bulk_insert(table, columns, next_row);
}
Result<void> ConnectionPerThread::begin_snapshot() {
  return connection().begin_snapshot();
}

Result<void> ConnectionPerThread::begin_exclusive() {
  return connection().begin_exclusive();
}

}  // namespace cp::store
