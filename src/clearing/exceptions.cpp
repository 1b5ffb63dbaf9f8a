#include "clearing/exceptions.h"

#include <algorithm>

namespace cp::clearing {

std::optional<Overdraft> overdraft(const Decimal& cash_rmb, const Decimal& trading_net_rmb,
                                   const Decimal& portfolio_fee_rmb, const Decimal& daily_rate,
                                   int64_t days) {
  Overdraft out;
  out.projected_rmb = cash_rmb - trading_net_rmb - portfolio_fee_rmb;
  if (out.projected_rmb.sign() >= 0) return std::nullopt;
  out.overdraft_rmb = -out.projected_rmb;
  out.interest_rmb =
      (out.overdraft_rmb * daily_rate * Decimal::from_int(days)).round(2, Rounding::kHalfUp);
  return out;
}

std::optional<SettlementDefault> settlement_default(const Decimal& balance_after_1030_rmb,
                                                    const Decimal& balance_after_1800_rmb,
                                                    const Decimal& penalty_rate_daily,
                                                    const Decimal& reserve_rate_annual,
                                                    int64_t days, int64_t day_count) {
  const Decimal zero = Decimal::from_units(0, 2);
  SettlementDefault out;
  out.intraday_rmb = balance_after_1030_rmb.is_negative() ? -balance_after_1030_rmb : zero;
  out.end_of_day_rmb = balance_after_1800_rmb.is_negative() ? -balance_after_1800_rmb : zero;
  if (out.intraday_rmb.is_zero() && out.end_of_day_rmb.is_zero()) return std::nullopt;
  out.penalty_rmb = (std::max(out.intraday_rmb, out.end_of_day_rmb) * penalty_rate_daily *
                     Decimal::from_int(days))
                        .round(2, Rounding::kHalfUp);
  out.interest_rmb = divide(out.end_of_day_rmb * reserve_rate_annual * Decimal::from_int(days),
                            Decimal::from_int(day_count), 2, Rounding::kHalfUp);
  return out;
}

}  // namespace cp::clearing
