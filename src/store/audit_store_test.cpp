// The audit trail in the database, on both backends: appends chain, a change and its trace
// commit together, and verification names an entry edited behind the application's back.
#include "store/audit_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/migrations.h"
#include "support/backend_test.h"

namespace cp::store {
namespace {

using ::testing::HasSubstr;

class AuditStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(migrate(*db_, clock_).ok());
  }

  audit::AuditEntry append(const std::string& action, const std::string& object) {
    auto entry = append_audit(*db_, clock_, {"cli:ops", "", action, object, "{}"});
    EXPECT_TRUE(entry.ok()) << entry.error().to_string();
    return entry.ok() ? *entry : audit::AuditEntry{};
  }

  FixedClock clock_{from_hkt(*Date::parse("2024-03-15"), *TimeOfDay::parse("18:30"))};
};

TEST_P(AuditStoreTest, AppendsChainFromTheGenesisHashAndMoveTheHead) {
  const auto first = append("import.executions", "import:executions");
  const auto second = append("eod.run", "eod:2024-03-15");
  EXPECT_EQ(first.seq, 1);
  EXPECT_EQ(first.prev_hash, audit::kGenesisHash);
  EXPECT_EQ(first.at_utc, "2024-03-15T10:30:00.000000Z");  // 18:30 HKT
  EXPECT_EQ(second.seq, 2);
  EXPECT_EQ(second.prev_hash, first.hash);
  EXPECT_EQ(second.hash, audit::entry_hash(first.hash, second));
  auto head = audit_head(*db_);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->seq, 2);
  EXPECT_EQ(head->hash, second.hash);
  auto verified = verify_audit(*db_);
  ASSERT_TRUE(verified.ok()) << verified.error().to_string();
  EXPECT_EQ(verified->entries, 2);
  EXPECT_FALSE(verified->first_break.has_value());
}

TEST_P(AuditStoreTest, AnEntryAppendedInARolledBackTransactionLeavesNoTrace) {
  append("eod.run", "eod:2024-03-14");
  {
    auto tx = Transaction::begin(*db_);
    ASSERT_TRUE(tx.ok());
    append("eod.run", "eod:2024-03-15");
    // the change it records failed: no commit
  }
  auto head = audit_head(*db_);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->seq, 1);
  const auto next = append("eod.run", "eod:2024-03-15");
  EXPECT_EQ(next.seq, 2);  // no gap: the rolled-back entry never existed
  EXPECT_FALSE(verify_audit(*db_)->first_break.has_value());
}

TEST_P(AuditStoreTest, AnObjectsTrailIsItsEntriesInOrder) {
  append("request.submitted", "request:7");
  append("eod.run", "eod:2024-03-15");
  append("request.approved", "request:7");
  std::vector<std::string> actions;
  ASSERT_TRUE(for_each_audit_entry(*db_, {"request:7", ""},
                                   [&](const audit::AuditEntry& e) -> Result<void> {
                                     actions.push_back(e.action);
                                     return Ok{};
                                   })
                  .ok());
  EXPECT_EQ(actions, (std::vector<std::string>{"request.submitted", "request.approved"}));
}

TEST_P(AuditStoreTest, VerificationNamesAnEntryEditedDirectlyInTheDatabase) {
  append("import.accounts", "import:accounts");
  append("eod.run", "eod:2024-03-15");
  append("eod.run", "eod:2024-03-18");
  ASSERT_TRUE(
      db_->execute("UPDATE audit_entry SET detail = ? WHERE seq = 2", {std::string("{\"x\":1}")})
          .ok());
  auto verified = verify_audit(*db_);
  ASSERT_TRUE(verified.ok());
  ASSERT_TRUE(verified->first_break.has_value());
  EXPECT_EQ(verified->first_break->seq, 2);
  EXPECT_THAT(verified->first_break->message, HasSubstr("edited"));
}

TEST_P(AuditStoreTest, VerificationNamesADeletedLastEntry) {
  append("import.accounts", "import:accounts");
  append("eod.run", "eod:2024-03-15");
  ASSERT_TRUE(db_->execute("DELETE FROM audit_entry WHERE seq = 2").ok());
  auto verified = verify_audit(*db_);
  ASSERT_TRUE(verified.ok());
  ASSERT_TRUE(verified->first_break.has_value());
  EXPECT_THAT(verified->first_break->message,
              HasSubstr("ends at entry 1 but its head records entry 2"));
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(AuditStoreTest);

}  // namespace
}  // namespace cp::store
