#include "corpactions/elections.h"

#include <algorithm>
#include <string>
#include <tuple>

#include "clearing/csv_fields.h"
#include "core/assert.h"
#include "core/decimal.h"

namespace cp::corpactions {
namespace {

int64_t total_of(const std::vector<Choice>& choices) {
  int64_t total = 0;
  for (const Choice& c : choices) total += c.quantity;
  return total;
}

bool is_take_up(ActionType type) {
  return type == ActionType::kRightsIssue || type == ActionType::kOpenOffer;
}

}  // namespace

std::string choices_text(const std::vector<Choice>& choices) {
  std::string out;
  for (const Choice& c : choices) {
    if (!out.empty()) out += ';';
    out += std::string(election_option_code(c.option)) + "=" + std::to_string(c.quantity);
  }
  return out;
}

Result<std::vector<Choice>> parse_choices(std::string_view text) {
  std::vector<Choice> out;
  while (!text.empty()) {
    const size_t semicolon = text.find(';');
    const std::string_view part = text.substr(0, semicolon);
    const size_t equals = part.find('=');
    if (equals == std::string_view::npos) {
      return invalid_input("'" + std::string(part) + "' is not option=quantity", "choices");
    }
    auto option = parse_election_option(part.substr(0, equals));
    if (!option.ok()) return invalid_input(option.error().message, "choices");
    auto quantity = Decimal::parse(part.substr(equals + 1), 0);
    if (!quantity.ok() || quantity->is_negative() ||
        *quantity > Decimal::from_int(clearing::kSharesMax)) {
      return invalid_input(
          "the quantity of '" + std::string(part) + "' is not a whole number of shares", "choices");
    }
    out.push_back({*option, static_cast<int64_t>(quantity->units())});
    text = semicolon == std::string_view::npos ? std::string_view() : text.substr(semicolon + 1);
  }
  if (out.empty()) return invalid_input("no choices given (option=quantity;…)", "choices");
  return out;
}

Result<void> check_instruction(const CorporateAction& action,
                               const ElectionInstruction& instruction, int64_t eligible) {
  const std::string event = "event " + action.event_id + ": ";
  if (!action.takes_elections()) {
    return rule_violation(
        event + "a " + std::string(action_type_code(action.type)) + " takes no elections",
        "options");
  }
  if (instruction.at < *action.election_open) {
    return rule_violation(
        event + "the election window opens at " + action.election_open->to_string() + " HKT", "at");
  }
  if (instruction.at > *action.csdc_deadline) {
    return rule_violation(event + "CSDC's deadline was " + action.csdc_deadline->to_string() +
                              " HKT: elections after it are not filed (SPEC CA-3)",
                          "at");
  }
  if (instruction.choices.empty()) {
    return rule_violation(event + "an instruction names at least one option", "options");
  }
  for (const Choice& c : instruction.choices) {
    const std::string option(election_option_code(c.option));
    if (std::find(action.options.begin(), action.options.end(), c.option) == action.options.end()) {
      return rule_violation(event + "option '" + option + "' is not offered by this event",
                            "options");
    }
    if (std::count_if(instruction.choices.begin(), instruction.choices.end(),
                      [&](const Choice& other) { return other.option == c.option; }) > 1) {
      return rule_violation(event + "option '" + option + "' is named twice", "options");
    }
    if (c.quantity <= 0) {
      return rule_violation(event + "the quantity for '" + option + "' must be above zero",
                            "quantity");
    }
  }
  const int64_t total = total_of(instruction.choices);
  if (total > eligible) {
    if (is_take_up(action.type)) {
      return rule_violation(event + "taking up " + std::to_string(total) + " is more than the " +
                                std::to_string(eligible) +
                                " held: excess application is not offered to Southbound "
                                "investors (SPEC CA-1)",
                            "quantity");
    }
    return rule_violation(event + "instructed " + std::to_string(total) + " is more than the " +
                              std::to_string(eligible) + " held",
                          "quantity");
  }
  return {};
}

std::vector<ElectionInstruction> prevailing(std::vector<ElectionInstruction> instructions) {
  std::stable_sort(instructions.begin(), instructions.end(),
                   [](const ElectionInstruction& a, const ElectionInstruction& b) {
                     return std::tie(a.channel, a.account_id, a.at, a.sequence) <
                            std::tie(b.channel, b.account_id, b.at, b.sequence);
                   });
  std::vector<ElectionInstruction> out;
  for (auto& instruction : instructions) {
    if (!out.empty() && out.back().channel == instruction.channel &&
        out.back().account_id == instruction.account_id) {
      out.back() = std::move(instruction);  // a later one replaces it (CA-3)
    } else {
      out.push_back(std::move(instruction));
    }
  }
  return out;
}

std::string_view election_status_code(ElectionStatus status) {
  switch (status) {
    case ElectionStatus::kProRated:
      return "pro_rated";
    case ElectionStatus::kRefused:
      return "refused";
    case ElectionStatus::kFiled:
      break;
  }
  return "filed";
}

std::vector<FiledElection> file_elections(
    const CorporateAction& action, const std::vector<ElectionInstruction>& instructions,
    const std::map<std::pair<Channel, std::string>, int64_t>& eligible_by_account) {
  std::vector<FiledElection> out;
  out.reserve(instructions.size());
  for (const ElectionInstruction& instruction : instructions) {
    FiledElection f;
    f.channel = instruction.channel;
    f.account_id = instruction.account_id;
    f.instructed = instruction.choices;
    const auto found = eligible_by_account.find({instruction.channel, instruction.account_id});
    f.eligible = found == eligible_by_account.end() ? 0 : found->second;
    const int64_t total = total_of(instruction.choices);
    if (total <= f.eligible) {
      f.filed = instruction.choices;
    } else if (action.type == ActionType::kVote && f.eligible > 0) {
      f.status = ElectionStatus::kProRated;
      f.reason = std::to_string(total) + " votes against " + std::to_string(f.eligible) +
                 " shares held: each option × " + std::to_string(f.eligible) + " ÷ " +
                 std::to_string(total) + ", rounded down";
      for (const Choice& c : instruction.choices) {
        const Int128 scaled = static_cast<Int128>(c.quantity) * f.eligible / total;
        if (scaled > 0) f.filed.push_back({c.option, static_cast<int64_t>(scaled)});
      }
    } else {
      f.status = ElectionStatus::kRefused;
      f.reason = f.eligible == 0 ? "holds none at filing"
                                 : "instructed " + std::to_string(total) + " is more than the " +
                                       std::to_string(f.eligible) + " held at filing" +
                                       (is_take_up(action.type)
                                            ? " (excess application is not offered: SPEC CA-1)"
                                            : "");
    }
    CP_ASSERT(total_of(f.filed) <= f.eligible, "nothing is filed beyond what is held");
    out.push_back(std::move(f));
  }
  return out;
}

std::map<std::pair<Channel, std::string>, int64_t> filed_for(
    const std::vector<FiledElection>& filed, ElectionOption option) {
  std::map<std::pair<Channel, std::string>, int64_t> out;
  for (const FiledElection& f : filed) {
    for (const Choice& c : f.filed) {
      if (c.option == option) out[{f.channel, f.account_id}] += c.quantity;
    }
  }
  return out;
}

std::vector<OptionTotal> aggregate(const std::vector<FiledElection>& filed) {
  std::map<std::pair<Channel, ElectionOption>, OptionTotal> totals;
  for (const FiledElection& f : filed) {
    for (const Choice& c : f.filed) {
      OptionTotal& t = totals[{f.channel, c.option}];
      t.channel = f.channel;
      t.option = c.option;
      t.quantity += c.quantity;
      t.accounts += 1;
    }
  }
  std::vector<OptionTotal> out;
  for (auto& [key, total] : totals) out.push_back(total);
  return out;
}

}  // namespace cp::corpactions
