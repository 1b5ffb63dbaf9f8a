#include "identity/two_factor_migration.h"

#include <gtest/gtest.h>

namespace cp::identity {
namespace {

Date d(const char* text) {
  return *Date::parse(text);
}

// Seed 003 (HKSCC's circular on CCASS 2FA): users register from 19 Dec 2022, administrators
// from 20 Mar 2023, deadline 28 Apr 2023; 2FA on at the end of May 2023 and the only method at
// the end of July 2023 (the last days of those months chosen, data/parameters.csv).
const MigrationDates kCcass2023{d("2022-12-19"), d("2023-03-20"), d("2023-04-28"), d("2023-05-31"),
                                d("2023-07-31")};

TEST(TwoFactorMigration, PhasesChangeOnTheirFirstDay) {
  EXPECT_EQ(migration_phase(kCcass2023, d("2022-12-18")), MigrationPhase::kBeforeRegistration);
  EXPECT_EQ(migration_phase(kCcass2023, d("2022-12-19")), MigrationPhase::kRegistration);
  // The deadline passes without a change of phase: 2FA is not on yet.
  EXPECT_EQ(migration_phase(kCcass2023, d("2023-04-29")), MigrationPhase::kRegistration);
  EXPECT_EQ(migration_phase(kCcass2023, d("2023-05-30")), MigrationPhase::kRegistration);
  EXPECT_EQ(migration_phase(kCcass2023, d("2023-05-31")), MigrationPhase::kTwoFactorWithFallback);
  EXPECT_EQ(migration_phase(kCcass2023, d("2023-07-30")), MigrationPhase::kTwoFactorWithFallback);
  EXPECT_EQ(migration_phase(kCcass2023, d("2023-07-31")), MigrationPhase::kTwoFactorOnly);
  EXPECT_EQ(migration_phase_code(migration_phase(kCcass2023, d("2026-11-22"))), "two_factor_only");
}

TEST(TwoFactorMigration, AdministratorsRegisterLaterThanUsers) {
  EXPECT_FALSE(may_register_email(kCcass2023, d("2022-12-18"), false).ok());
  EXPECT_TRUE(may_register_email(kCcass2023, d("2022-12-19"), false).ok());
  const auto early = may_register_email(kCcass2023, d("2023-03-19"), true);
  ASSERT_FALSE(early.ok());
  EXPECT_NE(early.error().message.find("from 2023-03-20"), std::string::npos);
  EXPECT_TRUE(may_register_email(kCcass2023, d("2023-03-20"), true).ok());
  // After the deadline new users still need addresses: registration stays open.
  EXPECT_TRUE(may_register_email(kCcass2023, d("2024-01-02"), false).ok());
}

TEST(TwoFactorMigration, BeforeTwoFactorEveryoneSignsInTheOldWay) {
  const SignInRule rule = sign_in_rule(kCcass2023, d("2023-05-30"), /*existing_user=*/false);
  EXPECT_FALSE(rule.email_required);
  EXPECT_TRUE(rule.fallback_allowed);
}

TEST(TwoFactorMigration, OnceOnOnlyExistingUsersMayFallBack) {
  const SignInRule existing = sign_in_rule(kCcass2023, d("2023-06-15"), true);
  EXPECT_TRUE(existing.email_required);
  EXPECT_TRUE(existing.fallback_allowed);
  const SignInRule fresh = sign_in_rule(kCcass2023, d("2023-06-15"), false);
  EXPECT_TRUE(fresh.email_required);
  EXPECT_FALSE(fresh.fallback_allowed);
  EXPECT_EQ(fresh.why, "2FA is on since 2023-05-31 (SPEC AUTH-2)");
}

TEST(TwoFactorMigration, AtTheEndTheFallbackIsOffForEveryone) {
  const SignInRule rule = sign_in_rule(kCcass2023, d("2023-07-31"), true);
  EXPECT_TRUE(rule.email_required);
  EXPECT_FALSE(rule.fallback_allowed);
  EXPECT_EQ(rule.why, "2FA is the only sign-in method since 2023-07-31 (SPEC AUTH-2)");
}

}  // namespace
}  // namespace cp::identity
