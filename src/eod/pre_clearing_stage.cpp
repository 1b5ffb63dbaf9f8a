#include "eod/pre_clearing_stage.h"

#include <algorithm>
#include <map>

#include "core/text_map.h"
#include "trading/reference_rates.h"

namespace cp::eod {
namespace {

const Decimal kZero = Decimal::from_units(0, 2);

bool is_client(const DayContext& day, const std::string& account_id) {
  const clearing::Account* account = day.accounts.find(account_id);
  return account != nullptr && account->money_kind == MoneyKind::kClient;
}

}  // namespace

Result<std::vector<store::PreClearingRow>> pre_clear_investors(
    DayContext& day, const clearing::ClearingResult& result,
    const std::vector<InvestorPortfolioFee>& fees) {
  TextMap<clearing::PreClearingInputs> inputs;  // by account
  auto at_stake = [&](const std::string& account_id) -> clearing::PreClearingInputs& {
    auto [found, inserted] = inputs.try_emplace(account_id);
    if (inserted) {
      found->second.business_date = day.date;
      found->second.cash_statement_rmb = kZero;
      found->second.fees_collected_since_rmb = kZero;
      found->second.portfolio_fee_rmb = kZero;
      found->second.frozen_at_reference_rmb = kZero;
    }
    return found->second;
  };
  // T's own trade money (settling at the channel's T+2, STL-2) and fees.
  for (const auto& investor : result.investors) {
    if (investor.reserve != MoneyKind::kClient) continue;
    at_stake(investor.account_id)
        .trades.push_back({day.date, day.flow_of(investor.channel, "trading_money_payable").date,
                           investor.buy_rmb, investor.sell_rmb});
  }
  for (const auto& fee : fees) {
    if (fee.reserve == MoneyKind::kClient)
      at_stake(fee.account_id).portfolio_fee_rmb += fee.charge.fee_rmb;
  }
  // What the counter froze for T's buys, at the channel's reference rates (CLR-15).
  // Executions come grouped by account (the stored order): the account's entry is looked up
  // once per group, not once per execution.
  bool started = false;
  uint32_t last_account = 0;  // the previous buy's account, by its number in the table
  clearing::PreClearingInputs* last_inputs = nullptr;  // null: the last account is not a client's
  for (const clearing::ExecutionRef e : day.in.executions) {
    if (e.side() != Side::kBuy) continue;
    if (!started || last_account != e.account_number()) {
      started = true;
      last_account = e.account_number();
      const std::string account_id(e.account_id());
      last_inputs = is_client(day, account_id) ? &at_stake(account_id) : nullptr;
    }
    if (last_inputs == nullptr) continue;
    CP_ASSIGN_OR_RETURN(const clearing::FxRates* rates, day.fx_of(e.channel()));
    last_inputs->frozen_at_reference_rmb += trading::frozen_for_buy(
        e.consideration_hkd(), {rates->reference_buy, rates->reference_sell});
  }
  // Earlier trade dates still unsettled at T's close put an account at stake too.
  CP_ASSIGN_OR_RETURN(auto unsettled, day.earlier.stored_trade_money(day.date));
  for (const auto& [account_id, money] : unsettled) {
    if (is_client(day, account_id)) at_stake(account_id);
  }
  if (inputs.empty()) return std::vector<store::PreClearingRow>();

  const auto& statements = day.in.cash_statements;
  Date earliest = day.date;
  const std::string* missing = nullptr;  // the first account without cash, by id
  for (auto& [account_id, in] : inputs) {
    const auto statement = statements.find(account_id);
    if (statement == statements.end()) {
      if (missing == nullptr || account_id < *missing) missing = &account_id;
      continue;
    }
    in.cash_statement_date = statement->second.as_of;
    in.cash_statement_rmb = statement->second.amount_rmb;
    earliest = std::min(earliest, statement->second.as_of);
  }
  if (missing != nullptr) {
    return refusal(kInputsMissing, "cannot clear " + day.date.to_string() +
                                       ": missing the RMB cash of " + *missing + " (import cash)");
  }
  // Money settled since each statement, and fees collected since, from the stored runs.
  CP_ASSIGN_OR_RETURN(auto stored, day.earlier.stored_trade_money(earliest));
  CP_ASSIGN_OR_RETURN(auto collected, day.earlier.fees_collected(earliest, day.date));
  // By account, whatever the hash: the entries are put in order, not the (large) rows.
  std::vector<std::pair<const std::string, clearing::PreClearingInputs>*> ordered;
  ordered.reserve(inputs.size());
  for (auto& entry : inputs) ordered.push_back(&entry);
  std::sort(ordered.begin(), ordered.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  std::vector<store::PreClearingRow> out;
  out.reserve(inputs.size());
  for (auto* entry : ordered) {
    const std::string& account_id = entry->first;
    clearing::PreClearingInputs& in = entry->second;
    if (const auto money = stored.find(account_id); money != stored.end()) {
      for (const auto& trade : money->second) {
        if (trade.settlement_date > in.cash_statement_date) in.trades.push_back(trade);
      }
    }
    if (const auto fees_of = collected.find(account_id); fees_of != collected.end()) {
      for (const auto& fee : fees_of->second) {
        if (fee.collection_date > in.cash_statement_date) {
          in.fees_collected_since_rmb += fee.fee_rmb;
        }
      }
    }
    clearing::PreClearing cleared = clearing::pre_clear(in);
    out.push_back({account_id, std::move(in), cleared});
  }
  return out;
}

}  // namespace cp::eod
