// Event registration rules (SPEC PORTAL-10): seats per firm, capacity and waitlist, deadline.
#include "portal/event_rules.h"

#include <gtest/gtest.h>

namespace cp::portal {
namespace {

TEST(EventRules, WithinTheFirmsSeatsAndTheSessionsRoomASeatIsConfirmed) {
  auto outcome = register_outcome({false, false, 2, 1}, {false, 30, 29});
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(*outcome, RegistrationOutcome::kConfirmed);
}

TEST(EventRules, AFullSessionWaitlists) {
  EXPECT_EQ(*register_outcome({false, false, 2, 0}, {false, 30, 30}),
            RegistrationOutcome::kWaitlisted);
}

TEST(EventRules, AFirmsThirdRegistrationForALimitOfTwoIsRefused) {
  // Seed 003: "每位參與者最多2個名額"; waitlisted registrations hold a seat of the firm's too.
  auto third = register_outcome({false, false, 2, 2}, {false, 30, 0});
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, ErrorCode::kRuleViolation);
  EXPECT_NE(third.error().message.find("at most 2"), std::string::npos);
  EXPECT_TRUE(register_outcome({false, false, 0, 40}, {false, 50, 0}).ok());  // 0: no limit
}

TEST(EventRules, ASessionsOwnLimitHoldsForThatSessionOnly) {
  // Seed 003: at most 2 per participant at the venue session; the online ones have no limit.
  auto venue = register_outcome({false, false, 0, 2}, {false, 300, 10, 2, 2});
  ASSERT_FALSE(venue.ok());
  EXPECT_EQ(venue.error().field, "session");
  EXPECT_TRUE(register_outcome({false, false, 0, 2}, {false, 1000, 10, 0, 0}).ok());
}

TEST(EventRules, NoRegistrationAfterTheDeadlineOrForACancelledEvent) {
  EXPECT_FALSE(register_outcome({false, true, 2, 0}, {false, 30, 0}).ok());
  EXPECT_FALSE(register_outcome({true, false, 2, 0}, {false, 30, 0}).ok());
  EXPECT_FALSE(register_outcome({false, false, 2, 0}, {true, 30, 0}).ok());
}

TEST(EventRules, ACancelledSeatGoesToTheWaitlist) {
  EXPECT_TRUE(promote_after_cancel({false, 30, 29}, 1));
  EXPECT_FALSE(promote_after_cancel({false, 30, 29}, 0));
  EXPECT_FALSE(promote_after_cancel({false, 30, 30}, 3));  // still full (capacity lowered)
}

}  // namespace
}  // namespace cp::portal
