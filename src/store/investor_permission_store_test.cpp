// The permission registry on both backends (migration 0052): one open permission per account
// and channel, closings dated on or after the grant, which permissions are held on a date and
// the questionnaire each stands on, and each re-assessment notice recorded once per stage.
#include "store/investor_permission_store.h"

#include <gtest/gtest.h>

#include "core/test_values.h"
#include "store/migrations.h"
#include "support/backend_test.h"

namespace cp::store {
namespace {

using test_values::d;

class InvestorPermissionStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(migrate(*db_, clock_).ok());
    for (const char* account : {"P1", "P2"}) {
      ASSERT_TRUE(db_->execute("INSERT INTO account (account_id, account_type, money_kind, "
                               "commission_rate, commission_min_hkd) VALUES (?, 'individual', "
                               "'client', '0.00025', "
                               "'5.00')",
                               {std::string(account)})
                      .ok());
    }
  }
  static PermissionRow grant_of(const std::string& account, Channel channel, Date on) {
    PermissionRow row;
    row.account_id = account;
    row.channel = channel;
    row.granted_on = on;
    row.granted_by = "cli:ops";
    row.assessment = "{}";
    return row;
  }

  FixedClock clock_{from_hkt(d("2026-12-07"), *TimeOfDay::parse("09:00"))};
};

// P1 holds Shanghai from 2025-01-06 and closes it on 2025-06-30; P2 holds Shenzhen from
// 2025-03-03. On 2025-06-29 both are held, on 2025-06-30 only P2's (closed that day). P1's latest
// questionnaire on or before each date is the one the permission stands on; P2 has none, so the
// grant's date stands.
TEST_P(InvestorPermissionStoreTest, OneOpenPermissionPerChannelHeldUntilItsClosing) {
  ASSERT_TRUE(grant_permission(*db_, grant_of("P1", Channel::kShanghai, d("2025-01-06"))).ok());
  ASSERT_TRUE(grant_permission(*db_, grant_of("P1", Channel::kShenzhen, d("2025-01-06"))).ok());
  ASSERT_TRUE(grant_permission(*db_, grant_of("P2", Channel::kShenzhen, d("2025-03-03"))).ok());
  const auto second = grant_permission(*db_, grant_of("P1", Channel::kShanghai, d("2025-02-03")));
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  // The database refuses a second open row too, whatever the caller checked.
  EXPECT_FALSE(db_->execute("INSERT INTO investor_permission (account_id, channel, granted_on, "
                            "granted_by, assessment) VALUES ('P1', 'sh', '2025-02-03', 'x', '{}')")
                   .ok());
  for (const auto& [on, completed] : {std::pair{"2024-12-02", "x"}, {"2025-05-05", "y"}}) {
    ASSERT_TRUE(db_->execute("INSERT INTO investor_questionnaire (account_id, completed_on, "
                             "risk_level, low_level_acknowledged) VALUES ('P1', ?, 'balanced', 0)",
                             {std::string(on)})
                    .ok())
        << completed;
  }
  const auto early =
      close_permission(*db_, "P1", Channel::kShanghai, d("2025-01-03"), "cli:ops", "{}");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kRuleViolation);
  ASSERT_TRUE(
      close_permission(*db_, "P1", Channel::kShanghai, d("2025-06-30"), "cli:ops", "{}").ok());

  auto before = permissions_on_record(*db_, d("2025-06-29"));
  ASSERT_TRUE(before.ok()) << before.error().to_string();
  ASSERT_EQ(before->size(), 3u);
  EXPECT_EQ((*before)[0].account_id, "P1");
  EXPECT_EQ((*before)[0].channel, Channel::kShanghai);
  EXPECT_EQ((*before)[0].questionnaire_completed_on, d("2025-05-05"));
  EXPECT_EQ((*before)[2].account_id, "P2");
  EXPECT_EQ((*before)[2].questionnaire_completed_on, d("2025-03-03"));
  auto on_closing = permissions_on_record(*db_, d("2025-06-30"));
  ASSERT_TRUE(on_closing.ok());
  ASSERT_EQ(on_closing->size(), 2u);
  EXPECT_EQ((*on_closing)[0].channel, Channel::kShenzhen);  // P1's Shenzhen only
  auto in_march = permissions_on_record(*db_, d("2025-03-31"));
  ASSERT_TRUE(in_march.ok());
  EXPECT_EQ((*in_march)[0].questionnaire_completed_on, d("2024-12-02"));

  // A new grant after the closing, dated on or after it.
  EXPECT_FALSE(grant_permission(*db_, grant_of("P1", Channel::kShanghai, d("2025-06-27"))).ok());
  ASSERT_TRUE(grant_permission(*db_, grant_of("P1", Channel::kShanghai, d("2025-07-02"))).ok());
  auto all = list_permissions(*db_, "P1");
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  // By channel, then grant: Shanghai's closed grant, its new one, then Shenzhen's.
  EXPECT_EQ((*all)[0].closed_on, d("2025-06-30"));
  EXPECT_TRUE((*all)[0].open_on(d("2025-06-29")));
  EXPECT_FALSE((*all)[0].open_on(d("2025-06-30")));
  EXPECT_EQ((*all)[1].granted_on, d("2025-07-02"));
  EXPECT_FALSE((*all)[1].closed_on.has_value());
  EXPECT_EQ((*all)[2].channel, Channel::kShenzhen);
}

TEST_P(InvestorPermissionStoreTest, EachNoticeIsRecordedOncePerStage) {
  investors::ReassessmentDue due{Channel::kShanghai, "P1", d("2025-10-20"),
                                 investors::ReassessmentStatus::kDueSoon, 5};
  auto first = record_reassessment_notice(*db_, due, d("2025-10-15"), 1);
  ASSERT_TRUE(first.ok()) << first.error().to_string();
  EXPECT_TRUE(*first);
  EXPECT_FALSE(*record_reassessment_notice(*db_, due, d("2025-10-16"), 1));
  due.status = investors::ReassessmentStatus::kExpired;
  EXPECT_TRUE(*record_reassessment_notice(*db_, due, d("2025-10-21"), 0));
  due.valid_until = d("2027-10-21");  // a new questionnaire, a new cycle
  due.status = investors::ReassessmentStatus::kDueSoon;
  EXPECT_TRUE(*record_reassessment_notice(*db_, due, d("2027-10-01"), 0));
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(InvestorPermissionStoreTest);

}  // namespace
}  // namespace cp::store
