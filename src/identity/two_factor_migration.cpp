#include "identity/two_factor_migration.h"

namespace cp::identity {

MigrationPhase migration_phase(const MigrationDates& dates, Date today) {
  if (today >= dates.two_factor_only) return MigrationPhase::kTwoFactorOnly;
  if (today >= dates.two_factor_on) return MigrationPhase::kTwoFactorWithFallback;
  if (today >= dates.user_registration_from) return MigrationPhase::kRegistration;
  return MigrationPhase::kBeforeRegistration;
}

std::string migration_phase_code(MigrationPhase phase) {
  switch (phase) {
    case MigrationPhase::kBeforeRegistration:
      return "before_registration";
    case MigrationPhase::kRegistration:
      return "registration";
    case MigrationPhase::kTwoFactorWithFallback:
      return "two_factor_with_fallback";
    case MigrationPhase::kTwoFactorOnly:
      return "two_factor_only";
  }
  return "unknown";
}

SignInRule sign_in_rule(const MigrationDates& dates, Date today, bool existing_user) {
  SignInRule rule;
  switch (migration_phase(dates, today)) {
    case MigrationPhase::kBeforeRegistration:
    case MigrationPhase::kRegistration:
      // Before 2FA comes on, everyone signs in the old way; a second factor already set up
      // may be used too.
      rule.email_required = false;
      rule.fallback_allowed = true;
      break;
    case MigrationPhase::kTwoFactorWithFallback:
      rule.email_required = true;
      // Only users who existed before 2FA came on may fall back; new users use 2FA only.
      rule.fallback_allowed = existing_user;
      rule.why = "2FA is on since " + dates.two_factor_on.to_string() + " (SPEC AUTH-2)";
      break;
    case MigrationPhase::kTwoFactorOnly:
      rule.email_required = true;
      rule.fallback_allowed = false;
      rule.why = "2FA is the only sign-in method since " + dates.two_factor_only.to_string() +
                 " (SPEC AUTH-2)";
      break;
  }
  return rule;
}

Result<void> may_register_email(const MigrationDates& dates, Date today, bool administrator) {
  const Date opens = administrator ? dates.admin_registration_from : dates.user_registration_from;
  if (today < opens) {
    return rule_violation(std::string(administrator ? "administrators'" : "users'") +
                              " designated emails can be registered from " + opens.to_string() +
                              " (SPEC AUTH-2)",
                          "email");
  }
  return Ok{};
}

}  // namespace cp::identity
