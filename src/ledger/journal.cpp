#include "ledger/journal.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace cp::ledger {

void add_trade_date_entry(const clearing::InvestorObligation& investor, std::vector<Posting>& out) {
  const std::string channel(channel_code(investor.channel));
  const std::string id = "TRADES:" + investor.account_id + ":" + channel;
  // Buy: −investor + csdc + commission = 0; sell: +investor − csdc + commission = 0; summed over
  // the investor's executions: −net + csdc_net + commission = 0 (the clearer asserts it per
  // channel and reserve; check_journal verifies it per entry).
  out.push_back({id, "investor_unsettled:" + investor.account_id, "CNY", -investor.net_rmb});
  out.push_back(
      {id, "csdc_settlement:" + channel + ":" + std::string(money_kind_code(investor.reserve)),
       "CNY", investor.csdc_net_rmb});
  out.push_back({id, "commission_income", "CNY", investor.commission_rmb});
  for (const auto& [code, shares] : investor.net_shares) {
    if (shares == 0) continue;  // bought and sold the same day: nothing moves
    const std::string asset = "security:" + code;
    out.push_back(
        {id, "investor_securities:" + investor.account_id, asset, Decimal::from_int(shares)});
    out.push_back({id, "csdc_securities:" + channel, asset, Decimal::from_int(-shares)});
  }
}

std::vector<Posting> trade_date_postings(const clearing::ClearingResult& result) {
  std::vector<Posting> postings;
  postings.reserve(result.investors.size() * 5);
  for (const auto& investor : result.investors) add_trade_date_entry(investor, postings);
  return postings;
}

void add_settlement_entry(const std::vector<Posting>& trades_entry, Date trade_date, bool money,
                          std::vector<Posting>& out) {
  if (trades_entry.empty()) return;
  // "TRADES:<account>:<channel>" → "SETTLE:<date>:<account>:<channel>"
  const std::string& from = trades_entry.front().entry;
  const std::string rest = from.substr(from.find(':') + 1);
  const std::string account = rest.substr(0, rest.rfind(':'));
  const std::string channel = rest.substr(rest.rfind(':') + 1);
  const std::string id = "SETTLE:" + trade_date.to_string() + ":" + rest;
  for (const Posting& p : trades_entry) {
    if (money && p.account.starts_with("investor_unsettled:")) {
      out.push_back({id, p.account, p.asset, -p.amount});
      out.push_back({id, "investor_cash:" + account, p.asset, p.amount});
    } else if (!money && p.account.starts_with("investor_securities:")) {
      out.push_back({id, p.account, p.asset, -p.amount});
      out.push_back({id, "investor_holdings:" + account, p.asset, p.amount});
      out.push_back({id, "csdc_securities:" + channel, p.asset, p.amount});
      out.push_back({id, "custody:" + channel, p.asset, -p.amount});
    }
  }
}

void add_csdc_payment(const std::string& what, Date date, Channel channel, MoneyKind reserve,
                      const Decimal& amount_rmb, std::vector<Posting>& out) {
  const std::string key =
      std::string(channel_code(channel)) + ":" + std::string(money_kind_code(reserve));
  const std::string id = "CSDC:" + what + ":" + date.to_string() + ":" + key;
  out.push_back({id, "csdc_settlement:" + key, "CNY", -amount_rmb});
  out.push_back({id, "csdc_reserve:" + key, "CNY", amount_rmb});
}

void add_charge(std::vector<Posting>& postings, const std::string& entry,
                const std::string& account_id, Channel channel, MoneyKind reserve,
                const Decimal& amount_rmb) {
  postings.push_back({entry, "investor_cash:" + account_id, "CNY", -amount_rmb});
  postings.push_back({entry,
                      "csdc_settlement:" + std::string(channel_code(channel)) + ":" +
                          std::string(money_kind_code(reserve)),
                      "CNY", amount_rmb});
}

void add_ca_credit(std::vector<Posting>& postings, const std::string& event_id,
                   const std::string& account_id, Channel channel, MoneyKind reserve,
                   const Decimal& net_rmb) {
  const std::string ch(channel_code(channel));
  const std::string id = "CA:" + event_id + ":" + account_id + ":" + ch;
  postings.push_back({id, "investor_unsettled:" + account_id, "CNY", net_rmb});
  postings.push_back(
      {id, "csdc_settlement:" + ch + ":" + std::string(money_kind_code(reserve)), "CNY", -net_rmb});
}

void add_ca_settlement(std::vector<Posting>& postings, const std::string& event_id,
                       const std::string& account_id, Channel channel, const Decimal& net_rmb) {
  const std::string id =
      "CA_SETTLE:" + event_id + ":" + account_id + ":" + std::string(channel_code(channel));
  postings.push_back({id, "investor_unsettled:" + account_id, "CNY", -net_rmb});
  postings.push_back({id, "investor_cash:" + account_id, "CNY", net_rmb});
}

namespace {

// The breaks of one entry's postings, [begin, end).
void check_entry(std::vector<Posting>::const_iterator begin,
                 std::vector<Posting>::const_iterator end, std::vector<Break>& breaks) {
  std::vector<std::pair<std::string_view, Decimal>> sums;  // per asset; an entry has a few
  bool client = false;
  bool own = false;
  for (auto p = begin; p != end; ++p) {
    auto sum =
        std::find_if(sums.begin(), sums.end(), [&](const auto& s) { return s.first == p->asset; });
    if (sum == sums.end()) {
      sums.emplace_back(p->asset, p->amount);
    } else {
      sum->second += p->amount;
    }
    if (p->account.starts_with("csdc_settlement:")) {
      (p->account.ends_with(":client") ? client : own) = true;
    }
  }
  std::sort(sums.begin(), sums.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [asset, sum] : sums) {
    if (!sum.is_zero()) {
      breaks.push_back({begin->entry, "postings of " + std::string(asset) + " sum to " +
                                          sum.to_string() + ", not zero"});
    }
  }
  if (client && own) breaks.push_back({begin->entry, "client and own money in one entry (CLR-17)"});
}

}  // namespace

std::vector<Break> check_journal(const std::vector<Posting>& postings) {
  std::vector<Break> breaks;
  auto begin = postings.begin();
  while (begin != postings.end()) {
    auto end = std::find_if(begin, postings.end(),
                            [&](const Posting& p) { return p.entry != begin->entry; });
    check_entry(begin, end, breaks);
    begin = end;
  }
  return breaks;
}

}  // namespace cp::ledger
