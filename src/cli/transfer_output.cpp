#include "cli/transfer_output.h"

#include <ostream>

namespace cp::cli {

Json transfer_json(const clearing::TransferInstruction& t) {
  Json trade_dates = Json::array();
  for (const auto& net : t.inputs.trade_dates) {
    trade_dates.push_back({{"trade_date", net.trade_date.to_string()},
                           {"net_rmb", net.net_rmb.to_string()},
                           {"batch", clearing::batch_code(net)}});
  }
  return {{"channel", channel_code(t.channel)},
          {"reserve", money_kind_text(t.reserve)},
          {"settlement_date", t.inputs.settlement_date.to_string()},
          {"reserve_balance_date", t.reserve_balance_date.to_string()},
          {"reserve_balance_basis", clearing::balance_basis_code(t.balance_basis)},
          {"reserve_balance_previous_rmb", t.inputs.reserve_balance_previous_rmb.to_string()},
          {"trade_dates", trade_dates},
          {"trading_money_payable_rmb", t.transfer.trading_money_payable_rmb.to_string()},
          {"trading_money_receivable_rmb", t.transfer.trading_money_receivable_rmb.to_string()},
          {"risk_funds_due_rmb", t.inputs.risk_funds_due_rmb.to_string()},
          {"risk_funds_previous_rmb", t.inputs.risk_funds_previous_rmb.to_string()},
          {"portfolio_fee_rmb", t.inputs.portfolio_fee_rmb.to_string()},
          {"dividends_receivable_rmb", t.inputs.dividends_receivable_rmb.to_string()},
          {"ca_money_payable_rmb", t.inputs.ca_money_payable_rmb.to_string()},
          {"transfer_rmb", t.transfer.transfer_rmb.to_string()},
          {"direction", clearing::transfer_direction_code(t.transfer.direction)},
          {"instruction", t.transfer.instruction},
          {"closing_balance_rmb", t.transfer.closing_balance_rmb.to_string()}};
}

void print_transfers(std::ostream& out,
                     const std::vector<clearing::TransferInstruction>& instructions) {
  out << "\nFunds transfer (CLR-11): balance − payable − risk funds due + previous − portfolio "
         "fee + corporate-action money (dividends receivable − subscriptions payable)\n";
  if (instructions.empty()) {
    out << "No settlement day to instruct: the next trading day's run comes before the next "
           "money day and instructs it.\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& t : instructions) {
    std::string dates;
    for (const auto& net : t.inputs.trade_dates) {
      if (clearing::batch_code(net) == "10:30") {
        dates += (dates.empty() ? "" : " ") + net.trade_date.to_string();
      }
    }
    rows.push_back(
        {std::string(channel_code(t.channel)), money_kind_text(t.reserve),
         t.inputs.settlement_date.to_string(),
         t.inputs.reserve_balance_previous_rmb.to_string_grouped() + " (" +
             t.reserve_balance_date.to_string() +
             (t.balance_basis == clearing::BalanceBasis::kProjected ? ", projected" : "") + ")",
         t.transfer.trading_money_payable_rmb.to_string_grouped() +
             (dates.empty() ? "" : " (" + dates + ")"),
         t.inputs.risk_funds_due_rmb.to_string_grouped(),
         t.inputs.risk_funds_previous_rmb.to_string_grouped(),
         t.inputs.portfolio_fee_rmb.to_string_grouped(),
         (t.inputs.dividends_receivable_rmb - t.inputs.ca_money_payable_rmb).to_string_grouped(),
         t.transfer.transfer_rmb.to_string_grouped()});
  }
  print_table(out,
              {"CHANNEL", "RESERVE", "SETTLES", "BALANCE (RMB)", "PAYABLE (RMB)", "RISK DUE",
               "RISK PREVIOUS", "PORTFOLIO FEE", "CA MONEY", "TRANSFER (RMB)"},
              rows, {5, 6, 7, 8, 9});
  for (const auto& t : instructions) {
    out << "  " << channel_code(t.channel) << " " << money_kind_text(t.reserve) << ": "
        << t.transfer.instruction << "\n";
  }
}

}  // namespace cp::cli
