#include "portal/event_rules.h"

namespace cp::portal {

const char* outcome_code(RegistrationOutcome outcome) {
  return outcome == RegistrationOutcome::kConfirmed ? "confirmed" : "waitlisted";
}

Result<RegistrationOutcome> register_outcome(const EventFacts& event, const SessionFacts& session) {
  if (event.cancelled || session.cancelled) {
    return rule_violation("the event or session is cancelled", "session");
  }
  if (event.past_deadline) return rule_violation("registration has closed", "event");
  if (event.seats_per_firm > 0 && event.firm_active >= event.seats_per_firm) {
    return rule_violation("this event takes at most " + std::to_string(event.seats_per_firm) +
                              " registration(s) per participant; yours are taken (cancel one to "
                              "register someone else)",
                          "event");
  }
  if (session.seats_per_firm > 0 && session.firm_active >= session.seats_per_firm) {
    return rule_violation("this session takes at most " + std::to_string(session.seats_per_firm) +
                              " registration(s) per participant; yours are taken",
                          "session");
  }
  return session.confirmed < session.capacity ? RegistrationOutcome::kConfirmed
                                              : RegistrationOutcome::kWaitlisted;
}

bool promote_after_cancel(const SessionFacts& session_after_cancel, int64_t waitlisted) {
  return !session_after_cancel.cancelled && waitlisted > 0 &&
         session_after_cancel.confirmed < session_after_cancel.capacity;
}

}  // namespace cp::portal
