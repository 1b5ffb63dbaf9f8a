#include "corpactions/securities_movement.h"

#include "corpactions/entitlement.h"

namespace cp::corpactions {

bool moves_securities(ActionType type) {
  switch (type) {
    case ActionType::kBonusShares:
    case ActionType::kBonusWarrants:
    case ActionType::kSplit:
    case ActionType::kConsolidation:
    case ActionType::kTakeover:
      return true;
    default:
      return false;
  }
}

std::vector<clearing::HoldingMovement> securities_movements(
    const CorporateAction& action, const std::vector<clearing::Holding>& holders) {
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
      default:
        break;
    }
  }
  return out;
}

}  // namespace cp::corpactions
