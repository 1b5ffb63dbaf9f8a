#include "risk/demo_risk.h"

#include <map>

namespace cp::risk {
namespace {

struct Lcg {
  uint64_t state;
  uint64_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  }
  // A daily return within ±2 %, at 4 decimals.
  Decimal daily_return() {
    return Decimal::from_units(static_cast<int64_t>(next() % 401) - 200, 4);
  }
};

}  // namespace

Result<DemoRiskData> generate_demo_risk(Date date,
                                        const std::vector<clearing::ClosingPrice>& closes,
                                        const HkTradingDays& days, Date history_from,
                                        const std::vector<std::string>& participants,
                                        int64_t position_day_count, uint64_t seed) {
  CP_ASSERT(closes.size() >= 3, "three closes at least");
  DemoRiskData out;
  const std::vector<Date> before = days.between(history_from.plus_days(-1), date);
  Lcg lcg{seed};
  for (const auto& close : closes) {
    // Walked back: the close of the day before is this one over (1 + that day's return).
    Decimal price = close.close_hkd;
    std::vector<clearing::ClosingPrice> walked;
    for (auto day = before.rbegin(); day != before.rend(); ++day) {
      const Decimal r = lcg.daily_return();
      price = divide(price, Decimal::from_int(1) + r, 3, Rounding::kHalfUp);
      if (price < Decimal::from_units(10, 3)) price = Decimal::from_units(10, 3);
      walked.push_back({*day, close.security_code, price, 0});
    }
    out.history.insert(out.history.end(), walked.rbegin(), walked.rend());
  }
  // The closes each position day is valued at: the walked history's, and the day's own.
  std::map<std::pair<Date, std::string>, Decimal> close_on;
  for (const auto& c : out.history) close_on[{c.price_date, c.security_code}] = c.close_hkd;
  for (const auto& c : closes) close_on[{date, c.security_code}] = c.close_hkd;
  CP_ASSIGN_OR_RETURN(std::vector<Date> position_days, days.ending_on(date, position_day_count));
  for (size_t n = 0; n < position_days.size(); ++n) {
    const Date as_of = position_days[n];
    CP_ASSIGN_OR_RETURN(Date next, days.next_after(as_of));
    CP_ASSIGN_OR_RETURN(Date after_next, days.next_after(next));
    // The book grows by 5 % of its first size a day, so the collateral paid in on earlier days
    // (never returned, docs/risk.md) leaves the demo day with a margin call to show.
    const int64_t size_percent = 100 + 5 * static_cast<int64_t>(n);
    int64_t k = 0;
    for (const std::string& participant : participants) {
      // Three positions each: a long settling in two days, a short tomorrow, a long today (the
      // day's settlement money); sizes and contract prices vary by participant.
      const struct {
        size_t security;
        Date settles;
        int64_t quantity;
        int64_t price_percent;  // the contract price against the close
      } rows[] = {{static_cast<size_t>(k) % closes.size(), after_next, 2'000'000 * (k + 1), 103},
                  {static_cast<size_t>(k + 1) % closes.size(), next, -750'000 * (k + 1), 99},
                  {static_cast<size_t>(k + 2) % closes.size(), as_of, 50'000 * (k + 1), 100}};
      for (const auto& row : rows) {
        const std::string& security = closes[row.security].security_code;
        const auto close = close_on.find({as_of, security});
        if (close == close_on.end()) {
          return invalid_input("no close of " + security + " on " + as_of.to_string() +
                               ": the history must start before the first position day");
        }
        CnsPosition p;
        p.as_of = as_of;
        p.participant = participant;
        p.security = security;
        p.settlement_date = row.settles;
        p.quantity = row.quantity * size_percent / 100;
        p.contract_value_hkd = (close->second * Decimal::from_int(p.quantity) *
                                Decimal::from_units(row.price_percent, 2))
                                   .round(2, Rounding::kHalfUp);
        out.positions.push_back(std::move(p));
      }
      ++k;
    }
  }
  return out;
}

}  // namespace cp::risk
