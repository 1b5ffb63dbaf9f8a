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
      return true;
    default:
      return false;
  }
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
    const std::map<std::string, int64_t>& scrip_elected) {
  std::vector<clearing::HoldingMovement> out;
  if (!moves_securities(action.type)) return out;
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
        const auto elected = scrip_elected.find(h.account_id);
        if (elected == scrip_elected.end()) break;
        const int64_t shares = scrip_new_shares(action, std::min(elected->second, h.quantity));
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
