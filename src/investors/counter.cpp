#include "investors/counter.h"

#include <array>
#include <string>

namespace cp::investors {
namespace {

constexpr std::array<std::string_view, 2> kKindCodes = {"open", "close"};
constexpr std::array<std::string_view, 5> kStateCodes = {"pending", "approved", "refused",
                                                         "rejected", "withdrawn"};

bool blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

std::string_view counter_kind_code(CounterKind kind) {
  return kKindCodes[static_cast<size_t>(kind)];
}

Result<CounterKind> parse_counter_kind(std::string_view code) {
  for (size_t i = 0; i < kKindCodes.size(); ++i) {
    if (kKindCodes[i] == code) return static_cast<CounterKind>(i);
  }
  return invalid_input("unknown counter request '" + std::string(code) + "' (open or close)",
                       "kind");
}

std::string_view counter_state_code(CounterState state) {
  return kStateCodes[static_cast<size_t>(state)];
}

Result<CounterState> parse_counter_state(std::string_view code) {
  for (size_t i = 0; i < kStateCodes.size(); ++i) {
    if (kStateCodes[i] == code) return static_cast<CounterState>(i);
  }
  return invalid_input("unknown counter request state '" + std::string(code) + "'", "state");
}

Result<void> may_take(CounterState state, const std::string& maker, const std::string& actor,
                      CounterAction action, std::string_view reason) {
  if (state != CounterState::kPending) {
    return make_error(
        ErrorCode::kConflict,
        "the request is " + std::string(counter_state_code(state)) + ": it is no longer pending");
  }
  switch (action) {
    case CounterAction::kApprove:
    case CounterAction::kReject:
      // Maker-checker on identity (SPEC PORTAL-7): the one who filed it never decides it.
      if (actor == maker) {
        return make_error(ErrorCode::kRuleViolation,
                          "you filed this request: another member of staff decides it");
      }
      if (action == CounterAction::kReject && blank(reason)) {
        return invalid_input("a rejection says why", "reason");
      }
      return Ok{};
    case CounterAction::kWithdraw:
      if (actor != maker) {
        return make_error(ErrorCode::kRuleViolation,
                          "only the member of staff who filed it withdraws it");
      }
      return Ok{};
  }
  return Ok{};
}

}  // namespace cp::investors
