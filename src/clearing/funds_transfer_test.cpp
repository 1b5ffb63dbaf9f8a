// CLR-11's formula term by term, with the trading money of the trade dates that move on S.
#include "clearing/funds_transfer.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::clearing {
namespace {

using test_values::d;
using test_values::D;

FundsTransferInputs inputs() {
  FundsTransferInputs in;
  in.settlement_date = d("2024-12-30");
  in.reserve_balance_previous_rmb = D("100000.00");
  in.trade_dates = {{d("2024-12-23"), D("60000.00"), true, false}};
  in.risk_funds_due_rmb = D("5000.00");
  in.risk_funds_previous_rmb = D("4000.00");
  in.portfolio_fee_rmb = D("100.00");
  in.dividends_receivable_rmb = D("1000.00");
  return in;
}

TEST(FundsTransfer, TheFormulaAndItsDirections) {
  // 100,000 − 60,000 payable − 5,000 due + 4,000 previous − 100 portfolio fee + 1,000 dividends
  // = 39,900: back to the client funds account after 10:30.
  auto out = funds_transfer(inputs(), MoneyKind::kClient);
  EXPECT_EQ(out.trading_money_payable_rmb.to_string(), "60000.00");
  EXPECT_EQ(out.transfer_rmb.to_string(), "39900.00");
  EXPECT_EQ(out.direction, TransferDirection::kReserveToBank);
  EXPECT_EQ(out.instruction,
            "after the 10:30 settlement on 2024-12-30, move RMB 39,900.00 from the client "
            "reserve account to the client funds bank account");
  EXPECT_EQ(out.closing_balance_rmb.to_string(), "0.00");  // everything swept or spent
  // A shortfall goes in before 10:00, from the own-funds account for own money:
  // 1,000 − 60,000 − 5,000 + 4,000 − 100 + 1,000 = −59,100.
  FundsTransferInputs shortfall_in = inputs();
  shortfall_in.reserve_balance_previous_rmb = D("1000.00");
  auto shortfall = funds_transfer(shortfall_in, MoneyKind::kOwn);
  EXPECT_EQ(shortfall.transfer_rmb.to_string(), "-59100.00");
  EXPECT_EQ(shortfall.direction, TransferDirection::kBankToReserve);
  EXPECT_EQ(shortfall.instruction,
            "before 10:00 on 2024-12-30, move RMB 59,100.00 from the own-funds bank account into "
            "the own reserve account");
  EXPECT_EQ(transfer_direction_code(shortfall.direction), "bank_to_reserve");
}

TEST(FundsTransfer, AReceivableCountsAsZeroAndArrivesAt18) {
  // The only trade date is a net receivable of 60,000: 0 at 10:30 (CLR-11), so 100,000 − 0 −
  // 5,000 + 4,000 − 100 + 1,000 = 99,900 goes back; the 60,000 lands at 18:00 and stays.
  FundsTransferInputs in = inputs();
  in.trade_dates = {{d("2024-12-23"), D("-60000.00"), false, true}};
  auto out = funds_transfer(in, MoneyKind::kClient);
  EXPECT_EQ(out.trading_money_payable_rmb.to_string(), "0.00");
  EXPECT_EQ(out.trading_money_receivable_rmb.to_string(), "60000.00");
  EXPECT_EQ(out.transfer_rmb.to_string(), "99900.00");
  EXPECT_EQ(out.closing_balance_rmb.to_string(), "60000.00");
}

TEST(FundsTransfer, TwoTradeDatesRolledIntoOneDayCountEachPayableByItself) {
  // After a half day, 12-23 (payable 60,000) and 12-24 (receivable 25,000) settle on 12-30:
  // the 10:30 batch takes 60,000; the 25,000 comes at 18:00 and does not offset it.
  // 100,000 − 60,000 − 5,000 + 4,000 − 100 + 1,000 = 39,900; the day closes on 25,000.
  FundsTransferInputs in = inputs();
  in.trade_dates.push_back({d("2024-12-24"), D("-25000.00"), false, true});
  auto out = funds_transfer(in, MoneyKind::kClient);
  EXPECT_EQ(out.trading_money_payable_rmb.to_string(), "60000.00");
  EXPECT_EQ(out.trading_money_receivable_rmb.to_string(), "25000.00");
  EXPECT_EQ(out.transfer_rmb.to_string(), "39900.00");
  EXPECT_EQ(out.closing_balance_rmb.to_string(), "25000.00");
  // A payable net whose batch is another day (its 10:30 moved, the 18:00 did not) is not paid.
  in.trade_dates[0].payable_today = false;
  EXPECT_EQ(funds_transfer(in, MoneyKind::kClient).transfer_rmb.to_string(), "99900.00");
}

TEST(FundsTransfer, NothingToMoveSaysSo) {
  // 1,100 − 0 − 5,000 + 4,000 − 100 + 0 = 0.
  FundsTransferInputs in = inputs();
  in.reserve_balance_previous_rmb = D("1100.00");
  in.trade_dates.clear();
  in.dividends_receivable_rmb = D("0.00");
  auto out = funds_transfer(in, MoneyKind::kClient);
  EXPECT_EQ(out.transfer_rmb.to_string(), "0.00");
  EXPECT_EQ(out.direction, TransferDirection::kNone);
  EXPECT_EQ(out.instruction, "no transfer on 2024-12-30");
}

TEST(FundsTransfer, AReserveShortAt1030IsReissuedWithWhatIsStillDue) {
  // The morning's instruction moved RMB 19,152.68 in (−19,152.68); the 10:30 batch still left
  // the reserve 5,000.00 short: 5,000.00 goes in at once, the day's transfer becomes
  // −19,152.68 − 5,000.00 = −24,152.68.
  auto reissue = reissue_transfer(D("-5000.00"), D("-19152.68"), MoneyKind::kOwn, d("2024-03-15"));
  ASSERT_TRUE(reissue.has_value());
  EXPECT_EQ(reissue->still_due_rmb.to_string(), "5000.00");
  EXPECT_EQ(reissue->recomputed_rmb.to_string(), "-24152.68");
  EXPECT_EQ(reissue->instruction,
            "10:30 on 2024-03-15: the own reserve account is short RMB 5,000.00; move it from the "
            "own-funds bank account at once (the emergency channel if the first transfer has not "
            "arrived); the day's transfer is recomputed to RMB -24,152.68 (CLR-19, 第42条)");
  // No instruction stored for the day (no run before it): the shortfall alone.
  EXPECT_EQ(reissue_transfer(D("-5000.00"), std::nullopt, MoneyKind::kOwn, d("2024-03-15"))
                ->recomputed_rmb.to_string(),
            "-5000.00");
  // A balance of zero or more after 10:30 is no default: nothing to reissue.
  EXPECT_FALSE(
      reissue_transfer(D("0.00"), D("100.00"), MoneyKind::kClient, d("2024-03-15")).has_value());
}

}  // namespace
}  // namespace cp::clearing
