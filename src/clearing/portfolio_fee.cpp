#include "clearing/portfolio_fee.h"

#include <algorithm>

#include "refdata/dated.h"

namespace cp::clearing {

Result<std::vector<PortfolioFeeTier>> load_portfolio_fee_tiers(const std::filesystem::path& path,
                                                               const std::string& shown,
                                                               Date date) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::open(path.string(), shown));
  CP_RETURN_IF_ERROR(reader.require_columns({"effective_from", "effective_to", "value_above_hkd",
                                             "value_up_to_hkd", "annual_rate", "source"}));
  const size_t above_col = *reader.column("value_above_hkd");
  const size_t up_to_col = *reader.column("value_up_to_hkd");
  const size_t rate_col = *reader.column("annual_rate");
  std::vector<PortfolioFeeTier> tiers;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    CP_ASSIGN_OR_RETURN(refdata::Provenance provenance, refdata::read_provenance(reader, record));
    PortfolioFeeTier tier;
    auto above = Decimal::parse(record[above_col], 2);
    if (!above.ok()) return reader.field_error(record, above_col, above.error().message);
    tier.value_above_hkd = *above;
    if (!record[up_to_col].empty()) {
      auto up_to = Decimal::parse(record[up_to_col], 2);
      if (!up_to.ok()) return reader.field_error(record, up_to_col, up_to.error().message);
      if (*up_to <= *above)
        return reader.field_error(record, up_to_col, "must be above value_above_hkd");
      tier.value_up_to_hkd = *up_to;
    }
    auto rate = Decimal::parse(record[rate_col]);
    if (!rate.ok() || rate->is_negative()) {
      return reader.field_error(record, rate_col, "annual_rate must be a non-negative ratio");
    }
    tier.annual_rate = *rate;
    if (provenance.in_force_on(date)) tiers.push_back(tier);
  }
  std::sort(tiers.begin(), tiers.end(),
            [](const auto& a, const auto& b) { return a.value_above_hkd < b.value_above_hkd; });
  if (tiers.empty() || !tiers.front().value_above_hkd.is_zero()) {
    return invalid_input(shown + ": no tiers from 0 in force on " + date.to_string());
  }
  for (size_t i = 0; i + 1 < tiers.size(); ++i) {
    if (!tiers[i].value_up_to_hkd || !(*tiers[i].value_up_to_hkd == tiers[i + 1].value_above_hkd)) {
      return invalid_input(shown + ": the tiers in force on " + date.to_string() +
                           " are not contiguous at " + tiers[i + 1].value_above_hkd.to_string());
    }
  }
  if (tiers.back().value_up_to_hkd) {
    return invalid_input(shown + ": the last tier in force on " + date.to_string() +
                         " needs an open upper bound");
  }
  return tiers;
}

Result<FeeTiering> parse_fee_tiering(std::string_view text) {
  if (text == "marginal") return FeeTiering::kMarginal;
  if (text == "whole_value") return FeeTiering::kWholeValue;
  return invalid_input(
      "portfolio_fee.tiering is '" + std::string(text) + "': it must be marginal or whole_value",
      "portfolio_fee.tiering");
}

Decimal annual_portfolio_fee_hkd(const Decimal& value_hkd,
                                 const std::vector<PortfolioFeeTier>& tiers, FeeTiering tiering) {
  Decimal fee;
  for (const auto& tier : tiers) {
    if (value_hkd <= tier.value_above_hkd) break;
    const bool inside = !tier.value_up_to_hkd || value_hkd <= *tier.value_up_to_hkd;
    if (tiering == FeeTiering::kWholeValue) {
      if (inside) return value_hkd * tier.annual_rate;
      continue;
    }
    const Decimal top = inside ? value_hkd : *tier.value_up_to_hkd;
    fee += (top - tier.value_above_hkd) * tier.annual_rate;
  }
  return fee;
}

PortfolioFeeCharge portfolio_fee(const std::vector<DayHoldings>& holdings_by_day,
                                 const std::map<std::string, Decimal>& closes_hkd,
                                 const std::vector<PortfolioFeeTier>& tiers, FeeTiering tiering,
                                 int64_t day_count, const Decimal& rate_rmb_per_hkd) {
  CP_ASSERT(!holdings_by_day.empty(), "a portfolio fee charges at least one day");
  PortfolioFeeCharge charge;
  charge.days = static_cast<int64_t>(holdings_by_day.size());
  Decimal annual_sum_hkd;  // Σ of each day's annual fee, exact
  for (size_t day = 0; day < holdings_by_day.size(); ++day) {
    Decimal value_hkd = Decimal::from_units(0, 2);
    for (const auto& [code, shares] : holdings_by_day[day]) {
      if (shares > 0) value_hkd += closes_hkd.at(code) * Decimal::from_int(shares);
    }
    if (day == 0) charge.value_hkd = value_hkd;
    annual_sum_hkd += annual_portfolio_fee_hkd(value_hkd, tiers, tiering);
  }
  // Σ annual / day_count, rounded once, half-up to the cent (equal days: annual × days / 365).
  charge.fee_hkd = divide(annual_sum_hkd, Decimal::from_int(day_count), 2, Rounding::kHalfUp);
  charge.fee_rmb = (charge.fee_hkd * rate_rmb_per_hkd).round(2, Rounding::kHalfUp);
  return charge;
}

}  // namespace cp::clearing
