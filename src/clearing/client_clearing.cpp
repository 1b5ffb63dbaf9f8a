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

size_t DayClearer::KeyHash::operator()(const std::pair<std::string_view, Channel>& key) const {
  return std::hash<std::string_view>{}(key.first) * 31 + static_cast<size_t>(key.second);
}

DayClearer::DayClearer(const ClearingInputs& inputs) : inputs_(inputs) {}

const ExecutionResult* DayClearer::next() {
  if (next_ == inputs_.executions->size()) {
    done_ = true;
    return nullptr;
  }
  const Execution& e = (*inputs_.executions)[next_++];
  const Account* account = inputs_.accounts->find(e.account_id);
  CP_ASSERT(account != nullptr, "an execution of an unknown account reached clearing");
  current_ = clear_execution(e, *account, inputs_.is_etf(e.security_code), *inputs_.fees,
                             inputs_.fx.at(e.channel));
  const ExecutionResult& r = current_;
  const bool buy = e.side == Side::kBuy;

  // Keyed on views of the executions' own ids, which outlive the clearer.
  const auto [slot, first] = investor_index_.try_emplace({e.account_id, e.channel}, 0);
  if (first) {  // who the investor is, once; the sums below run on every execution
    slot->second = investors_.size();
    InvestorObligation& added = investors_.emplace_back();
    added.account_id = e.account_id;
    added.channel = e.channel;
    added.reserve = r.reserve;
  }
  InvestorObligation& investor = investors_[slot->second];
  ++investor.executions;
  (buy ? investor.buy_rmb : investor.sell_rmb) += r.investor_rmb;
  investor.csdc_net_rmb += buy ? r.csdc_rmb : -r.csdc_rmb;
  investor.commission_rmb += r.commission_rmb;
  // STL-5: shares to receive or deliver. An investor trades a few securities a day: a short
  // list searched from its end (the last security traded is the likeliest next) beats a map.
  auto& shares = investor.net_shares;
  auto held = std::find_if(shares.rbegin(), shares.rend(),
                           [&](const auto& entry) { return entry.first == e.security_code; });
  if (held == shares.rend()) {
    shares.emplace_back(e.security_code, 0);
    held = shares.rbegin();
  }
  held->second += buy ? e.quantity : -e.quantity;

  CsdcObligation& broker = csdc_[{e.channel, r.reserve}];
  broker.channel = e.channel;
  broker.reserve = r.reserve;
  ++broker.executions;
  (buy ? broker.buy_rmb : broker.sell_rmb) += r.csdc_rmb;
  broker.commission_rmb += r.commission_rmb;
  for (size_t i = 0; i < r.fees.lines.size(); ++i) broker.fees_hkd[i] += r.fees.lines[i].amount_hkd;
  return &current_;
}

ClearingResult DayClearer::finish() {
  CP_ASSERT(done_, "clearing finished before its last execution");
  ClearingResult result;
  result.investors = std::move(investors_);
  investor_index_.clear();
  std::map<std::pair<Channel, MoneyKind>, Decimal> investors_net;  // per channel and reserve
  for (auto& investor : result.investors) {
    investor.net_rmb = investor.buy_rmb - investor.sell_rmb;
    investors_net[{investor.channel, investor.reserve}] += investor.net_rmb;
    std::sort(investor.net_shares.begin(), investor.net_shares.end());
  }
  // By account, then channel: the same order whatever the input order.
  std::sort(result.investors.begin(), result.investors.end(), [](const auto& a, const auto& b) {
    return std::tie(a.account_id, a.channel) < std::tie(b.account_id, b.channel);
  });
  for (auto& [key, broker] : csdc_) {
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

ClearingResult clear_day(const ClearingInputs& inputs) {
  DayClearer clearer(inputs);
  std::vector<ExecutionResult> executions;
  executions.reserve(inputs.executions->size());
  while (const ExecutionResult* r = clearer.next()) executions.push_back(*r);
  ClearingResult result = clearer.finish();
  result.executions = std::move(executions);
  return result;
}

}  // namespace cp::clearing
