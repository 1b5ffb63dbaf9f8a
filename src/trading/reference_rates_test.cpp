// The reference rates in use during the day (trading/reference_rates.h; SPEC CLR-15).
#include "trading/reference_rates.h"

#include <gtest/gtest.h>

namespace cp::trading {
namespace {

Decimal Dec(const char* text) {
  return Decimal::parse(text).value();
}

// The rates of tests/golden/eod/basic/fx.csv: buy 0.8857, sell 0.9405 RMB per HKD.
const ReferenceRates kRates{Dec("0.8857"), Dec("0.9405")};

TEST(ReferenceRates, TheQuotaRateIsTheOneTheParameterNames) {
  EXPECT_EQ(quota_rate(kRates, parse_quota_rate_basis("reference_sell_rate").value()),
            Dec("0.9405"));
  EXPECT_EQ(quota_rate(kRates, parse_quota_rate_basis("reference_buy_rate").value()),
            Dec("0.8857"));
  auto bad = parse_quota_rate_basis("settlement_rate");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "trading.quota.fx_rate_basis");
}

// A buy of 1,000 shares at HKD 302.00 freezes 302,000.00 × 0.9405 = 284,031.00 exactly; 100
// shares at 301.37 (a price off any tick, for the arithmetic) are 30,137.00 × 0.9405 =
// 28,343.8485, rounded up to RMB 28,343.85; a fraction of a fen, 0.01 × 0.9405 = 0.009405, still
// freezes a whole fen.
TEST(ReferenceRates, ABuyFreezesAtTheReferenceSellRateRoundedUpToTheFen) {
  EXPECT_EQ(frozen_for_buy(Dec("302000.00"), kRates).to_string(), "284031.00");
  EXPECT_EQ(frozen_for_buy(Dec("30137.00"), kRates).to_string(), "28343.85");
  EXPECT_EQ(frozen_for_buy(Dec("0.01"), kRates).to_string(), "0.01");
  EXPECT_EQ(frozen_for_buy(Dec("0"), kRates).to_string(), "0.00");
}

}  // namespace
}  // namespace cp::trading
