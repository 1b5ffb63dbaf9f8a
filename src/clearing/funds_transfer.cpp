#include "clearing/funds_transfer.h"

namespace cp::clearing {

std::string_view transfer_direction_code(TransferDirection direction) {
  switch (direction) {
    case TransferDirection::kReserveToBank:
      return "reserve_to_bank";
    case TransferDirection::kBankToReserve:
      return "bank_to_reserve";
    case TransferDirection::kNone:
      break;
  }
  return "none";
}

std::string_view batch_code(const TradeDateNet& net) {
  if (net.payable_today && net.net_rmb.sign() > 0) return "10:30";
  if (net.receivable_today && net.net_rmb.sign() < 0) return "18:00";
  return "none";
}

std::string_view balance_basis_code(BalanceBasis basis) {
  return basis == BalanceBasis::kProjected ? "projected" : "imported";
}

FundsTransfer funds_transfer(const FundsTransferInputs& in, MoneyKind reserve) {
  FundsTransfer out;
  out.trading_money_payable_rmb = Decimal::from_units(0, 2);
  out.trading_money_receivable_rmb = Decimal::from_units(0, 2);
  for (const auto& net : in.trade_dates) {
    if (net.payable_today && net.net_rmb.sign() > 0) out.trading_money_payable_rmb += net.net_rmb;
    if (net.receivable_today && net.net_rmb.sign() < 0) {
      out.trading_money_receivable_rmb -= net.net_rmb;
    }
  }
  out.transfer_rmb = in.reserve_balance_previous_rmb - out.trading_money_payable_rmb -
                     in.risk_funds_due_rmb + in.risk_funds_previous_rmb - in.portfolio_fee_rmb +
                     in.dividends_receivable_rmb - in.ca_money_payable_rmb;
  // After the instruction the reserve holds exactly what S's batches take; the 18:00
  // receivable is what remains.
  out.closing_balance_rmb =
      in.reserve_balance_previous_rmb - out.transfer_rmb - out.trading_money_payable_rmb -
      in.risk_funds_due_rmb + in.risk_funds_previous_rmb - in.portfolio_fee_rmb +
      in.dividends_receivable_rmb - in.ca_money_payable_rmb + out.trading_money_receivable_rmb;
  const std::string bank =
      reserve == MoneyKind::kOwn ? "the own-funds bank account" : "the client funds bank account";
  const std::string on = " on " + in.settlement_date.to_string();
  if (out.transfer_rmb.sign() > 0) {
    out.direction = TransferDirection::kReserveToBank;
    out.instruction = "after the 10:30 settlement" + on + ", move RMB " +
                      out.transfer_rmb.to_string_grouped() + " from the " +
                      money_kind_text(reserve) + " reserve account to " + bank;
  } else if (out.transfer_rmb.sign() < 0) {
    out.direction = TransferDirection::kBankToReserve;
    out.instruction = "before 10:00" + on + ", move RMB " +
                      (-out.transfer_rmb).to_string_grouped() + " from " + bank + " into the " +
                      money_kind_text(reserve) + " reserve account";
  } else {
    out.direction = TransferDirection::kNone;
    out.instruction = "no transfer" + on;
  }
  return out;
}

std::optional<TransferReissue> reissue_transfer(const Decimal& balance_after_1030_rmb,
                                                const std::optional<Decimal>& instructed_rmb,
                                                MoneyKind reserve, Date settlement_date) {
  if (!balance_after_1030_rmb.is_negative()) return std::nullopt;
  TransferReissue out;
  out.still_due_rmb = -balance_after_1030_rmb;
  out.instructed_rmb = instructed_rmb;
  out.recomputed_rmb = instructed_rmb.value_or(Decimal::from_units(0, 2)) - out.still_due_rmb;
  const std::string bank =
      reserve == MoneyKind::kOwn ? "the own-funds bank account" : "the client funds bank account";
  out.instruction = "10:30 on " + settlement_date.to_string() + ": the " +
                    money_kind_text(reserve) + " reserve account is short RMB " +
                    out.still_due_rmb.to_string_grouped() + "; move it from " + bank +
                    " at once (the emergency channel if the first transfer has not arrived); the "
                    "day's transfer is recomputed to RMB " +
                    out.recomputed_rmb.to_string_grouped() + " (CLR-19, 第42条)";
  return out;
}

}  // namespace cp::clearing
