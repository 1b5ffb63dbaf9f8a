#include "ledger/journal.h"

#include <map>

namespace cp::ledger {

std::vector<Posting> trade_date_postings(const clearing::ClearingResult& result) {
  std::vector<Posting> postings;
  postings.reserve(result.executions.size() * 5);
  for (const auto& r : result.executions) {
    const clearing::Execution& e = *r.execution;
    const bool buy = e.side == Side::kBuy;
    const std::string channel(channel_code(e.channel));
    const std::string csdc = "csdc_settlement:" + channel + ":" + r.reserve;
    // Money: the investor pays (buy) or receives (sell); CSDC receives or pays; the broker keeps
    // the commission. Buy: −investor + csdc + commission = 0; sell: +investor − csdc + commission.
    postings.push_back({e.trade_id, "investor_cash:" + e.account_id, "CNY",
                        buy ? -r.investor_rmb : r.investor_rmb});
    postings.push_back({e.trade_id, csdc, "CNY", buy ? r.csdc_rmb : -r.csdc_rmb});
    postings.push_back({e.trade_id, "commission_income", "CNY", r.commission_rmb});
    // Securities: receivable by the buyer, deliverable by the seller, against CSDC (STL-5).
    const Decimal shares = Decimal::from_int(buy ? e.quantity : -e.quantity);
    const std::string asset = "security:" + e.security_code;
    postings.push_back({e.trade_id, "investor_securities:" + e.account_id, asset, shares});
    postings.push_back({e.trade_id, "csdc_securities:" + channel, asset, -shares});
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
