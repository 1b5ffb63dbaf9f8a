#include "clearing/client_clearing.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace cp::clearing {
namespace {

const Decimal kZeroCents = Decimal::from_units(0, 2);

ExecutionResult clear_execution(const Execution& e, const Account& account, bool etf,
                                const DayFees& fees, const FxRates& fx) {
  ExecutionResult r;
  r.execution = &e;
  r.reserve = account.money_kind;
  r.consideration_hkd = e.consideration_hkd();
  r.fees = fees.compute(r.consideration_hkd, etf);
  // SPEC CLR-5: the broker's rate on consideration, half-up to the cent, with its minimum.
  r.commission_hkd = (r.consideration_hkd * account.commission_rate).round(2, Rounding::kHalfUp);
  if (r.commission_hkd < account.commission_min_hkd) r.commission_hkd = account.commission_min_hkd;
  const bool buy = e.side == Side::kBuy;
  r.csdc_hkd =
      buy ? r.consideration_hkd + r.fees.total_hkd : r.consideration_hkd - r.fees.total_hkd;
  r.investor_hkd = buy ? r.csdc_hkd + r.commission_hkd : r.csdc_hkd - r.commission_hkd;
  // SPEC CLR-15: settlement rates clear; the buy rate for buys, the sell rate for sells.
  r.rate = buy ? fx.settlement_buy : fx.settlement_sell;
  r.csdc_rmb = (r.csdc_hkd * r.rate).round(2, Rounding::kHalfUp);
  r.investor_rmb = (r.investor_hkd * r.rate).round(2, Rounding::kHalfUp);
  r.commission_rmb = buy ? r.investor_rmb - r.csdc_rmb : r.csdc_rmb - r.investor_rmb;
  return r;
}

}  // namespace

ClearingResult clear_day(const ClearingInputs& inputs) {
  ClearingResult result;
  result.executions.reserve(inputs.executions->size());
  // Hash maps keyed by "account\x1fchannel": a busy day has hundreds of thousands of investors.
  std::unordered_map<std::string, InvestorObligation> investors;
  std::map<std::tuple<Channel, std::string>, CsdcObligation> csdc;  // a handful of entries
  std::unordered_map<std::string_view, const Account*> accounts;
  accounts.reserve(inputs.accounts->size());
  for (const auto& [id, account] : *inputs.accounts) accounts.emplace(id, &account);
  std::string investor_key;
  for (const Execution& e : *inputs.executions) {
    const auto found = accounts.find(e.account_id);
    CP_ASSERT(found != accounts.end(), "an execution of an unknown account reached clearing");
    const Account& account = *found->second;
    const ExecutionResult r = clear_execution(e, account, inputs.is_etf(e.security_code),
                                              *inputs.fees, inputs.fx.at(e.channel));
    const bool buy = e.side == Side::kBuy;

    investor_key.assign(e.account_id);
    investor_key.push_back('\x1f');
    investor_key.push_back(e.channel == Channel::kShanghai ? 'h' : 'z');
    auto [slot, first] = investors.try_emplace(investor_key);
    InvestorObligation& investor = slot->second;
    if (first) {  // who the investor is, once; the sums below run on every execution
      investor.account_id = e.account_id;
      investor.channel = e.channel;
      investor.reserve = r.reserve;
    }
    ++investor.executions;
    (buy ? investor.buy_rmb : investor.sell_rmb) += r.investor_rmb;

    CsdcObligation& broker = csdc[{e.channel, r.reserve}];
    broker.channel = e.channel;
    broker.reserve = r.reserve;
    ++broker.executions;
    (buy ? broker.buy_rmb : broker.sell_rmb) += r.csdc_rmb;
    broker.commission_rmb += r.commission_rmb;
    for (size_t i = 0; i < r.fees.lines.size(); ++i)
      broker.fees_hkd[i] += r.fees.lines[i].amount_hkd;

    result.executions.push_back(r);
  }
  result.investors.reserve(investors.size());
  std::map<std::pair<Channel, std::string>, Decimal> investors_net;  // per channel and reserve
  for (auto& [key, investor] : investors) {
    investor.net_rmb = investor.buy_rmb - investor.sell_rmb;
    investors_net[{investor.channel, investor.reserve}] += investor.net_rmb;
    result.investors.push_back(std::move(investor));
  }
  // By account, then channel: the same order whatever the hash map did.
  std::sort(result.investors.begin(), result.investors.end(), [](const auto& a, const auto& b) {
    return std::tie(a.account_id, a.channel) < std::tie(b.account_id, b.channel);
  });
  for (auto& [key, broker] : csdc) {
    broker.net_rmb = broker.buy_rmb - broker.sell_rmb;
    // Money in = money out: what investors pay net equals what CSDC receives net plus the
    // broker's commission, on every channel and reserve account, to the fen.
    const Decimal& investors_paid = investors_net[{broker.channel, broker.reserve}];
    CP_ASSERT(investors_paid == broker.net_rmb + broker.commission_rmb,
              "investor obligations do not reconcile with the CSDC net and commission");
    result.csdc.push_back(broker);
  }
  return result;
}

}  // namespace cp::clearing
