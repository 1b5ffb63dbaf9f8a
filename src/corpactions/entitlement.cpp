#include "corpactions/entitlement.h"

#include <algorithm>

#include "core/assert.h"

namespace cp::corpactions {

WholeAndFraction apply_ratio(int64_t holding, const Ratio& ratio) {
  CP_ASSERT(ratio.new_units > 0 && ratio.old_units > 0, "a validated ratio");
  // Shares ≤ 10^12 and units ≤ 10^12: the product needs 128 bits.
  const Int128 product = static_cast<Int128>(holding) * ratio.new_units;
  return {static_cast<int64_t>(product / ratio.old_units),
          static_cast<int64_t>(product % ratio.old_units)};
}

FiledQuantities scrip_filed(const CorporateAction& action,
                            const std::vector<ElectionInstruction>& prevailing,
                            std::span<const Holder> holders) {
  if (action.type != ActionType::kScripDividend) return {};
  std::map<std::pair<Channel, std::string>, int64_t> eligible;
  for (const Holder& h : holders) eligible[{h.channel, h.account_id}] = h.shares;
  return filed_for(file_elections(action, prevailing, eligible), ElectionOption::kScrip);
}

int64_t scrip_new_shares(const CorporateAction& action, int64_t elected) {
  const Decimal value = *action.rate * Decimal::from_int(elected);
  return static_cast<int64_t>(divide(value, *action.price, 0, Rounding::kFloor).units());
}

std::vector<Entitlement> entitlements(const CorporateAction& action,
                                      std::span<const Holder> holders, int64_t board_lot,
                                      const FiledQuantities* scrip) {
  CP_ASSERT(board_lot > 0, "a board lot above zero");
  std::vector<Entitlement> out;
  out.reserve(holders.size());
  for (const Holder& holder : holders) {
    CP_ASSERT(holder.shares > 0, "a holder holds shares");
    Entitlement e;
    e.channel = holder.channel;
    e.account_id = holder.account_id;
    e.account_type = holder.account_type;
    e.holding = holder.shares;
    switch (action.type) {
      case ActionType::kCashDividend:
      case ActionType::kTakeover:
        e.cash_ccy = *action.rate * Decimal::from_int(holder.shares);
        break;
      case ActionType::kScripDividend: {
        if (scrip != nullptr) {
          const auto found = scrip->find({holder.channel, holder.account_id});
          if (found != scrip->end()) e.scrip_elected = std::min(found->second, holder.shares);
        }
        e.securities = scrip_new_shares(action, e.scrip_elected);
        e.cash_ccy = *action.rate * Decimal::from_int(holder.shares - e.scrip_elected);
        break;
      }
      case ActionType::kBonusShares: {
        const WholeAndFraction bonus = apply_ratio(holder.shares, *action.ratio);
        e.securities = bonus.whole;
        e.fraction_numerator = bonus.fraction_numerator;
        e.odd_lot = (holder.shares + bonus.whole) % board_lot;
        break;
      }
      case ActionType::kBonusWarrants:
      case ActionType::kRightsIssue:
      case ActionType::kOpenOffer: {
        const WholeAndFraction got = apply_ratio(holder.shares, *action.ratio);
        e.securities = got.whole;
        e.fraction_numerator = got.fraction_numerator;
        break;
      }
      case ActionType::kSplit:
      case ActionType::kConsolidation: {
        const WholeAndFraction after = apply_ratio(holder.shares, *action.ratio);
        e.securities = after.whole;
        e.fraction_numerator = after.fraction_numerator;
        e.odd_lot = after.whole % board_lot;
        break;
      }
      case ActionType::kVote:
        e.votes = holder.shares;
        break;
      case ActionType::kIpoSubscription:
      case ActionType::kExcessApplication:
      case ActionType::kWarrantExercise:
        CP_ASSERT(false, "an action never offered has no entitlements");
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace cp::corpactions
