#include "eod/pre_clearing_stage.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "eod/portfolio_fee_stage.h"
#include "trading/reference_rates.h"

namespace cp::eod {
namespace {

const Decimal kZero = Decimal::from_units(0, 2);

bool is_client(const DayContext& day, std::string_view account_id) {
  const clearing::Account* account = day.accounts.find(account_id);
  return account != nullptr && account->money_kind == MoneyKind::kClient;
}

// What the counter froze for T's buys, at the channel's reference rates (CLR-15), per client
// account of each channel, in account order. The executions come by channel, then account (the
// stored order), so each channel's list comes in account order and an account is looked up once
// per run of its buys; executions in another order (allowed) are sorted after.
struct Frozen {
  std::string_view account_id;  // a view of the day's execution table
  Decimal rmb;
};
using FrozenByChannel = std::array<std::vector<Frozen>, 2>;  // by Channel

Result<FrozenByChannel> frozen_by_channel(DayContext& day) {
  FrozenByChannel frozen;
  bool started = false;
  uint32_t last_account = 0;  // the previous buy's account, by its number in the table
  Channel last_channel = Channel::kShanghai;
  bool client = false;
  for (const clearing::ExecutionRef e : day.in.executions) {
    if (e.side() != Side::kBuy) continue;
    if (!started || last_account != e.account_number() || last_channel != e.channel()) {
      started = true;
      last_account = e.account_number();
      last_channel = e.channel();
      const clearing::Account* account = day.account_of(e);
      client = account != nullptr && account->money_kind == MoneyKind::kClient;
      if (client) frozen[static_cast<size_t>(e.channel())].push_back({e.account_id(), kZero});
    }
    if (!client) continue;
    CP_ASSIGN_OR_RETURN(const clearing::FxRates* rates, day.fx_of(e.channel()));
    frozen[static_cast<size_t>(e.channel())].back().rmb += trading::frozen_for_buy(
        e.consideration_hkd(), {rates->reference_buy, rates->reference_sell});
  }
  auto before = [](const Frozen& a, const Frozen& b) { return a.account_id < b.account_id; };
  for (auto& list : frozen) {
    if (!std::is_sorted(list.begin(), list.end(), before)) {
      std::stable_sort(list.begin(), list.end(), before);
    }
  }
  return frozen;
}

}  // namespace

Result<std::vector<store::PreClearingRow>> pre_clear_investors(
    DayContext& day, const clearing::ClearingResult& result,
    const std::vector<InvestorPortfolioFee>& fees) {
  // Every source of an account at stake comes in account order, or is put in it; they are merged
  // account by account, so the rows come out by account with no map of the day's millions of
  // accounts and no sort of them.
  // 1. T's own trade money (settling at the channel's T+2, STL-2): the investors, by account
  //    then channel.
  std::vector<const clearing::InvestorObligation*> investors;
  for (const auto& investor : result.investors) {
    if (investor.reserve == MoneyKind::kClient) investors.push_back(&investor);
  }
  // 2. T's portfolio fees.
  const std::vector<const InvestorPortfolioFee*> client_fees = client_fees_by_account(fees);
  // 3. What the counter froze for T's buys, per client account of each channel.
  CP_ASSIGN_OR_RETURN(const FrozenByChannel frozen, frozen_by_channel(day));
  // 4. Earlier trade dates still unsettled at T's close (a map: in account order).
  CP_ASSIGN_OR_RETURN(auto unsettled, day.earlier.stored_trade_money(day.date));
  auto next_unsettled = unsettled.begin();
  auto skip_non_clients = [&] {
    while (next_unsettled != unsettled.end() && !is_client(day, next_unsettled->first)) {
      ++next_unsettled;
    }
  };
  skip_non_clients();

  std::vector<store::PreClearingRow> out;
  // At most a row per entry of the sources: reserved, since the rows are large (moving 1.3
  // million of them as the vector grew took 4 % of a run of ten million executions).
  out.reserve(investors.size() + client_fees.size() + frozen[0].size() + frozen[1].size() +
              unsettled.size());
  size_t next_investor = 0;
  size_t next_fee = 0;
  std::array<size_t, 2> next_frozen{};
  const auto& statements = day.in.cash_statements;
  Date earliest = day.date;
  while (true) {
    // The smallest account id left in any source.
    std::optional<std::string_view> account;
    auto consider = [&](std::string_view id) {
      if (!account || id < *account) account = id;
    };
    if (next_investor < investors.size()) consider(investors[next_investor]->account_id);
    if (next_fee < client_fees.size()) consider(client_fees[next_fee]->account_id);
    for (size_t c = 0; c < frozen.size(); ++c) {
      if (next_frozen[c] < frozen[c].size()) consider(frozen[c][next_frozen[c]].account_id);
    }
    if (next_unsettled != unsettled.end()) consider(next_unsettled->first);
    if (!account) break;
    store::PreClearingRow& row = out.emplace_back();
    row.account_id = *account;
    clearing::PreClearingInputs& in = row.inputs;
    in.business_date = day.date;
    in.cash_statement_rmb = kZero;
    in.fees_collected_since_rmb = kZero;
    in.portfolio_fee_rmb = kZero;
    in.frozen_at_reference_rmb = kZero;
    for (; next_investor < investors.size() && investors[next_investor]->account_id == *account;
         ++next_investor) {
      const clearing::InvestorObligation& investor = *investors[next_investor];
      in.trades.push_back({day.date, day.flow_of(investor.channel, "trading_money_payable").date,
                           investor.buy_rmb, investor.sell_rmb});
    }
    for (; next_fee < client_fees.size() && client_fees[next_fee]->account_id == *account;
         ++next_fee) {
      in.portfolio_fee_rmb += client_fees[next_fee]->charge.fee_rmb;
    }
    for (size_t c = 0; c < frozen.size(); ++c) {
      for (; next_frozen[c] < frozen[c].size() && frozen[c][next_frozen[c]].account_id == *account;
           ++next_frozen[c]) {
        in.frozen_at_reference_rmb += frozen[c][next_frozen[c]].rmb;
      }
    }
    if (next_unsettled != unsettled.end() && next_unsettled->first == *account) {
      ++next_unsettled;
      skip_non_clients();
    }
    // The account's latest RMB cash statement on or before T; the first account without one
    // (by id) is refused.
    const auto statement = statements.find(*account);
    if (statement == statements.end()) {
      return refusal(kInputsMissing, "cannot clear " + day.date.to_string() +
                                         ": missing the RMB cash of " + row.account_id +
                                         " (import cash)");
    }
    in.cash_statement_date = statement->second.as_of;
    in.cash_statement_rmb = statement->second.amount_rmb;
    earliest = std::min(earliest, statement->second.as_of);
  }
  if (out.empty()) return out;

  // Money settled since each statement, and fees collected since, from the stored runs.
  CP_ASSIGN_OR_RETURN(auto stored, day.earlier.stored_trade_money(earliest));
  CP_ASSIGN_OR_RETURN(auto collected, day.earlier.fees_collected(earliest, day.date));
  for (store::PreClearingRow& row : out) {
    clearing::PreClearingInputs& in = row.inputs;
    if (const auto money = stored.find(row.account_id); money != stored.end()) {
      for (const auto& trade : money->second) {
        if (trade.settlement_date > in.cash_statement_date) in.trades.push_back(trade);
      }
    }
    if (const auto fees_of = collected.find(row.account_id); fees_of != collected.end()) {
      for (const auto& fee : fees_of->second) {
        if (fee.collection_date > in.cash_statement_date) {
          in.fees_collected_since_rmb += fee.fee_rmb;
        }
      }
    }
    row.result = clearing::pre_clear(in);
  }
  return out;
}

}  // namespace cp::eod
