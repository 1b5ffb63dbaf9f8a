// The portfolio fee (证券组合费, SPEC CLR-6; research/domain-facts.md §1.4): HKSCC's depository
// fee on the end-of-day market value held on every calendar day, at a tiered annual rate,
// daily rate = annual rate / day count (portfolio_fee.day_count = 365), passed on to investors.
//
// Our reading where the sources are silent ([NC], docs/eod.md):
//   - tiers apply to each investor's value on the channel, marginally (portfolio_fee.tiering =
//     marginal; whole_value is the other reading);
//   - the EOD of trade date T charges T and each following calendar day before the channel's
//     next Southbound trading day (a Friday charges Friday, Saturday and Sunday), each on that
//     day's end-of-day holdings (the statement rolled forward by what settled, clearing/holdings.h;
//     seed 002 附件4 第22条) valued at T's closes — the broker computes T+1's fee from T's holdings
//     and freezes it (CLR-14); the days' fees are summed exactly and rounded once;
//   - the fee is rounded half-up to the HKD cent, then converted at the channel's settlement buy
//     rate and rounded half-up to the fen; collected T+1 18:00 (stl.portfolio_fee, [NC]).
//
// portfolio_fee_tiers.csv := effective_from,effective_to,value_above_hkd,value_up_to_hkd,
//                            annual_rate,source      (value_up_to_hkd empty: no upper bound)
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/market.h"

namespace cp::clearing {

struct PortfolioFeeTier {
  Decimal value_above_hkd;
  std::optional<Decimal> value_up_to_hkd;
  Decimal annual_rate;
};

// The tiers in force on `date`, ascending and contiguous; an error names the file and what is
// wrong.
Result<std::vector<PortfolioFeeTier>> load_portfolio_fee_tiers(const std::filesystem::path& path,
                                                               const std::string& shown, Date date);

// How the tiers apply (parameter portfolio_fee.tiering, [NC]): marginally (分段累进: each tier's
// rate on the part of the value inside it) or to the whole value (the rate of the tier the value
// falls in, on all of it).
enum class FeeTiering { kMarginal, kWholeValue };
// "marginal" | "whole_value"
Result<FeeTiering> parse_fee_tiering(std::string_view text);

// The annual fee on `value_hkd`, exact.
Decimal annual_portfolio_fee_hkd(const Decimal& value_hkd,
                                 const std::vector<PortfolioFeeTier>& tiers,
                                 FeeTiering tiering = FeeTiering::kMarginal);

struct PortfolioFeeCharge {
  Decimal value_hkd;  // Σ shares × close, of the first day (T's close)
  int64_t days = 0;
  Decimal fee_hkd;  // half-up to the cent
  Decimal fee_rmb;  // half-up to the fen
};

// Shares by security at one day's end.
using DayHoldings = std::map<std::string, int64_t>;

// `holdings_by_day`: one entry per calendar day charged, T first (REQUIRES at least one);
// `closes_hkd`: by security (REQUIRES one per held security).
//   fee_hkd = Σ over the days of annual fee(value of the day) / day_count, half-up to the cent.
PortfolioFeeCharge portfolio_fee(const std::vector<DayHoldings>& holdings_by_day,
                                 const std::map<std::string, Decimal>& closes_hkd,
                                 const std::vector<PortfolioFeeTier>& tiers, FeeTiering tiering,
                                 int64_t day_count, const Decimal& rate_rmb_per_hkd);

}  // namespace cp::clearing
