// Money exceptions of the EOD: investor overdrafts (SPEC CLR-12, CLR-14) and the broker's
// settlement defaults toward CSDC (CLR-16; seed 002 附件4 第41条).
//
// Overdraft: an investor's projected cash = cash statement (latest on or before T, RMB) − the
// day's net trading money (buys − sells, investor RMB) − the day's portfolio fee. Below zero, the
// broker advances the shortfall from its own funds on T+1 (seed 002 附件4 第36条), notifies the
// investor, and charges penalty interest = overdraft × daily rate × days from the advance (the
// EOD stage passes the calendar days from T+1 to the next trading day after it), half-up to the
// fen.
//
// Default: the reserve account's balance after CSDC's 10:30 batch below zero is an intraday
// default; after the 18:00 batch, an end-of-day default.
//   penalty  = max(intraday, end-of-day) × penalty rate × days (from the settlement day)
//   interest = end-of-day × reserve interest rate × days / 360
// each half-up to the fen; rates are dated parameters.
#pragma once

#include <optional>

#include "core/decimal.h"

namespace cp::clearing {

struct Overdraft {
  Decimal projected_rmb;
  Decimal overdraft_rmb;  // > 0
  Decimal interest_rmb;
};

std::optional<Overdraft> overdraft(const Decimal& cash_rmb, const Decimal& trading_net_rmb,
                                   const Decimal& portfolio_fee_rmb, const Decimal& daily_rate,
                                   int64_t days);

struct SettlementDefault {
  Decimal intraday_rmb;
  Decimal end_of_day_rmb;
  Decimal penalty_rmb;
  Decimal interest_rmb;
};

std::optional<SettlementDefault> settlement_default(const Decimal& balance_after_1030_rmb,
                                                    const Decimal& balance_after_1800_rmb,
                                                    const Decimal& penalty_rate_daily,
                                                    const Decimal& reserve_rate_annual,
                                                    int64_t days, int64_t day_count);

}  // namespace cp::clearing
