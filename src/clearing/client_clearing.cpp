#include "clearing/client_clearing.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <string_view>
#include <tuple>

#include "clearing/execution_sums.h"

namespace cp::clearing {
namespace {

const Decimal kZeroCents = Decimal::from_units(0, 2);

// An investor within one table: its account's number and its channel.
uint64_t investor_key(const ExecutionRef& e) {
  return (static_cast<uint64_t>(e.account_number()) << 1) | static_cast<uint64_t>(e.channel());
}

// Fills `r` in place: a result is some 600 bytes, and returning it by value copied it twice per
// execution.
void clear_execution(const ExecutionRef& e, const Account& account, bool etf, const DayFees& fees,
                     const FxRates& fx, ExecutionResult& r) {
  r.execution = e;
  r.reserve = account.money_kind;
  r.consideration_hkd = e.consideration_hkd();
  fees.compute_into(r.consideration_hkd, etf, r.fees);
  // SPEC CLR-5: the broker's rate on consideration, half-up to the cent, with its minimum.
  r.commission_hkd = (r.consideration_hkd * account.commission_rate).round(2, Rounding::kHalfUp);
  if (r.commission_hkd < account.commission_min_hkd) r.commission_hkd = account.commission_min_hkd;
  const Side side = e.side();
  r.csdc_hkd = csdc_hkd_of(side, r.consideration_hkd, r.fees.total_hkd);
  r.investor_hkd = investor_hkd_of(side, r.csdc_hkd, r.commission_hkd);
  // SPEC CLR-15: settlement rates clear; the buy rate for buys, the sell rate for sells.
  r.rate = side == Side::kBuy ? fx.settlement_buy : fx.settlement_sell;
  r.csdc_rmb = (r.csdc_hkd * r.rate).round(2, Rounding::kHalfUp);
  r.investor_rmb = (r.investor_hkd * r.rate).round(2, Rounding::kHalfUp);
  r.commission_rmb = commission_rmb_of(side, r.investor_rmb, r.csdc_rmb);
}

}  // namespace

DayClearer::DayClearer(const ClearingInputs& inputs) : inputs_(inputs) {
  // As many investors as changes of channel or account from one execution to the next (exact
  // in the stored order, an upper bound in any other): reserved once, so that millions of
  // obligations are not moved as the vector grows.
  const ExecutionTable& executions = *inputs.executions;
  size_t groups = executions.empty() ? 0 : 1;
  for (size_t i = 1; i < executions.size(); ++i) {
    if (investor_key(executions[i - 1]) != investor_key(executions[i])) ++groups;
  }
  investors_.reserve(groups);
  etf_by_number_.assign(executions.security_codes().size(), -1);
  share_slot_.assign(executions.security_codes().size(), 0);
  CP_ASSERT(inputs.accounts_by_number == nullptr ||
                inputs.accounts_by_number->size() == executions.accounts().size(),
            "the accounts by number are another table's");
}

InvestorObligation& DayClearer::investor_of(const ExecutionRef& e, MoneyKind reserve) {
  const uint64_t key = investor_key(e);
  if (last_investor_ != SIZE_MAX) {
    if (key == last_investor_key_) return investors_[last_investor_];
    // In the stored order (channel, account) only grows: an investor after the last one is
    // new, and the index is needed only once the order breaks (any order is allowed).
    const InvestorObligation& last = investors_[last_investor_];
    if (investor_index_.empty() && std::make_pair(last.channel, std::string_view(last.account_id)) >
                                       std::make_pair(e.channel(), e.account_id())) {
      for (size_t i = 0; i < investors_.size(); ++i) investor_index_.emplace(index_keys_[i], i);
    }
  }
  size_t slot = investors_.size();
  bool first = true;
  if (!investor_index_.empty()) {
    const auto [found, inserted] = investor_index_.try_emplace(key, slot);
    first = inserted;
    slot = found->second;
  }
  if (first) {  // who the investor is, once; the sums run on every execution
    InvestorObligation& added = investors_.emplace_back();
    added.account_id = e.account_id();
    added.channel = e.channel();
    added.reserve = reserve;
    index_keys_.push_back(key);
  }
  last_investor_ = slot;
  last_investor_key_ = key;
  return investors_[slot];
}

std::pair<std::string, int64_t>& DayClearer::net_shares_of(InvestorObligation& investor,
                                                           const ExecutionRef& e) {
  auto& shares = investor.net_shares;
  // The investor's slot in investors_ (investor_of has just found it), not its address: it
  // names the investor whatever the vector does.
  if (shares_owner_ != last_investor_) {  // another investor: forget the last one's slots
    for (const uint32_t security : shares_touched_) share_slot_[security] = 0;
    shares_touched_.clear();
    shares_owner_ = last_investor_;
    // An investor met again (executions out of the stored order) already has entries the
    // slots do not know: it is searched by code instead.
    shares_by_slot_ = shares.empty();
  }
  if (shares_by_slot_) {
    uint32_t& slot = share_slot_[e.security_number()];
    if (slot == 0) {
      shares.emplace_back(e.security_code(), 0);
      slot = static_cast<uint32_t>(shares.size());
      shares_touched_.push_back(e.security_number());
    }
    return shares[slot - 1];
  }
  const std::string_view code = e.security_code();
  auto held = std::find_if(shares.rbegin(), shares.rend(),
                           [&](const auto& entry) { return entry.first == code; });
  if (held != shares.rend()) return *held;
  return shares.emplace_back(code, 0);
}

const ExecutionResult* DayClearer::next() {
  if (next_ == inputs_.executions->size()) {
    done_ = true;
    return nullptr;
  }
  const ExecutionRef e = (*inputs_.executions)[next_++];
  if (last_account_ == nullptr || last_account_number_ != e.account_number()) {
    last_account_ = inputs_.accounts_by_number != nullptr
                        ? (*inputs_.accounts_by_number)[e.account_number()]
                        : inputs_.accounts->find(e.account_id());
    last_account_number_ = e.account_number();
    CP_ASSERT(last_account_ != nullptr, "an execution of an unknown account reached clearing");
  }
  int8_t& etf = etf_by_number_[e.security_number()];
  if (etf < 0) etf = inputs_.is_etf(e.security_code()) ? 1 : 0;
  const Channel channel = e.channel();
  const FxRates* fx = fx_by_channel_[static_cast<size_t>(channel)];
  if (fx == nullptr) fx = fx_by_channel_[static_cast<size_t>(channel)] = &inputs_.fx.at(channel);
  clear_execution(e, *last_account_, etf == 1, *inputs_.fees, *fx, current_);
  const ExecutionResult& r = current_;
  const bool buy = e.side() == Side::kBuy;

  InvestorObligation& investor = investor_of(e, r.reserve);
  ++investor.executions;
  (buy ? investor.buy_rmb : investor.sell_rmb) += r.investor_rmb;
  investor.csdc_net_rmb += buy ? r.csdc_rmb : -r.csdc_rmb;
  investor.commission_rmb += r.commission_rmb;
  // STL-5: shares to receive or deliver, per security.
  net_shares_of(investor, e).second += buy ? e.quantity() : -e.quantity();

  const auto channel_index = static_cast<size_t>(channel);
  const auto reserve_index = static_cast<size_t>(r.reserve);
  CsdcObligation& broker = csdc_[channel_index][reserve_index];
  if (!csdc_used_[channel_index][reserve_index]) {
    csdc_used_[channel_index][reserve_index] = true;
    broker.channel = channel;
    broker.reserve = r.reserve;
  }
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
  std::vector<uint64_t>().swap(index_keys_);
  std::map<std::pair<Channel, MoneyKind>, Decimal> investors_net;  // per channel and reserve
  for (auto& investor : result.investors) {
    investor.net_rmb = investor.buy_rmb - investor.sell_rmb;
    investors_net[{investor.channel, investor.reserve}] += investor.net_rmb;
    std::sort(investor.net_shares.begin(), investor.net_shares.end());
  }
  // By account, then channel: the same order whatever the input order.
  auto before = [](const InvestorObligation& a, const InvestorObligation& b) {
    return std::tie(a.account_id, a.channel) < std::tie(b.account_id, b.channel);
  };
  auto& investors = result.investors;
  // In the stored order the investors are each channel's by account, one channel after the
  // other: merged in one pass, each moved once, where a sort of millions of these large records
  // moved each some twenty times. Any other order is sorted.
  const auto shenzhen = std::find_if(investors.begin(), investors.end(),
                                     [](const auto& i) { return i.channel == Channel::kShenzhen; });
  if (std::is_sorted(investors.begin(), shenzhen, before) &&
      std::is_sorted(shenzhen, investors.end(), before) &&
      std::all_of(shenzhen, investors.end(),
                  [](const auto& i) { return i.channel == Channel::kShenzhen; })) {
    std::vector<InvestorObligation> merged;
    merged.reserve(investors.size());
    std::merge(std::make_move_iterator(investors.begin()), std::make_move_iterator(shenzhen),
               std::make_move_iterator(shenzhen), std::make_move_iterator(investors.end()),
               std::back_inserter(merged), before);
    investors = std::move(merged);
  } else {
    std::sort(investors.begin(), investors.end(), before);
  }
  // By channel, then reserve (the enums' order).
  for (size_t channel = 0; channel < csdc_.size(); ++channel) {
    for (size_t reserve = 0; reserve < csdc_[channel].size(); ++reserve) {
      if (!csdc_used_[channel][reserve]) continue;
      CsdcObligation& broker = csdc_[channel][reserve];
      broker.net_rmb = broker.buy_rmb - broker.sell_rmb;
      // Money in = money out: what investors pay net equals what CSDC receives net plus the
      // broker's commission, on every channel and reserve account, to the fen.
      const Decimal& investors_paid = investors_net[{broker.channel, broker.reserve}];
      CP_ASSERT(investors_paid == broker.net_rmb + broker.commission_rmb,
                "investor obligations do not reconcile with the CSDC net and commission");
      result.csdc.push_back(broker);
    }
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
