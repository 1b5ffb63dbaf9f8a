// The daily funds-transfer instruction between the broker's bank account and its CSDC reserve
// account, per channel and reserve account (SPEC CLR-11; seed 002 附件4 第27、42条):
//   transfer = reserve balance(T−1) − trading money payable(T) (0 when receivable)
//              − risk funds payable(T) + risk funds payable(T−1)
//              − portfolio fee payable(T) + dividends and takeover money receivable(T)
// Positive: after the 10:30 settlement, move it back to the bank (client money to the client
// funds account, own money to the own-funds account). Negative: move the shortfall in before
// 10:00. The 18:00 portfolio fee is included in the 10:30 calculation (第42条).
#pragma once

#include <string>

#include "core/date.h"
#include "core/decimal.h"

namespace cp::clearing {

struct FundsTransferInputs {
  Decimal reserve_balance_previous_rmb;  // T−1
  Decimal trading_money_net_rmb;         // T: positive = payable
  Decimal risk_funds_today_rmb;
  Decimal risk_funds_previous_rmb;
  Decimal portfolio_fee_rmb;
  Decimal dividends_receivable_rmb;
};

struct FundsTransfer {
  Decimal transfer_rmb;     // positive: to the bank; negative: into the reserve
  std::string direction;    // "reserve_to_bank" | "bank_to_reserve" | "none"
  std::string instruction;  // in words, with the deadline
};

FundsTransfer funds_transfer(const FundsTransferInputs& inputs, const std::string& reserve);

}  // namespace cp::clearing
