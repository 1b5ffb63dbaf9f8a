// The online opening's applications and attempts on both backends (migration 0054): one open
// application per account and channel, a step written only on the state it was read in, and the
// knowledge test's attempts numbered per application and counted per account, channel and day.
#include "store/investor_application_store.h"

#include <gtest/gtest.h>

#include "core/test_values.h"
#include "store/migrations.h"
#include "support/backend_test.h"

namespace cp::store {
namespace {

using investors::OpeningState;
using test_values::d;

class InvestorApplicationStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(migrate(*db_, clock_).ok());
    ASSERT_TRUE(db_->execute("INSERT INTO account (account_id, account_type, money_kind, "
                             "commission_rate, commission_min_hkd) VALUES ('A1', 'individual', "
                             "'client', '0.00025', '5.00')")
                    .ok());
  }
  static ApplicationRow application(Channel channel) {
    ApplicationRow row;
    row.firm_id = "B001";
    row.user_id = "ivy";
    row.account_id = "A1";
    row.channel = channel;
    row.started_at = "2025-10-20T02:00:00.000000Z";
    return row;
  }
  KnowledgeAttempt attempt_of(const ApplicationRow& a, const char* day) {
    KnowledgeAttempt out;
    out.application_id = a.application_id;
    out.account_id = a.account_id;
    out.channel = a.channel;
    out.drawn_on = d(day);
    out.bank_version = "SZ-2026-1";
    out.questions = {"lots", "fx", "quota"};
    return out;
  }

  FixedClock clock_{from_hkt(d("2025-10-20"), *TimeOfDay::parse("10:00"))};
};

TEST_P(InvestorApplicationStoreTest, OneOpenApplicationPerAccountAndChannel) {
  auto first = start_application(*db_, application(Channel::kShanghai));
  ASSERT_TRUE(first.ok()) << first.error().to_string();
  EXPECT_EQ(first->state, OpeningState::kStarted);
  const auto second = start_application(*db_, application(Channel::kShanghai));
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  EXPECT_NE(second.error().message.find("one application at a time"), std::string::npos);
  // The database refuses a second open row too, whatever the caller checked.
  EXPECT_FALSE(db_->execute("INSERT INTO investor_application (firm_id, user_id, account_id, "
                            "channel, state, started_at, updated_at) VALUES ('B001', 'ivy', "
                            "'A1', 'sh', 'qualified', 'x', 'x')")
                   .ok());
  // The other channel is its own; once the first is over, a new one may start.
  ASSERT_TRUE(start_application(*db_, application(Channel::kShenzhen)).ok());
  ApplicationRow over = *first;
  over.state = OpeningState::kRefused;
  ASSERT_TRUE(update_application(*db_, over, OpeningState::kStarted).ok());
  EXPECT_TRUE(start_application(*db_, application(Channel::kShanghai)).ok());
  // Only its own user sees it.
  auto mine = application_of(*db_, "B001", "ivy", first->application_id);
  ASSERT_TRUE(mine.ok());
  ASSERT_TRUE(mine->has_value());
  EXPECT_EQ((*mine)->state, OpeningState::kRefused);
  auto theirs = application_of(*db_, "B001", "ian", first->application_id);
  ASSERT_TRUE(theirs.ok());
  EXPECT_FALSE(theirs->has_value());
  auto listed = applications_of(*db_, "B001", "ivy");
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 3u);
}

TEST_P(InvestorApplicationStoreTest, AStepIsWrittenOnlyOnTheStateItWasReadIn) {
  auto started = start_application(*db_, application(Channel::kShanghai));
  ASSERT_TRUE(started.ok());
  ApplicationRow tab1 = *started;
  ApplicationRow tab2 = *started;
  tab1.state = OpeningState::kIdentityChecked;
  ASSERT_TRUE(update_application(*db_, tab1, OpeningState::kStarted).ok());
  // The second tab read it in `started` too: its write is refused, not applied over the first.
  tab2.state = OpeningState::kAbandoned;
  const auto stale = update_application(*db_, tab2, OpeningState::kStarted);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  auto now = application_of(*db_, "B001", "ivy", started->application_id);
  ASSERT_TRUE(now.ok());
  EXPECT_EQ((*now)->state, OpeningState::kIdentityChecked);
}

TEST_P(InvestorApplicationStoreTest, AttemptsAreNumberedPerApplicationAndCountedPerDay) {
  auto first = start_application(*db_, application(Channel::kShenzhen));
  ASSERT_TRUE(first.ok());
  auto one = add_attempt(*db_, attempt_of(*first, "2025-10-20"));
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->attempt, 1);
  auto open = open_attempt(*db_, first->application_id);
  ASSERT_TRUE(open.ok());
  ASSERT_TRUE(open->has_value());
  EXPECT_EQ((*open)->questions, (std::vector<std::string>{"lots", "fx", "quota"}));
  ASSERT_TRUE(mark_attempt(*db_, first->application_id, 1, R"({"lots":"b"})", 2).ok());
  // Marked once: a second sheet for it is refused.
  const auto again = mark_attempt(*db_, first->application_id, 1, "{}", 3);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  open = open_attempt(*db_, first->application_id);
  ASSERT_TRUE(open.ok());
  EXPECT_FALSE(open->has_value());
  auto two = add_attempt(*db_, attempt_of(*first, "2025-10-20"));
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two->attempt, 2);
  // A new application the same day numbers from 1 but counts with the first's.
  ApplicationRow over = *first;
  over.state = OpeningState::kAbandoned;
  ASSERT_TRUE(update_application(*db_, over, OpeningState::kStarted).ok());
  auto second = start_application(*db_, application(Channel::kShenzhen));
  ASSERT_TRUE(second.ok());
  auto three = add_attempt(*db_, attempt_of(*second, "2025-10-20"));
  ASSERT_TRUE(three.ok());
  EXPECT_EQ(three->attempt, 1);
  ASSERT_TRUE(add_attempt(*db_, attempt_of(*second, "2025-10-21")).ok());
  EXPECT_EQ(*attempts_on(*db_, "A1", Channel::kShenzhen, d("2025-10-20")), 3);
  EXPECT_EQ(*attempts_on(*db_, "A1", Channel::kShenzhen, d("2025-10-21")), 1);
  EXPECT_EQ(*attempts_on(*db_, "A1", Channel::kShanghai, d("2025-10-20")), 0);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(InvestorApplicationStoreTest);

}  // namespace
}  // namespace cp::store
