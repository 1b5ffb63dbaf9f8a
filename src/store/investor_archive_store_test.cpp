// The investor archive stored, on both backends (migration 0053): appended and chained per
// account, a change made in the database found by the verification, and a purge refused before
// the retention date and, after it, leaving the anchor the chain goes on from.
#include "store/investor_archive_store.h"

#include <gtest/gtest.h>

#include "core/test_values.h"
#include "store/migrations.h"
#include "support/backend_test.h"

namespace cp::store {
namespace {

using test_values::d;

class InvestorArchiveStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(migrate(*db_, clock_).ok());
    for (const char* account : {"A1", "A2"}) {
      ASSERT_TRUE(db_->execute("INSERT INTO account (account_id, account_type, money_kind, "
                               "commission_rate, commission_min_hkd) VALUES (?, 'individual', "
                               "'client', '0.00025', '5.00')",
                               {std::string(account)})
                      .ok());
    }
  }
  // Recorded at 2025-10-20 10:00 HKT, kept 20 years: until 2045-10-20.
  investors::ArchiveRecord append(const std::string& account, investors::ArchiveKind kind,
                                  const std::string& content) {
    auto r = append_archive(*db_, {account, kind, "sh", content}, {"cli:ops", now_, 20});
    EXPECT_TRUE(r.ok()) << r.error().to_string();
    return r.ok() ? *r : investors::ArchiveRecord{};
  }

  FixedClock clock_{from_hkt(d("2026-12-07"), *TimeOfDay::parse("09:00"))};
  UtcTime now_ = from_hkt(d("2025-10-20"), *TimeOfDay::parse("10:00"));
};

TEST_P(InvestorArchiveStoreTest, EachAccountHasItsOwnChainAndAChangeBreaksIt) {
  const auto first =
      append("A1", investors::ArchiveKind::kQuestionnaire, R"({"level":"balanced"})");
  append("A2", investors::ArchiveKind::kQuestionnaire, R"({"level":"aggressive"})");
  const auto second = append("A1", investors::ArchiveKind::kGrant, R"({"eligible":true})");
  EXPECT_EQ(first.seq, 1);
  EXPECT_EQ(second.seq, 2);
  EXPECT_EQ(second.prev_hash, first.hash);
  EXPECT_EQ(first.retain_until, d("2045-10-20"));
  EXPECT_EQ(first.at_utc, "2025-10-20T02:00:00.000000Z");
  auto checked = verify_archive(*db_, "A1");
  ASSERT_TRUE(checked.ok()) << checked.error().to_string();
  EXPECT_EQ(checked->records, 2);
  EXPECT_EQ(checked->head_hash, second.hash);
  EXPECT_FALSE(checked->first_break.has_value());

  ASSERT_TRUE(db_->execute("UPDATE investor_archive SET content = '{\"eligible\":false}' WHERE "
                           "account_id = 'A1' AND seq = 2")
                  .ok());
  auto broken = verify_archive(*db_, "A1");
  ASSERT_TRUE(broken.ok());
  ASSERT_TRUE(broken->first_break.has_value());
  EXPECT_EQ(broken->first_break->seq, 2);
  EXPECT_FALSE(verify_archive(*db_, "A2")->first_break.has_value());  // its own chain
}

TEST_P(InvestorArchiveStoreTest, NothingIsPurgedBeforeItsRetentionDate) {
  const auto first = append("A1", investors::ArchiveKind::kQuestionnaire, "{}");
  append("A1", investors::ArchiveKind::kGrant, "{}");
  auto early = purge_archive(*db_, "A1", d("2045-10-20"));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kRuleViolation);
  EXPECT_EQ(early.error().message,
            "record 1 of account A1's archive is kept until 2045-10-20 (SPEC SUIT-7): nothing may "
            "be deleted before");
  EXPECT_EQ(purge_archive(*db_, "A2", d("2046-01-01")).error().code, ErrorCode::kNotFound);
  // Both are past on 2045-10-21; a third appended afterwards chains on from the anchor.
  auto purged = purge_archive(*db_, "A1", d("2045-10-21"));
  ASSERT_TRUE(purged.ok()) << purged.error().to_string();
  EXPECT_EQ(*purged, 2);
  auto start = archive_start(*db_, "A1");
  ASSERT_TRUE(start.ok());
  EXPECT_EQ(start->seq, 2);
  const auto third = append("A1", investors::ArchiveKind::kClosing, "{}");
  EXPECT_EQ(third.seq, 3);
  auto checked = verify_archive(*db_, "A1");
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ(checked->records, 1);
  EXPECT_FALSE(checked->first_break.has_value());
  EXPECT_NE(first.hash, third.prev_hash);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(InvestorArchiveStoreTest);

}  // namespace
}  // namespace cp::store
