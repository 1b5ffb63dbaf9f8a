#include "clearing/funds_transfer.h"

namespace cp::clearing {

FundsTransfer funds_transfer(const FundsTransferInputs& in, const std::string& reserve) {
  const Decimal zero = Decimal::from_units(0, 2);
  // Trading money counts only when payable (CLR-11: 0 when receivable).
  const Decimal payable = in.trading_money_net_rmb.sign() > 0 ? in.trading_money_net_rmb : zero;
  FundsTransfer out;
  out.transfer_rmb = in.reserve_balance_previous_rmb - payable - in.risk_funds_today_rmb +
                     in.risk_funds_previous_rmb - in.portfolio_fee_rmb +
                     in.dividends_receivable_rmb;
  const std::string bank =
      reserve == "own" ? "the own-funds bank account" : "the client funds bank account";
  if (out.transfer_rmb.sign() > 0) {
    out.direction = "reserve_to_bank";
    out.instruction = "after the 10:30 settlement, move RMB " +
                      out.transfer_rmb.to_string_grouped() + " from the " + reserve +
                      " reserve account to " + bank;
  } else if (out.transfer_rmb.sign() < 0) {
    out.direction = "bank_to_reserve";
    out.instruction = "before 10:00, move RMB " + (-out.transfer_rmb).to_string_grouped() +
                      " from " + bank + " into the " + reserve + " reserve account";
  } else {
    out.direction = "none";
    out.instruction = "no transfer";
  }
  return out;
}

}  // namespace cp::clearing
