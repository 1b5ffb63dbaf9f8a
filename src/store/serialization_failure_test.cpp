// A transaction whose snapshot another writer overtook fails with a reason that says running it
// again may cure it (kSerializationFailure), on both backends; retry_serialization_failures runs
// it again (issue 15 §4: an EOD's serialization failure is retried, not exit 3).
#include <gtest/gtest.h>

#include "store/eod_inputs_store.h"
#include "support/backend_test.h"

namespace cp::store {
namespace {

class SerializationFailureTest : public testing::BackendTest {};

TEST_P(SerializationFailureTest, AWriteOnAnOvertakenSnapshotSaysItMaySucceedAgain) {
  ASSERT_TRUE(db_->execute_script("CREATE TABLE item (id BIGINT PRIMARY KEY, n BIGINT)").ok());
  ASSERT_TRUE(db_->execute("INSERT INTO item (id, n) VALUES (1, 0)", {}).ok());
  auto other = scratch_->open();
  ASSERT_TRUE(other.ok()) << other.error().to_string();

  // The first attempt reads in a snapshot (REPEATABLE READ; SQLite: a deferred transaction, as a
  // reader), the other connection commits a write, then the first writes on its stale snapshot.
  int attempts = 0;
  auto outcome = retry_serialization_failures(3, [&]() -> Result<void> {
    ++attempts;
    if (attempts > 1) {  // as the EOD does: a fresh transaction that reads the other's write
      CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin_snapshot(*db_));
      CP_ASSIGN_OR_RETURN(auto read, db_->query("SELECT n FROM item WHERE id = 1", {}));
      CP_RETURN_IF_ERROR(
          db_->execute("UPDATE item SET n = ? WHERE id = 1", {read.rows.at(0).integer(0) + 1}));
      return tx.commit();
    }
    CP_RETURN_IF_ERROR(db_->begin_snapshot());
    CP_ASSIGN_OR_RETURN(auto read, db_->query("SELECT n FROM item WHERE id = 1", {}));
    EXPECT_EQ(read.rows.at(0).integer(0), 0);
    auto overtaking = (*other)->execute("UPDATE item SET n = 10 WHERE id = 1", {});
    EXPECT_TRUE(overtaking.ok()) << overtaking.error().to_string();
    Result<int64_t> stale = db_->execute("UPDATE item SET n = 1 WHERE id = 1", {});
    EXPECT_TRUE(db_->execute_script("ROLLBACK").ok());
    EXPECT_FALSE(stale.ok());
    if (stale.ok()) return Ok{};
    EXPECT_EQ(stale.error().reason, kSerializationFailure) << stale.error().to_string();
    return stale.error();
  });
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_EQ(attempts, 2);
  auto final_rows = db_->query("SELECT n FROM item WHERE id = 1", {});
  ASSERT_TRUE(final_rows.ok());
  EXPECT_EQ(final_rows->rows.at(0).integer(0), 11);  // the retry read the overtaking write
}

TEST_P(SerializationFailureTest, OtherFailuresAreNotRetried) {
  int attempts = 0;
  auto outcome = retry_serialization_failures(3, [&]() -> Result<void> {
    ++attempts;
    return db_->execute_script("SELECT * FROM no_such_table");
  });
  EXPECT_FALSE(outcome.ok());
  EXPECT_EQ(attempts, 1);
  EXPECT_NE(outcome.error().reason, kSerializationFailure);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(SerializationFailureTest);

}  // namespace
}  // namespace cp::store
