#include "trading/reference_rates.h"

#include <string>

namespace cp::trading {

Result<QuotaRateBasis> parse_quota_rate_basis(std::string_view text) {
  if (text == "reference_sell_rate") return QuotaRateBasis::kReferenceSell;
  if (text == "reference_buy_rate") return QuotaRateBasis::kReferenceBuy;
  return invalid_input("trading.quota.fx_rate_basis is '" + std::string(text) +
                           "': it must be reference_sell_rate or reference_buy_rate",
                       "trading.quota.fx_rate_basis");
}

Decimal quota_rate(const ReferenceRates& rates, QuotaRateBasis basis) {
  return basis == QuotaRateBasis::kReferenceSell ? rates.sell : rates.buy;
}

Decimal frozen_for_buy(const Decimal& value_hkd, const ReferenceRates& rates) {
  return (value_hkd * rates.sell).round(2, Rounding::kCeiling);
}

}  // namespace cp::trading
