#include "eod/non_trade_stage.h"

#include <map>

namespace cp::eod {

Result<std::vector<NonTradeFee>> debit_non_trade_fees(DayContext& day) {
  std::vector<NonTradeFee> out;
  for (const auto& t : day.in.non_trade_transfers) {
    const std::string what = "cannot clear " + day.date.to_string() + ": non-trade transfer " +
                             t.transfer_id + " on the " + std::string(channel_code(t.channel)) +
                             " channel";
    const auto southbound = day.calendars.find(t.channel);
    if (southbound == day.calendars.end()) {
      return refusal(kInputsMissing, what + ": CSDC clears on a Southbound trading day of it");
    }
    for (const std::string& account : {t.from_account, t.to_account}) {
      if (day.accounts.find(account) == nullptr) {
        return refusal(kInputsMissing, what + ": account " + account +
                                           " is not in the account book (import "
                                           "accounts)");
      }
    }
    CP_ASSIGN_OR_RETURN(const Date settles,
                        corpactions::fee_settlement_date(southbound->second, t.clearing_date));
    out.push_back({t.transfer_id, t.channel, t.fee_account,
                   day.accounts.find(t.fee_account)->money_kind, t.transfer_fee_rmb,
                   t.stamp_duty_rmb, settles});
  }
  return out;
}

std::vector<ledger::Posting> non_trade_postings(const DayContext& day,
                                                const std::vector<NonTradeFee>& fees) {
  std::vector<ledger::Posting> out;
  for (size_t i = 0; i < fees.size(); ++i) {
    const NonTradeFee& fee = fees[i];
    const corpactions::NonTradeTransfer& t = day.in.non_trade_transfers[i];
    const std::string id = "NTT:" + t.transfer_id;
    const Decimal total = fee.transfer_fee_rmb + fee.stamp_duty_rmb;
    if (total.sign() != 0) {
      out.push_back({id, "investor_unsettled:" + fee.account_id, "CNY", -total});
      out.push_back({id,
                     "csdc_settlement:" + std::string(channel_code(fee.channel)) + ":" +
                         std::string(money_kind_code(fee.reserve)),
                     "CNY", total});
    }
    for (const auto& m : corpactions::share_movements(t)) {
      out.push_back({id, "investor_holdings:" + m.account_id, "security:" + m.security_code,
                     Decimal::from_int(m.quantity)});
    }
  }
  return out;
}

Result<void> non_trade_settlement_postings(DayContext& day, Channel channel, Date after,
                                           std::vector<ledger::Posting>& out) {
  CP_ASSIGN_OR_RETURN(const auto fees,
                      day.earlier.non_trade_fees_settling_in(channel, after, day.date));
  std::map<std::pair<Date, MoneyKind>, Decimal> paid;
  for (const StoredNonTradeFee& fee : fees) {
    const std::string id = "NTT_SETTLE:" + fee.transfer_id;
    out.push_back({id, "investor_unsettled:" + fee.account_id, "CNY", fee.amount_rmb});
    out.push_back({id, "investor_cash:" + fee.account_id, "CNY", -fee.amount_rmb});
    paid[{fee.settlement_date, fee.reserve}] += fee.amount_rmb;
  }
  for (const auto& [key, total] : paid) {
    ledger::add_csdc_payment("non_trade", key.first, channel, key.second, total, out);
  }
  return Ok{};
}

}  // namespace cp::eod
