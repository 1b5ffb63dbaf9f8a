#include "ledger/journal.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace cp::ledger {

std::vector<Posting> trade_date_postings(const clearing::ClearingResult& result) {
  struct Entry {
    std::string account_id;
    Channel channel;
    std::string reserve;
    Decimal investor_rmb;                   // + the investor receives, − it pays
    Decimal csdc_rmb;                       // + the broker owes CSDC
    Decimal commission_rmb;                 // the broker's income
    std::map<std::string, int64_t> shares;  // net shares to receive (+) or deliver (−)
  };
  // Hashed on views of the executions' own ids (they outlive this function), then sorted once
  // for a stable posting order: cheaper than an ordered map keyed by copied strings, which did a
  // string compare per tree level for each of the day's executions.
  struct KeyHash {
    size_t operator()(const std::pair<std::string_view, Channel>& key) const {
      return std::hash<std::string_view>{}(key.first) * 31 + static_cast<size_t>(key.second);
    }
  };
  std::unordered_map<std::pair<std::string_view, Channel>, size_t, KeyHash> index_of;
  std::vector<Entry> entries;
  for (const auto& r : result.executions) {
    const clearing::Execution& e = *r.execution;
    const bool buy = e.side == Side::kBuy;
    const auto [found, inserted] = index_of.try_emplace({e.account_id, e.channel}, entries.size());
    if (inserted) entries.push_back({e.account_id, e.channel, r.reserve, {}, {}, {}, {}});
    Entry& entry = entries[found->second];
    // Buy: −investor + csdc + commission = 0; sell: +investor − csdc + commission = 0.
    entry.investor_rmb += buy ? -r.investor_rmb : r.investor_rmb;
    entry.csdc_rmb += buy ? r.csdc_rmb : -r.csdc_rmb;
    entry.commission_rmb += r.commission_rmb;
    entry.shares[e.security_code] += buy ? e.quantity : -e.quantity;  // STL-5
  }
  std::vector<Posting> postings;
  postings.reserve(entries.size() * 5);
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.account_id, a.channel) < std::tie(b.account_id, b.channel);
  });
  for (const auto& entry : entries) {
    const std::string channel(channel_code(entry.channel));
    const std::string id = "TRADES:" + entry.account_id + ":" + channel;
    postings.push_back({id, "investor_cash:" + entry.account_id, "CNY", entry.investor_rmb});
    postings.push_back(
        {id, "csdc_settlement:" + channel + ":" + entry.reserve, "CNY", entry.csdc_rmb});
    postings.push_back({id, "commission_income", "CNY", entry.commission_rmb});
    for (const auto& [code, shares] : entry.shares) {
      if (shares == 0) continue;  // bought and sold the same day: nothing moves
      const std::string asset = "security:" + code;
      postings.push_back(
          {id, "investor_securities:" + entry.account_id, asset, Decimal::from_int(shares)});
      postings.push_back({id, "csdc_securities:" + channel, asset, Decimal::from_int(-shares)});
    }
  }
  return postings;
}

void add_charge(std::vector<Posting>& postings, const std::string& entry,
                const std::string& account_id, Channel channel, const std::string& reserve,
                const Decimal& amount_rmb) {
  postings.push_back({entry, "investor_cash:" + account_id, "CNY", -amount_rmb});
  postings.push_back({entry,
                      "csdc_settlement:" + std::string(channel_code(channel)) + ":" + reserve,
                      "CNY", amount_rmb});
}

std::vector<Break> check_journal(const std::vector<Posting>& postings) {
  std::vector<Break> breaks;
  std::map<std::pair<std::string, std::string>, Decimal> sums;
  std::map<std::string, std::pair<bool, bool>> reserves;  // entry → (client, own) touched
  for (const auto& p : postings) {
    sums[{p.entry, p.asset}] += p.amount;
    if (p.account.starts_with("csdc_settlement:")) {
      auto& touched = reserves[p.entry];
      (p.account.ends_with(":client") ? touched.first : touched.second) = true;
    }
  }
  for (const auto& [key, sum] : sums) {
    if (!sum.is_zero()) {
      breaks.push_back(
          {key.first, "postings of " + key.second + " sum to " + sum.to_string() + ", not zero"});
    }
  }
  for (const auto& [entry, touched] : reserves) {
    if (touched.first && touched.second) {
      breaks.push_back({entry, "client and own money in one entry (CLR-17)"});
    }
  }
  return breaks;
}

}  // namespace cp::ledger
