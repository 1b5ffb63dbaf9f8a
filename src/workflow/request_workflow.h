// The maker-checker life of an e-service request (SPEC PORTAL-7, PORTAL-12; issue 6): a maker of
// the firm prepares and submits it, a checker of the same firm who is not one of its makers
// approves it or returns it for changes, and the clearing house's operations team receives,
// processes and completes or rejects it. A maker may withdraw it until it is approved. Nothing is
// ever deleted: withdrawn, rejected and completed are end states kept with their history.
//
// Pure rules: the shell says who the actor is and what their roles allow; this says whether the
// step is allowed and what the request becomes.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace cp::workflow {

enum class Status {
  kDraft,
  kSubmitted,
  kReturned,  // by the checker, for the maker to change and submit again
  kApproved,
  kReceived,  // by the operator
  kInProcessing,
  kCompleted,
  kRejected,  // by the operator, with a reason
  kWithdrawn,
};
const char* status_code(Status status);
Result<Status> parse_status(std::string_view text);
const std::vector<Status>& all_statuses();
bool is_final(Status status);

enum class Action {
  kSave,  // change a draft's or a returned request's data
  kSubmit,
  kWithdraw,
  kApprove,
  kReturn,
  kReceive,
  kAssign,  // the operator sets who works on it
  kStart,   // into processing
  kComplete,
  kReject,
};
const char* action_code(Action action);
Result<Action> parse_action(std::string_view text);

// What the shell knows of the request.
struct RequestFacts {
  Status status = Status::kDraft;
  // Everyone who created, changed or submitted it: none of them may approve it (maker-checker is
  // checked on identity, whatever roles they hold; administrators are not exempt).
  std::set<std::string> makers;
  std::string assignee;  // the operator working on it; "" none
};

// Who acts, and what their roles give them: make and check in the request's firm, process in the
// operator's firm. The router has already refused users of other firms.
struct Actor {
  std::string user_id;
  bool can_make = false;
  bool can_check = false;
  bool can_process = false;
};

struct Step {
  Status to = Status::kDraft;
  bool needs_reason = false;  // the step is recorded with the actor's reason
};

// Whether `actor` may take `action` now, and where it leads. Errors: kConflict when the request
// is not in a state the action applies to (naming the state), kRuleViolation when this actor
// may not take it (naming why), kInvalidInput when a required reason is missing.
Result<Step> next_step(const RequestFacts& request, Action action, const Actor& actor,
                       std::string_view reason);

// The actions `actor` could take now, for the page's buttons and the API's `actions` list.
std::vector<Action> available_actions(const RequestFacts& request, const Actor& actor);

}  // namespace cp::workflow
