// Pre-clearing and available funds (CLR-13, CLR-14) on one investor over three trade dates.
#include "clearing/pre_clearing.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::clearing {
namespace {

using test_values::d;
using test_values::D;

// Statement of Thursday 12-19: RMB 50,000.00. Friday 12-20 bought 30,000.00 (settles 12-27);
// Monday 12-23 sold 20,000.00 (settles 12-30); Friday 12-27 bought 45,000.00 (settles 01-02),
// of which the counter froze 44,900.00 at the reference rate. Friday's portfolio fee: 0.30.
// Fees collected 12-20 .. 12-27: 0.50.
PreClearingInputs friday() {
  PreClearingInputs in;
  in.business_date = d("2024-12-27");
  in.cash_statement_date = d("2024-12-19");
  in.cash_statement_rmb = D("50000.00");
  in.trades = {{d("2024-12-20"), d("2024-12-27"), D("30000.00"), D("0.00")},
               {d("2024-12-23"), d("2024-12-30"), D("0.00"), D("20000.00")},
               {d("2024-12-27"), d("2025-01-02"), D("45000.00"), D("0.00")}};
  in.fees_collected_since_rmb = D("0.50");
  in.portfolio_fee_rmb = D("0.30");
  in.frozen_at_reference_rmb = D("44900.00");
  return in;
}

TEST(PreClearing, CashAvailableFundsAndTheFrozenAdjustment) {
  const PreClearing out = pre_clear(friday());
  // 12-20's buy settled at 12-27's end (CLR-3): 50,000.00 − 30,000.00 − 0.50 = 19,999.50.
  EXPECT_EQ(out.settled_since_rmb.to_string(), "-30000.00");
  EXPECT_EQ(out.cash_rmb.to_string(), "19999.50");
  EXPECT_EQ(out.unsettled_buys_rmb.to_string(), "45000.00");
  EXPECT_EQ(out.unsettled_sells_rmb.to_string(), "20000.00");
  // 45,000.00 at the settlement data against 44,900.00 frozen: freeze 100.00 more (第37条).
  EXPECT_EQ(out.frozen_adjustment_rmb.to_string(), "100.00");
  // A shares: 19,999.50 − 45,000.00 − 0.30 = −25,000.80 (the sale money waits for 12-30);
  // Southbound: + 20,000.00 = −5,000.80: below zero, the investor is told to top up.
  EXPECT_EQ(out.available_a_share_rmb.to_string(), "-25000.80");
  EXPECT_EQ(out.available_southbound_rmb.to_string(), "-5000.80");
  EXPECT_TRUE(out.notify);
}

TEST(PreClearing, ASettledSaleReachesTheASharesToo) {
  // On Monday 12-30 the sale settles: cash 19,999.50 + 20,000.00 (and say 0.30 more collected)
  // = 39,999.20; both figures: 39,999.20 − 45,000.00 − 0.10 (Monday's fee) = −5,000.90.
  PreClearingInputs in = friday();
  in.business_date = d("2024-12-30");
  in.fees_collected_since_rmb = D("0.80");
  in.portfolio_fee_rmb = D("0.10");
  in.frozen_at_reference_rmb = D("0.00");
  const PreClearing out = pre_clear(in);
  EXPECT_EQ(out.cash_rmb.to_string(), "39999.20");
  EXPECT_EQ(out.unsettled_sells_rmb.to_string(), "0.00");
  EXPECT_EQ(out.available_a_share_rmb.to_string(), "-5000.90");
  EXPECT_EQ(out.available_southbound_rmb.to_string(), "-5000.90");
  EXPECT_EQ(out.frozen_adjustment_rmb.to_string(), "0.00");  // no buy on 12-30
}

// STL-4: Friday's figures with corporate-action cash and a non-trade transfer's fees. A dividend
// of 1,244.67 CSDC cleared Friday 12-20 settled Monday 12-23, after the statement: cash. One of
// 439.30 cleared Friday 12-27 and an inheritance's fees of 15.00 debited the same day both
// settle Monday 12-30, the day the figures are for: 424.30 more in both.
TEST(PreClearing, CorporateActionCashAndTransferFeesCountWhenTheyAreUsable) {
  PreClearingInputs in = friday();
  in.other_money = {{d("2024-12-23"), D("1244.67")},
                    {d("2024-12-30"), D("439.30")},
                    {d("2024-12-30"), D("-15.00")}};
  const PreClearing out = pre_clear(in);
  EXPECT_EQ(out.other_settled_since_rmb.to_string(), "1244.67");
  EXPECT_EQ(out.other_unsettled_rmb.to_string(), "424.30");
  // 50,000.00 − 30,000.00 − 0.50 + 1,244.67 = 21,244.17.
  EXPECT_EQ(out.cash_rmb.to_string(), "21244.17");
  // A shares: 21,244.17 − 45,000.00 − 0.30 + 424.30 = −23,331.83; Southbound + 20,000.00.
  EXPECT_EQ(out.available_a_share_rmb.to_string(), "-23331.83");
  EXPECT_EQ(out.available_southbound_rmb.to_string(), "-3331.83");
  EXPECT_TRUE(out.notify);
}

TEST(PreClearing, EnoughMoneyNotifiesNobody) {
  PreClearingInputs in = friday();
  in.cash_statement_rmb = D("100000.00");
  const PreClearing out = pre_clear(in);
  EXPECT_EQ(out.available_southbound_rmb.to_string(), "44999.20");
  EXPECT_FALSE(out.notify);
}

}  // namespace
}  // namespace cp::clearing
