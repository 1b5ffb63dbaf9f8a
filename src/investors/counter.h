// The back office's counter (SPEC SUIT-3, SUIT-5; seed 002 附件2 第8条; issue 18 item 3): an
// institution's opening and any investor's closing of the Southbound permission are requests a
// member of the broker's staff files for an account and channel and a second one decides
// (maker-checker, SPEC PORTAL-7). The approval runs the rules on the day it is given — every
// suitability rule for an opening (investors/suitability.h), the closing check for a closing
// (investors/closing.h) — and grants, closes, or records the refusal with its reasons. Pure: the
// store keeps the requests, the shell runs the rules.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace cp::investors {

enum class CounterKind : uint8_t { kOpen, kClose };
// "open", "close"
std::string_view counter_kind_code(CounterKind kind);
Result<CounterKind> parse_counter_kind(std::string_view code);

enum class CounterState : uint8_t {
  kPending,    // filed, waiting for a checker
  kApproved,   // approved and the rules passed: granted or closed
  kRefused,    // approved, but a rule said no on the day: nothing granted or closed
  kRejected,   // the checker said no, with a reason
  kWithdrawn,  // the maker took it back
};
// "pending", "approved", "refused", "rejected", "withdrawn"
std::string_view counter_state_code(CounterState state);
Result<CounterState> parse_counter_state(std::string_view code);

enum class CounterAction : uint8_t { kApprove, kReject, kWithdraw };

// Whether `actor` may take `action` on a request in `state` filed by `maker`. Refuses (kConflict)
// a request no longer pending, naming its state; (kRuleViolation) the maker approving or
// rejecting their own request, whatever roles they hold, and anyone but the maker withdrawing
// it; (kInvalidInput, field "reason") a rejection without a reason.
Result<void> may_take(CounterState state, const std::string& maker, const std::string& actor,
                      CounterAction action, std::string_view reason);

}  // namespace cp::investors
