// The counter's maker-checker (SPEC PORTAL-7 applied to SUIT-3 and SUIT-5): who may approve,
// reject or withdraw a request, and when.
#include "investors/counter.h"

#include <gtest/gtest.h>

namespace cp::investors {
namespace {

TEST(Counter, ASecondMemberOfStaffDecides) {
  EXPECT_TRUE(may_take(CounterState::kPending, "mia", "chen", CounterAction::kApprove, "").ok());
  EXPECT_TRUE(
      may_take(CounterState::kPending, "mia", "chen", CounterAction::kReject, "no seal").ok());
  const auto own = may_take(CounterState::kPending, "mia", "mia", CounterAction::kApprove, "");
  ASSERT_FALSE(own.ok());
  EXPECT_EQ(own.error().code, ErrorCode::kRuleViolation);
  EXPECT_NE(own.error().message.find("another member of staff"), std::string::npos);
  EXPECT_FALSE(may_take(CounterState::kPending, "mia", "mia", CounterAction::kReject, "x").ok());
}

TEST(Counter, ARejectionSaysWhyAndOnlyTheMakerWithdraws) {
  const auto blank = may_take(CounterState::kPending, "mia", "chen", CounterAction::kReject, " \t");
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.error().field, "reason");
  EXPECT_TRUE(may_take(CounterState::kPending, "mia", "mia", CounterAction::kWithdraw, "").ok());
  EXPECT_EQ(
      may_take(CounterState::kPending, "mia", "chen", CounterAction::kWithdraw, "").error().code,
      ErrorCode::kRuleViolation);
}

TEST(Counter, OnlyAPendingRequestMoves) {
  for (const CounterState done : {CounterState::kApproved, CounterState::kRefused,
                                  CounterState::kRejected, CounterState::kWithdrawn}) {
    const auto moved = may_take(done, "mia", "chen", CounterAction::kApprove, "");
    ASSERT_FALSE(moved.ok());
    EXPECT_EQ(moved.error().code, ErrorCode::kConflict);
    EXPECT_NE(moved.error().message.find(std::string(counter_state_code(done))), std::string::npos);
  }
  for (const char* code : {"pending", "approved", "refused", "rejected", "withdrawn"}) {
    EXPECT_EQ(counter_state_code(*parse_counter_state(code)), code);
  }
  EXPECT_EQ(parse_counter_kind("close").value(), CounterKind::kClose);
  EXPECT_EQ(parse_counter_kind("grant").error().field, "kind");
}

}  // namespace
}  // namespace cp::investors
