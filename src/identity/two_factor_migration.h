// The 2FA migration by dated phases (SPEC AUTH-1, AUTH-2; seed 003, HKSCC's CCASS schedule of
// 2022-23): designated emails are registered (users' first, administrators' later), a deadline
// passes, 2FA comes on — new users must use it while existing users may fall back to the old
// method — and then 2FA is the only method. The dates are parameters (data/parameters.csv,
// auth.2fa.*); the old method here is the password alone (CCASS's was the smartcard).
#pragma once

#include <string>

#include "core/date.h"
#include "core/result.h"

namespace cp::identity {

struct MigrationDates {
  Date user_registration_from;   // users' designated emails may be registered
  Date admin_registration_from;  // administrators' too (the operator approves them, AUTH-1)
  Date registration_deadline;    // the last day to register before 2FA comes on
  Date two_factor_on;            // 2FA on: required of new users; existing ones may fall back
  Date two_factor_only;          // 2FA the only method: the fallback is switched off
};

enum class MigrationPhase {
  kBeforeRegistration,  // nothing registered yet; the old method for everyone
  kRegistration,        // registration open (to the deadline and after it); the old method
  kTwoFactorWithFallback,
  kTwoFactorOnly,
};

MigrationPhase migration_phase(const MigrationDates& dates, Date today);
std::string migration_phase_code(MigrationPhase phase);  // "registration", "two_factor_only", …

// How a user may sign in on `today`. `existing_user`: created before 2FA came on (AUTH-2's
// "existing users", who may fall back while new users may not).
struct SignInRule {
  bool email_required = true;     // without a registered designated email: no sign-in at all
  bool fallback_allowed = false;  // the password alone (the old method) may open a session
  std::string why;                // for a refusal: the phase and its date
};
SignInRule sign_in_rule(const MigrationDates& dates, Date today, bool existing_user);

// Whether a designated email may be registered on `today` (administrators' open later).
Result<void> may_register_email(const MigrationDates& dates, Date today, bool administrator);

}  // namespace cp::identity
