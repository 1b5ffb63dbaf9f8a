#include "eod/portfolio_fee_stage.h"

#include <algorithm>
#include <map>

#include "clearing/portfolio_fee.h"

namespace cp::eod {

Result<PortfolioFees> charge_portfolio_fees(DayContext& day) {
  const auto& tiers = day.in.portfolio_fee_tiers;
  CP_ASSIGN_OR_RETURN(int64_t day_count,
                      day.parameters.integer("portfolio_fee.day_count", day.rules_date));
  CP_ASSIGN_OR_RETURN(std::string tiering_text,
                      day.parameters.text("portfolio_fee.tiering", day.rules_date));
  CP_ASSIGN_OR_RETURN(clearing::FeeTiering tiering, clearing::parse_fee_tiering(tiering_text));
  PortfolioFees out;
  for (const auto& [channel, southbound] : day.calendars) {
    const std::string ch(channel_code(channel));
    CP_ASSIGN_OR_RETURN(int64_t days, day.days_to_next_trading_day(channel));
    // Each calendar day charged, on that day's end-of-day holdings (CLR-6, 第22条), valued at
    // T's closes: by account, one map of shares per day.
    std::map<std::string, std::vector<clearing::DayHoldings>> by_account;
    std::map<std::string, Decimal> closes;
    for (int64_t k = 0; k < days; ++k) {
      CP_ASSIGN_OR_RETURN(const std::vector<Holding>* held,
                          day.closing_holdings(channel, day.date.plus_days(k)));
      for (const Holding& holding : *held) {
        if (holding.quantity <= 0) continue;
        auto& account_days = by_account[holding.account_id];
        account_days.resize(static_cast<size_t>(days));
        account_days[static_cast<size_t>(k)][holding.security_code] += holding.quantity;
        if (closes.count(holding.security_code)) continue;
        CP_ASSIGN_OR_RETURN(closes[holding.security_code],
                            day.close_of(holding.security_code, "held: portfolio fee"));
      }
    }
    if (by_account.empty()) continue;
    CP_ASSIGN_OR_RETURN(const clearing::FxRates* rates, day.fx_of(channel));
    const Date collection = day.flow_of(channel, "portfolio_fee").date;
    for (const auto& [account_id, holdings] : by_account) {
      const clearing::Account* account = day.accounts.find(account_id);
      if (account == nullptr) continue;
      InvestorPortfolioFee fee{account_id, channel, account->money_kind,
                               clearing::portfolio_fee(holdings, closes, tiers, tiering, day_count,
                                                       rates->settlement_buy),
                               collection};
      if (fee.charge.fee_rmb.sign() > 0) {
        ledger::add_charge(out.charges, "PF:" + account_id + ":" + ch, account_id, channel,
                           fee.reserve, fee.charge.fee_rmb);
      }
      out.fees.push_back(std::move(fee));
    }
  }
  return out;
}

std::vector<const InvestorPortfolioFee*> client_fees_by_account(
    const std::vector<InvestorPortfolioFee>& fees) {
  std::vector<const InvestorPortfolioFee*> out;
  for (const auto& fee : fees) {
    if (fee.reserve == MoneyKind::kClient) out.push_back(&fee);
  }
  auto before = [](const InvestorPortfolioFee* a, const InvestorPortfolioFee* b) {
    return a->account_id < b->account_id;
  };
  if (!std::is_sorted(out.begin(), out.end(), before)) {
    std::stable_sort(out.begin(), out.end(), before);
  }
  return out;
}

}  // namespace cp::eod
