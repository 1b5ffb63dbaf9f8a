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

// Puts records with an `account_id` in account order, keeping the order within an account; most
// come in it already (the stored order), so they are only checked.
template <typename Record>
void sort_by_account(std::vector<Record>& records) {
  auto before = [](const Record& a, const Record& b) { return a.account_id < b.account_id; };
  if (!std::is_sorted(records.begin(), records.end(), before)) {
    std::stable_sort(records.begin(), records.end(), before);
  }
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
  for (auto& list : frozen) sort_by_account(list);
  return frozen;
}

// Money other than trades of one client account (clearing/pre_clearing.h): corporate-action cash
// credited and non-trade transfer fees debited.
struct OtherMoney {
  std::string_view account_id;  // a view of the run's or the earlier runs' records
  clearing::InvestorOtherMoney money;
};

// Every settlement after T: CSDC settles corporate-action cash the next settlement day and a
// transfer's fees the next Southbound trading day; a year bounds the longest closure.
constexpr int kOtherMoneyHorizonDays = 366;

// The client accounts' other money of earlier runs settling after `after` and on or before
// `through`, on both channels; `credits` and `fees` keep the records the views point into.
Result<std::vector<OtherMoney>> earlier_other_money(DayContext& day, Date after, Date through,
                                                    std::vector<StoredCaCredit>& credits,
                                                    std::vector<StoredNonTradeFee>& fees) {
  for (const Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
    CP_ASSIGN_OR_RETURN(auto more_credits,
                        day.earlier.ca_credits_payable_in(channel, after, through));
    for (auto& c : more_credits) credits.push_back(std::move(c));
    CP_ASSIGN_OR_RETURN(auto more_fees,
                        day.earlier.non_trade_fees_settling_in(channel, after, through));
    for (auto& f : more_fees) fees.push_back(std::move(f));
  }
  std::vector<OtherMoney> out;
  for (const StoredCaCredit& c : credits) {
    if (c.reserve == MoneyKind::kClient) out.push_back({c.account_id, {c.payable_date, c.net_rmb}});
  }
  for (const StoredNonTradeFee& f : fees) {
    if (f.reserve == MoneyKind::kClient) {
      out.push_back({f.account_id, {f.settlement_date, -f.amount_rmb}});
    }
  }
  return out;
}

}  // namespace

Result<std::vector<store::PreClearingRow>> pre_clear_investors(
    DayContext& day, const clearing::ClearingResult& result,
    const std::vector<InvestorPortfolioFee>& fees, const std::vector<CaCredit>& ca_credits,
    const std::vector<NonTradeFee>& non_trade_fees) {
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
  // 5. Other money settling after T: T's own corporate-action cash and transfer fees, and what
  //    earlier runs cleared that has not settled yet.
  std::vector<StoredCaCredit> pending_credits;
  std::vector<StoredNonTradeFee> pending_fees;
  CP_ASSIGN_OR_RETURN(std::vector<OtherMoney> pending,
                      earlier_other_money(day, day.date, day.date.plus_days(kOtherMoneyHorizonDays),
                                          pending_credits, pending_fees));
  for (const CaCredit& c : ca_credits) {
    if (c.reserve == MoneyKind::kClient) {
      pending.push_back({c.account_id, {c.payable_date, c.money.net_rmb}});
    }
  }
  for (const NonTradeFee& f : non_trade_fees) {
    if (f.reserve == MoneyKind::kClient) {
      pending.push_back(
          {f.account_id, {f.settlement_date, -(f.transfer_fee_rmb + f.stamp_duty_rmb)}});
    }
  }
  sort_by_account(pending);

  std::vector<store::PreClearingRow> out;
  // At most a row per entry of the sources: reserved, since the rows are large (moving 1.3
  // million of them as the vector grew took 4 % of a run of ten million executions).
  out.reserve(investors.size() + client_fees.size() + frozen[0].size() + frozen[1].size() +
              unsettled.size() + pending.size());
  size_t next_investor = 0;
  size_t next_pending = 0;
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
    if (next_pending < pending.size()) consider(pending[next_pending].account_id);
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
    for (; next_pending < pending.size() && pending[next_pending].account_id == *account;
         ++next_pending) {
      in.other_money.push_back(pending[next_pending].money);
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
  // Other money earlier runs cleared that settled since the earliest statement, by account.
  std::vector<StoredCaCredit> settled_credits;
  std::vector<StoredNonTradeFee> settled_fees;
  CP_ASSIGN_OR_RETURN(std::vector<OtherMoney> settled_other,
                      earlier_other_money(day, earliest, day.date, settled_credits, settled_fees));
  sort_by_account(settled_other);
  auto next_settled = settled_other.begin();
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
    // The rows and the settled money are both in account order.
    while (next_settled != settled_other.end() && next_settled->account_id < row.account_id) {
      ++next_settled;
    }
    for (; next_settled != settled_other.end() && next_settled->account_id == row.account_id;
         ++next_settled) {
      if (next_settled->money.settlement_date > in.cash_statement_date) {
        in.other_money.push_back(next_settled->money);
      }
    }
    row.result = clearing::pre_clear(in);
  }
  return out;
}

}  // namespace cp::eod
