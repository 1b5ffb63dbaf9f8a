#include "corpactions/securities_movement.h"

#include <algorithm>

#include "corpactions/entitlement.h"

namespace cp::corpactions {

bool moves_securities(ActionType type) {
  switch (type) {
    case ActionType::kBonusShares:
    case ActionType::kBonusWarrants:
    case ActionType::kSplit:
    case ActionType::kConsolidation:
    case ActionType::kTakeover:
    case ActionType::kScripDividend:
    case ActionType::kRightsIssue:
    case ActionType::kOpenOffer:
      return true;
    default:
      return false;
  }
}

namespace {

bool is_take_up(ActionType type) {
  return type == ActionType::kRightsIssue || type == ActionType::kOpenOffer;
}

}  // namespace

Date rights_credit_date(const CorporateAction& action) {
  return action.record_date->plus_days(1);
}

std::vector<DatedStep> securities_steps_in(const CorporateAction& action, Date after,
                                           Date through) {
  std::vector<DatedStep> out;
  if (!moves_securities(action.type)) return out;
  const auto add = [&](SecuritiesStep step, Date date) {
    if (after < date && date <= through) out.push_back({step, date});
  };
  if (action.type == ActionType::kRightsIssue) {
    add(SecuritiesStep::kRightsCredit, rights_credit_date(action));
  }
  add(SecuritiesStep::kDistribution, *action.payment_date);
  return out;
}

Date step_basis(const CorporateAction& action, const DatedStep& step) {
  if (step.step == SecuritiesStep::kRightsCredit) return action.holders_date();
  const Date before = action.payment_date->plus_days(-1);
  // A take-up's rights lapse as held at the close before: the filing read its own close.
  if (is_take_up(action.type)) return before;
  return std::min(action.holders_date(), before);
}

Date take_up_basis(const CorporateAction& action) {
  Date basis = *action.record_date;
  if (action.type == ActionType::kRightsIssue && action.csdc_deadline) {
    basis = std::max(basis, action.csdc_deadline->date.plus_days(-1));
  }
  // Never the payment date's own close, which this filing's shares are part of.
  return std::min(basis, action.payment_date->plus_days(-1));
}

std::map<std::string, int64_t> take_up_eligible(const CorporateAction& action,
                                                const std::vector<clearing::Holding>& holdings,
                                                Date basis) {
  std::map<std::string, int64_t> out;
  const bool rights_held =
      action.type == ActionType::kRightsIssue && basis >= rights_credit_date(action);
  for (const clearing::Holding& h : holdings) {
    if (h.quantity <= 0) continue;
    if (rights_held) {
      if (h.security_code == action.new_security_code) out[h.account_id] += h.quantity;
    } else if (h.security_code == action.security_code) {
      const int64_t rights = apply_ratio(h.quantity, *action.ratio).whole;
      if (rights > 0) out[h.account_id] += rights;
    }
  }
  return out;
}

std::map<std::string, int64_t> take_up_filed_by_account(
    const CorporateAction& action, Channel channel,
    const std::vector<ElectionInstruction>& prevailing,
    const std::map<std::string, int64_t>& eligible) {
  std::map<std::pair<Channel, std::string>, int64_t> on_channel;
  for (const auto& [account, rights] : eligible) on_channel[{channel, account}] = rights;
  std::vector<ElectionInstruction> channels_own;
  for (const ElectionInstruction& i : prevailing) {
    if (i.channel == channel) channels_own.push_back(i);
  }
  std::map<std::string, int64_t> out;
  const auto filed =
      filed_for(file_elections(action, channels_own, on_channel), ElectionOption::kTakeUp);
  for (const auto& [key, quantity] : filed) {
    if (quantity > 0) out[key.second] = quantity;
  }
  return out;
}

std::vector<clearing::HoldingMovement> rights_credit_movements(
    const CorporateAction& action, const std::vector<clearing::Holding>& holders) {
  std::vector<clearing::HoldingMovement> out;
  if (action.type != ActionType::kRightsIssue) return out;
  for (const clearing::Holding& h : holders) {
    if (h.security_code != action.security_code || h.quantity <= 0) continue;
    const int64_t rights = apply_ratio(h.quantity, *action.ratio).whole;
    if (rights > 0) out.push_back({h.account_id, action.new_security_code, rights});
  }
  return out;
}

std::map<std::string, int64_t> scrip_filed_by_account(
    const CorporateAction& action, Channel channel,
    const std::vector<ElectionInstruction>& prevailing,
    const std::vector<clearing::Holding>& holders) {
  std::vector<Holder> on_channel;
  for (const clearing::Holding& h : holders) {
    if (h.security_code == action.security_code && h.quantity > 0) {
      on_channel.push_back({channel, h.account_id, AccountType::kIndividual, h.quantity});
    }
  }
  std::map<std::string, int64_t> out;
  for (const auto& [key, quantity] : scrip_filed(action, prevailing, on_channel)) {
    if (key.first == channel) out[key.second] = quantity;
  }
  return out;
}

std::vector<clearing::HoldingMovement> securities_movements(
    const CorporateAction& action, const std::vector<clearing::Holding>& holders,
    const std::map<std::string, int64_t>& elected) {
  std::vector<clearing::HoldingMovement> out;
  if (!moves_securities(action.type)) return out;
  if (is_take_up(action.type)) {
    // One new share per right taken up (CA-3: within the entitlement; the filing refused more).
    for (const auto& [account, taken] : elected) {
      if (taken > 0) out.push_back({account, action.security_code, taken});
    }
    if (action.type == ActionType::kRightsIssue) {
      for (const clearing::Holding& h : holders) {
        if (h.security_code == action.new_security_code && h.quantity > 0) {
          out.push_back({h.account_id, action.new_security_code, -h.quantity});
        }
      }
    }
    return out;
  }
  const std::string& code = action.security_code;
  const std::string& other = action.new_security_code.empty() ? code : action.new_security_code;
  for (const clearing::Holding& h : holders) {
    if (h.security_code != code || h.quantity <= 0) continue;
    switch (action.type) {
      case ActionType::kBonusShares:
      case ActionType::kBonusWarrants: {
        const int64_t credited = apply_ratio(h.quantity, *action.ratio).whole;
        if (credited > 0) out.push_back({h.account_id, other, credited});
        break;
      }
      case ActionType::kSplit:
      case ActionType::kConsolidation: {
        const int64_t after = apply_ratio(h.quantity, *action.ratio).whole;
        if (other == code) {
          if (after != h.quantity) out.push_back({h.account_id, code, after - h.quantity});
        } else {
          out.push_back({h.account_id, code, -h.quantity});
          if (after > 0) out.push_back({h.account_id, other, after});
        }
        break;
      }
      case ActionType::kTakeover:
        out.push_back({h.account_id, code, -h.quantity});
        break;
      case ActionType::kScripDividend: {
        const auto filed = elected.find(h.account_id);
        if (filed == elected.end()) break;
        const int64_t shares = scrip_new_shares(action, std::min(filed->second, h.quantity));
        if (shares > 0) out.push_back({h.account_id, other, shares});
        break;
      }
      default:
        break;
    }
  }
  return out;
}

}  // namespace cp::corpactions
