#include "workflow/request_workflow.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/assert.h"
#include "core/input_limits.h"
#include "core/utf8.h"

namespace cp::workflow {
namespace {

constexpr std::array<std::pair<Status, const char*>, 9> kStatuses = {{
    {Status::kDraft, "draft"},
    {Status::kSubmitted, "submitted"},
    {Status::kReturned, "returned"},
    {Status::kApproved, "approved"},
    {Status::kReceived, "received"},
    {Status::kInProcessing, "in_processing"},
    {Status::kCompleted, "completed"},
    {Status::kRejected, "rejected"},
    {Status::kWithdrawn, "withdrawn"},
}};

constexpr std::array<std::pair<Action, const char*>, 10> kActions = {{
    {Action::kSave, "save"},
    {Action::kSubmit, "submit"},
    {Action::kWithdraw, "withdraw"},
    {Action::kApprove, "approve"},
    {Action::kReturn, "return"},
    {Action::kReceive, "receive"},
    {Action::kAssign, "assign"},
    {Action::kStart, "start"},
    {Action::kComplete, "complete"},
    {Action::kReject, "reject"},
}};

enum class Needs { kMake, kMakerOfThis, kCheckNotMaker, kProcess, kProcessAssigned };

// One row per action: the states it applies to, who may take it, where it leads ("same" keeps
// the state), and whether a reason is required.
struct Rule {
  Action action;
  std::vector<Status> from;
  Needs needs;
  std::optional<Status> to;  // nullopt: the state does not change
  bool needs_reason;
};

const std::vector<Rule>& rules() {
  static const std::vector<Rule> table = {
      {Action::kSave, {Status::kDraft, Status::kReturned}, Needs::kMake, std::nullopt, false},
      {Action::kSubmit,
       {Status::kDraft, Status::kReturned},
       Needs::kMake,
       Status::kSubmitted,
       false},
      {Action::kWithdraw,
       {Status::kDraft, Status::kSubmitted, Status::kReturned},
       Needs::kMakerOfThis,
       Status::kWithdrawn,
       false},
      {Action::kApprove, {Status::kSubmitted}, Needs::kCheckNotMaker, Status::kApproved, false},
      {Action::kReturn, {Status::kSubmitted}, Needs::kCheckNotMaker, Status::kReturned, true},
      {Action::kReceive, {Status::kApproved}, Needs::kProcess, Status::kReceived, false},
      {Action::kAssign,
       {Status::kReceived, Status::kInProcessing},
       Needs::kProcess,
       std::nullopt,
       false},
      {Action::kStart, {Status::kReceived}, Needs::kProcessAssigned, Status::kInProcessing, false},
      {Action::kComplete,
       {Status::kInProcessing},
       Needs::kProcessAssigned,
       Status::kCompleted,
       false},
      {Action::kReject,
       {Status::kReceived, Status::kInProcessing},
       Needs::kProcessAssigned,
       Status::kRejected,
       true},
  };
  return table;
}

const Rule& rule_for(Action action) {
  for (const Rule& rule : rules()) {
    if (rule.action == action) return rule;
  }
  CP_ASSERT(false, "every action has a rule");
}

// Why `actor` may not take the step, or "" if they may.
std::string refusal(const Rule& rule, const RequestFacts& request, const Actor& actor) {
  const bool is_maker = request.makers.count(actor.user_id) != 0;
  switch (rule.needs) {
    case Needs::kMake:
      return actor.can_make ? "" : "preparing requests of this service needs the make entitlement";
    case Needs::kMakerOfThis:
      if (!actor.can_make) return "withdrawing needs the make entitlement";
      return is_maker ? "" : "only a maker of this request may withdraw it";
    case Needs::kCheckNotMaker:
      if (!actor.can_check) return "approving or returning needs the check entitlement";
      return is_maker ? "the checker must be someone other than the request's makers "
                        "(maker-checker, SPEC PORTAL-7)"
                      : "";
    case Needs::kProcess:
      return actor.can_process ? ""
                               : "only the clearing house's operations team processes requests";
    case Needs::kProcessAssigned:
      if (!actor.can_process) return "only the clearing house's operations team processes requests";
      if (!request.assignee.empty() && request.assignee != actor.user_id) {
        return "the request is assigned to " + request.assignee;
      }
      return "";
  }
  return "unknown rule";
}

}  // namespace

const char* status_code(Status status) {
  for (const auto& [s, code] : kStatuses) {
    if (s == status) return code;
  }
  CP_ASSERT(false, "unknown status");
}

Result<Status> parse_status(std::string_view text) {
  for (const auto& [status, code] : kStatuses) {
    if (text == code) return status;
  }
  return invalid_input("unknown status '" + std::string(text) + "'", "status");
}

const std::vector<Status>& all_statuses() {
  static const std::vector<Status> statuses = [] {
    std::vector<Status> out;
    for (const auto& [status, code] : kStatuses) out.push_back(status);
    return out;
  }();
  return statuses;
}

bool is_final(Status status) {
  return status == Status::kCompleted || status == Status::kRejected ||
         status == Status::kWithdrawn;
}

const char* action_code(Action action) {
  for (const auto& [a, code] : kActions) {
    if (a == action) return code;
  }
  CP_ASSERT(false, "unknown action");
}

Result<Action> parse_action(std::string_view text) {
  for (const auto& [action, code] : kActions) {
    if (text == code) return action;
  }
  return invalid_input("unknown action '" + std::string(text) + "'", "action");
}

Result<Step> next_step(const RequestFacts& request, Action action, const Actor& actor,
                       std::string_view reason) {
  const Rule& rule = rule_for(action);
  if (std::find(rule.from.begin(), rule.from.end(), request.status) == rule.from.end()) {
    return make_error(ErrorCode::kConflict, std::string("a request that is ") +
                                                status_code(request.status) + " cannot be " +
                                                "taken through '" + action_code(action) + "'");
  }
  const std::string why = refusal(rule, request, actor);
  if (!why.empty()) return rule_violation(why);
  // Whitespace alone (tabs, line breaks) is no reason (issue 14 finding 8).
  if (rule.needs_reason && is_blank(reason)) {
    return invalid_input(std::string("'") + action_code(action) + "' needs a reason", "reason");
  }
  if (reason.size() > limits::kReasonBytesMax || !is_valid_utf8(reason) ||
      has_control_characters(reason, true)) {
    return invalid_input(
        "a reason is text of at most " + std::to_string(limits::kReasonBytesMax) + " bytes",
        "reason");
  }
  return Step{rule.to.value_or(request.status), rule.needs_reason};
}

std::vector<Action> available_actions(const RequestFacts& request, const Actor& actor) {
  std::vector<Action> out;
  for (const Rule& rule : rules()) {
    if (std::find(rule.from.begin(), rule.from.end(), request.status) == rule.from.end()) continue;
    if (refusal(rule, request, actor).empty()) out.push_back(rule.action);
  }
  return out;
}

}  // namespace cp::workflow
