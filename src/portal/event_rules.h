// Seminar and event registration (SPEC PORTAL-10; seed 003 for the per-firm seat limit): an
// event has sessions (at a venue or online, in a language, with a capacity), a registration
// deadline, and limits of seats per firm over the whole event or for one session. A registration
// within the limit is confirmed while the session has room and waitlisted after; a cancelled
// confirmed seat goes to the session's first waitlisted registration.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace cp::portal {

struct EventFacts {
  bool cancelled = false;
  bool past_deadline = false;
  int64_t seats_per_firm = 0;  // 0 = no limit
  int64_t firm_active = 0;     // the firm's confirmed and waitlisted registrations for the event
};

struct SessionFacts {
  bool cancelled = false;
  int64_t capacity = 0;
  int64_t confirmed = 0;
  // A limit on one session alone, as seed 003's briefing had for its venue session only
  // ("*每個結算參與者或指定銀行最多有 2 個名額"); 0 = none.
  int64_t seats_per_firm = 0;
  int64_t firm_active = 0;  // the firm's confirmed and waitlisted registrations for the session
};

enum class RegistrationOutcome { kConfirmed, kWaitlisted };
const char* outcome_code(RegistrationOutcome outcome);

// Whether one more registration of the firm is taken and how. Errors (kRuleViolation) say why
// not: the event or session is cancelled, the deadline has passed, or the firm has its seats
// ("at most 2 per participant": a third is refused, waitlisted ones count).
Result<RegistrationOutcome> register_outcome(const EventFacts& event, const SessionFacts& session);

// After a confirmed registration is cancelled: whether the first waitlisted one gets the seat.
bool promote_after_cancel(const SessionFacts& session_after_cancel, int64_t waitlisted);

}  // namespace cp::portal
