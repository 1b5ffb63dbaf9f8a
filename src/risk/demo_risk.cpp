#include "risk/demo_risk.h"

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
                                        uint64_t seed) {
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
  CP_ASSIGN_OR_RETURN(Date next, days.next_after(date));
  CP_ASSIGN_OR_RETURN(Date after_next, days.next_after(next));
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
                {static_cast<size_t>(k + 2) % closes.size(), date, 50'000 * (k + 1), 100}};
    for (const auto& row : rows) {
      const auto& close = closes[row.security];
      CnsPosition p;
      p.as_of = date;
      p.participant = participant;
      p.security = close.security_code;
      p.settlement_date = row.settles;
      p.quantity = row.quantity;
      p.contract_value_hkd = (close.close_hkd * Decimal::from_int(row.quantity) *
                              Decimal::from_units(row.price_percent, 2))
                                 .round(2, Rounding::kHalfUp);
      out.positions.push_back(std::move(p));
    }
    ++k;
  }
  return out;
}

}  // namespace cp::risk
