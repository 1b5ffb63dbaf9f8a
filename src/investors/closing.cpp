#include "investors/closing.h"

namespace cp::investors {
namespace {

// "T1, T2 (and 3 more)": the first trades of a refusal.
std::string some_of(const std::vector<std::string>& ids) {
  constexpr size_t kShown = 3;
  std::string out;
  for (size_t i = 0; i < ids.size() && i < kShown; ++i) out += (i ? ", " : "") + ids[i];
  if (ids.size() > kShown) out += " (and " + std::to_string(ids.size() - kShown) + " more)";
  return out;
}

}  // namespace

ClosingCheck check_closing(const std::vector<TradeOnRecord>& trades, Date today) {
  std::vector<std::string> traded_today;
  std::vector<std::string> unsettled;
  std::vector<std::string> sale_money;
  Decimal sale_money_rmb = Decimal::from_units(0, 2);
  for (const TradeOnRecord& t : trades) {
    if (t.trade_date > today) continue;  // not yet traded: not this day's record
    if (t.trade_date == today) traded_today.push_back(t.trade_id);
    if (t.securities_settlement_date >= today) unsettled.push_back(t.trade_id);
    if (t.side == Side::kSell && t.money_settlement_date >= today) {
      sale_money.push_back(t.trade_id);
      sale_money_rmb += t.amount_rmb;
    }
  }
  ClosingCheck out;
  if (!traded_today.empty()) {
    out.reasons.push_back("traded HK shares today, " + today.to_string() + ": " +
                          some_of(traded_today));
  }
  if (!unsettled.empty()) {
    out.reasons.push_back("HK trades not yet settled: " + some_of(unsettled));
  }
  if (!sale_money.empty()) {
    out.reasons.push_back("HK sale money not yet settled: RMB " +
                          sale_money_rmb.to_string_grouped() + " (" + some_of(sale_money) + ")");
  }
  out.allowed = out.reasons.empty();
  return out;
}

}  // namespace cp::investors
