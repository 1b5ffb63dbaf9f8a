// The reference rates in use during a trading day (SPEC CLR-15; research/domain-facts.md §6.3):
// published before the open for each day, one pair for both channels — buy and sell, the
// offshore mid ∓ fx.reference_rate_buffer. Brokers freeze a buy order's RMB at the reference
// SELL rate and credit sells at the reference BUY rate; the settlement rates of the end of the
// day clear.
#pragma once

#include <string_view>

#include "core/decimal.h"
#include "core/result.h"

namespace cp::trading {

// RMB per HKD.
struct ReferenceRates {
  Decimal buy;
  Decimal sell;
};

// Which rate converts HKD order values into quota (parameter trading.quota.fx_rate_basis; which
// one the exchanges use is [NC], docs/trading.md).
enum class QuotaRateBasis { kReferenceSell, kReferenceBuy };
// "reference_sell_rate" | "reference_buy_rate"
Result<QuotaRateBasis> parse_quota_rate_basis(std::string_view text);
Decimal quota_rate(const ReferenceRates& rates, QuotaRateBasis basis);

// The RMB a buy order of `value_hkd` (limit price × shares) freezes: value × reference sell
// rate, rounded up to the fen so that the frozen money covers the order ([D]: the sources give
// no rounding; fees and commission are not frozen here, the EOD's pre-clearing adjusts the
// frozen funds to the settlement data, CLR-14).
Decimal frozen_for_buy(const Decimal& value_hkd, const ReferenceRates& rates);

}  // namespace cp::trading
