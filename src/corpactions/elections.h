// Investors' elections and the broker's filing to CSDC (SPEC CA-3; seed 002 附件4 第32条;
// research/domain-facts.md §10, risk-and-obligations.md §5). An investor instructs in real time
// through the window; each new instruction replaces the account's earlier one (the last
// prevails); the broker aggregates per option and files to CSDC by CSDC's deadline, which is
// earlier than HKSCC's.
//
// What more than the holding means, by type:
//   - rights issue, open offer: a take-up beyond the entitlement is an excess application, which
//     is not offered (CA-1): refused when instructed, and an instruction that the entitlement at
//     filing no longer covers is refused whole;
//   - scrip, offer acceptance: more than the holding is refused the same way;
//   - vote: votes beyond the holding at the holders' close are pro-rated: each option's votes ×
//     holding ÷ votes instructed, rounded down (research §5 "over-voting is pro-rated" [M]; the
//     rounding is ours [D]).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/market.h"
#include "corpactions/corporate_action.h"

namespace cp::corpactions {

// One option's quantity: shares (scrip, accept, votes) or rights (take_up).
struct Choice {
  ElectionOption option = ElectionOption::kFor;
  int64_t quantity = 0;
};

// "for=600;against=400": the choices as stored and as the command line takes them.
std::string choices_text(const std::vector<Choice>& choices);
// The choices of "option=quantity;…", each quantity a whole number ≥ 0 (check_instruction judges
// them); an error (field "choices") names what does not read.
Result<std::vector<Choice>> parse_choices(std::string_view text);

struct ElectionInstruction {
  Channel channel = Channel::kShanghai;
  std::string account_id;
  std::vector<Choice> choices;  // one per option at most
  HktInstant at;
  int64_t sequence = 0;  // the order instructions arrived in: ties on `at` go to the later one
};

// An instruction given at `at` against `eligible` (the rights held for a take-up; otherwise the
// shares held now): OK, or a rule violation (field named) saying why: before the window opens,
// after CSDC's deadline, an option the event does not offer or named twice, a quantity ≤ 0, or
// more than eligible (an excess application for rights and open offers).
Result<void> check_instruction(const CorporateAction& action,
                               const ElectionInstruction& instruction, int64_t eligible);

// The last instruction of each account (by `at`, then sequence), ordered by channel and account.
std::vector<ElectionInstruction> prevailing(std::vector<ElectionInstruction> instructions);

enum class ElectionStatus : uint8_t { kFiled, kProRated, kRefused };
// "filed", "pro_rated", "refused"
std::string_view election_status_code(ElectionStatus status);

// One account's election as filed, with what it was instructed and what it held.
struct FiledElection {
  Channel channel = Channel::kShanghai;
  std::string account_id;
  std::vector<Choice> instructed;
  std::vector<Choice> filed;  // empty when refused
  int64_t eligible = 0;       // at the holders' close (votes) or at filing
  ElectionStatus status = ElectionStatus::kFiled;
  std::string reason;  // why pro-rated or refused
};

// The filing of the prevailing instructions against each account's eligible quantity
// (`eligible_by_account`: channel and account → shares or rights; an account not there holds
// none). REQUIRES: `instructions` come from prevailing().
std::vector<FiledElection> file_elections(
    const CorporateAction& action, const std::vector<ElectionInstruction>& instructions,
    const std::map<std::pair<Channel, std::string>, int64_t>& eligible_by_account);

// Per channel and account, what was filed for `option` (a refused election files nothing).
std::map<std::pair<Channel, std::string>, int64_t> filed_for(
    const std::vector<FiledElection>& filed, ElectionOption option);

// Per channel and option, the quantity filed to CSDC and the accounts behind it.
struct OptionTotal {
  Channel channel = Channel::kShanghai;
  ElectionOption option = ElectionOption::kFor;
  int64_t quantity = 0;
  int64_t accounts = 0;
};
std::vector<OptionTotal> aggregate(const std::vector<FiledElection>& filed);

}  // namespace cp::corpactions
