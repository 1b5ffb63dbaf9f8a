// ConnectionPerThread: each server thread runs on a connection of its own, so one thread's open
// transaction is invisible to another until it commits (on one shared connection the second
// thread would see, and could commit or roll back, the first one's half-done work).
#include "store/connection_per_thread.h"

#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "support/backend_test.h"

namespace cp::store {
namespace {

class ConnectionPerThreadTest : public testing::BackendTest {
 protected:
  std::unique_ptr<ConnectionPerThread> two_connections() {
    std::vector<std::unique_ptr<Database>> connections;
    for (int i = 0; i < 2; ++i) {
      auto opened = scratch_->open();
      EXPECT_TRUE(opened.ok()) << opened.error().to_string();
      if (!opened.ok()) return nullptr;
      connections.push_back(std::move(opened).value());
    }
    return std::make_unique<ConnectionPerThread>(std::move(connections));
  }

  static int64_t count(Database& db) {
    auto rows = db.query("SELECT COUNT(*) FROM item", {});
    EXPECT_TRUE(rows.ok()) << rows.error().to_string();
    return rows.ok() ? rows->rows.at(0).integer(0) : -1;
  }
};

TEST_P(ConnectionPerThreadTest, AThreadsTransactionIsItsOwnUntilItCommits) {
  ASSERT_TRUE(db_->execute_script("CREATE TABLE item (id BIGINT PRIMARY KEY)").ok());
  auto shared = two_connections();
  ASSERT_NE(shared, nullptr);
  EXPECT_EQ(shared->backend(), GetParam());

  std::promise<void> inserted;
  std::promise<void> looked;
  std::shared_future<void> looked_future = looked.get_future().share();
  std::thread writer([&] {
    auto tx = Transaction::begin(*shared);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(shared->execute("INSERT INTO item (id) VALUES (1)", {}).ok());
    EXPECT_EQ(count(*shared), 1);  // its own insert, inside its transaction
    inserted.set_value();
    looked_future.wait();
    ASSERT_TRUE(tx->commit().ok());
  });
  inserted.get_future().wait();
  // This thread's connection is another one: the uncommitted row is not there.
  EXPECT_EQ(count(*shared), 0);
  EXPECT_NE(&shared->connection(), nullptr);
  looked.set_value();
  writer.join();
  EXPECT_EQ(count(*shared), 1);  // committed: now everybody sees it
}

TEST_P(ConnectionPerThreadTest, ConcurrentWritersEachCommitOnTheirOwnConnection) {
  ASSERT_TRUE(db_->execute_script("CREATE TABLE item (id BIGINT PRIMARY KEY)").ok());
  auto shared = two_connections();
  ASSERT_NE(shared, nullptr);
  // Two threads, fifty transactions each, at the same time: every one commits (SQLite queues the
  // second writer on the file lock instead of failing it), none is lost.
  auto write = [&](int64_t first) {
    for (int64_t id = first; id < first + 50; ++id) {
      auto tx = Transaction::begin(*shared);
      ASSERT_TRUE(tx.ok()) << tx.error().to_string();
      ASSERT_GE(count(*shared), 0);  // a read before the write, as the portal's steps do
      ASSERT_TRUE(shared->execute("INSERT INTO item (id) VALUES (?)", {id}).ok());
      auto done = tx->commit();
      ASSERT_TRUE(done.ok()) << done.error().to_string();
    }
  };
  std::thread one(write, 1);
  std::thread two(write, 1001);
  one.join();
  two.join();
  EXPECT_EQ(count(*db_), 100);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(ConnectionPerThreadTest);

}  // namespace
}  // namespace cp::store
