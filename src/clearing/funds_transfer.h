// The daily funds-transfer instruction between the broker's bank account and its CSDC reserve
// account, per channel, reserve account (client, own) and settlement day S (SPEC CLR-11; seed
// 002 附件4 第27、42条; research/risk-and-obligations.md §3). T in the article is S, the day the
// transfer is made, in the morning:
//   transfer(S) = reserve balance at the end of the day before S
//                 − trading money payable at S's 10:30 batch (0 when receivable)
//                 − risk funds due at S + risk funds due at the settlement before S
//                 − portfolio fee due at S (collected 18:00, counted at 10:30: 第42条)
//                 + dividends and takeover money receivable at S
//                 − corporate-action money payable at S (a take-up's subscription money: not in
//                   the article, which predates take-ups; CSDC collects it at the same
//                   corporate-action batch [D], docs/corpactions.md)
// Positive: after the 10:30 settlement, move it back to the bank (client money to the client
// funds account, own money to the own-funds account). Negative: move the shortfall in before
// 10:00.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "core/market.h"

namespace cp::clearing {

// One trade date's CSDC net in the transfer (positive: the broker pays).
struct TradeDateNet {
  Date trade_date;
  Decimal net_rmb;
  bool payable_today = false;     // a payable net whose 10:30 batch is S
  bool receivable_today = false;  // a receivable net whose 18:00 batch is S
};

// "10:30" (paid at S's 10:30 batch), "18:00" (received at its 18:00 batch) or "none" (nothing
// moves: a zero net).
std::string_view batch_code(const TradeDateNet& net);

enum class TransferDirection { kNone, kReserveToBank, kBankToReserve };
std::string_view transfer_direction_code(TransferDirection direction);

struct FundsTransferInputs {
  Date settlement_date;
  Decimal reserve_balance_previous_rmb;
  std::vector<TradeDateNet> trade_dates;
  Decimal risk_funds_due_rmb;
  Decimal risk_funds_previous_rmb;
  Decimal portfolio_fee_rmb;
  Decimal dividends_receivable_rmb;
  Decimal ca_money_payable_rmb;  // ≥ 0
};

struct FundsTransfer {
  // Each trade date's payable net counts by itself: a receivable of another trade date arrives
  // at 18:00, after the 10:30 batch it could have offset ([NC], docs/eod.md).
  Decimal trading_money_payable_rmb;
  Decimal trading_money_receivable_rmb;  // arrives at 18:00; not in the transfer
  Decimal transfer_rmb;                  // positive: to the bank; negative: into the reserve
  TransferDirection direction = TransferDirection::kNone;
  std::string instruction;  // in words, with the deadline
  // The reserve at S's end if the instruction is carried out and both batches settle: what the
  // next settlement day's transfer starts from when no run comes between them.
  Decimal closing_balance_rmb;
};

// Where the balance a transfer starts from comes from: CSDC's balance at the close before S as
// imported, or, for a later day of the same run's window, the closing balance the previous
// instruction leaves.
enum class BalanceBasis { kImported, kProjected };
std::string_view balance_basis_code(BalanceBasis basis);

// One settlement day's instruction for one channel and reserve account, with what it used.
struct TransferInstruction {
  Channel channel = Channel::kShanghai;
  MoneyKind reserve = MoneyKind::kClient;
  Date reserve_balance_date;
  BalanceBasis balance_basis = BalanceBasis::kImported;
  FundsTransferInputs inputs;
  FundsTransfer transfer;
};

// REQUIRES every amount has two decimals (fen). `reserve` is "client" or "own".
FundsTransfer funds_transfer(const FundsTransferInputs& inputs, MoneyKind reserve);

// A reserve account short after S's 10:30 batch is an intraday default (CLR-16); the broker then
// recomputes and reissues the day's transfer with the amount still due (SPEC CLR-19; seed 002
// 附件4 第42条): the shortfall goes in at once, through the emergency channel if the first
// transfer did not arrive, and the day's transfer becomes the instructed one less the shortfall.
struct TransferReissue {
  Decimal still_due_rmb;                  // −(balance after 10:30) > 0
  std::optional<Decimal> instructed_rmb;  // the morning's transfer, if a run instructed the day
  Decimal recomputed_rmb;                 // instructed (or 0) − still due
  std::string instruction;
};

// Nothing when the balance after 10:30 is not below zero.
std::optional<TransferReissue> reissue_transfer(const Decimal& balance_after_1030_rmb,
                                                const std::optional<Decimal>& instructed_rmb,
                                                MoneyKind reserve, Date settlement_date);

}  // namespace cp::clearing
