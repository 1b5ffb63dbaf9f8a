#include "risk/margin.h"

#include <algorithm>
#include <map>

#include "risk/expected_shortfall.h"
#include "risk/scenario_filter.h"

namespace cp::risk {
namespace {

const Decimal kZero = Decimal::from_int(0);
const Decimal kMarketValueMax = Decimal::from_int(100'000'000'000'000);

Decimal dollars(const Decimal& value) {
  return value.round(0, Rounding::kHalfUp);
}

Decimal max_of(const Decimal& a, const Decimal& b) {
  return a < b ? b : a;
}

MarginTier tier_of(const refdata::SecurityRecord& record, const RiskInstrument* instrument) {
  // A flat-rate row in HKSCC's risk parameter file (FieldType 3) makes an instrument Tier N.
  if (instrument != nullptr && instrument->flat_rate_group) return MarginTier::kN;
  if (record.kind == refdata::SecurityKind::kEtf) return MarginTier::kP;
  if (record.kind == refdata::SecurityKind::kEquity &&
      (record.hsci_size == refdata::SizeCategory::kLarge ||
       record.hsci_size == refdata::SizeCategory::kMid)) {
    return MarginTier::kP;
  }
  return MarginTier::kN;
}

struct Scenarios {
  std::vector<int64_t> market_values;
  std::vector<std::vector<Decimal>> hvar_returns;
  std::vector<std::vector<Decimal>> svar_returns;
};

Result<void> add_var(const MarginInputs& inputs, MarginFigures& out) {
  const MarginParameters& p = *inputs.parameters;
  out.hvar_tail = tail_count(p.hvar.confidence_level, p.hvar.scenario_count);
  out.svar_tail = tail_count(p.svar.confidence_level, p.svar.scenario_count);
  // Each scenario set's days once: N returns need N + 1 closes.
  auto days_for = [&](Date end, int64_t count, const char* name) -> Result<std::vector<Date>> {
    auto days = inputs.trading_days->ending_on(end, count + 1);
    if (!days.ok()) {
      return invalid_input(std::string(name) + ".scenario_count " + std::to_string(count) +
                               " needs " + std::to_string(count + 1) + " closes ending on " +
                               end.to_string() + ": " + days.error().message,
                           std::string(name) + ".scenario_count");
    }
    return std::move(days).value();
  };
  CP_ASSIGN_OR_RETURN(auto hvar_days,
                      days_for(p.valuation_date, p.hvar.scenario_count, "margin.hvar"));
  CP_ASSIGN_OR_RETURN(auto svar_days,
                      days_for(p.svar_window_end, p.svar.scenario_count, "margin.svar"));
  std::map<std::string, Scenarios> by_sub_portfolio;
  Decimal gross_long;
  Decimal gross_short;
  for (const PositionFigures& position : out.positions) {
    if (position.tier != MarginTier::kP) continue;
    if (position.market_value_hkd.sign() > 0) gross_long += position.market_value_hkd;
    if (position.market_value_hkd.sign() < 0) gross_short -= position.market_value_hkd;
    if (position.quantity == 0) continue;
    Scenarios& scenarios = by_sub_portfolio[position.sub_portfolio];
    scenarios.market_values.push_back(static_cast<int64_t>(position.market_value_hkd.units()));
    if (inputs.returns != nullptr) {
      if (const ScenarioReturns::Sets* known = inputs.returns->find(position.security)) {
        scenarios.hvar_returns.push_back(known->hvar);
        scenarios.svar_returns.push_back(known->svar);
        continue;
      }
    }
    CP_ASSIGN_OR_RETURN(auto hvar, daily_returns(*inputs.history, position.security, hvar_days,
                                                 "margin.hvar.scenario_count " +
                                                     std::to_string(p.hvar.scenario_count)));
    CP_ASSIGN_OR_RETURN(auto svar, daily_returns(*inputs.history, position.security, svar_days,
                                                 "margin.svar.scenario_count " +
                                                     std::to_string(p.svar.scenario_count)));
    CP_ASSIGN_OR_RETURN(auto hvar_filtered,
                        filter_returns(hvar, p.hvar.ewma_lambda, position.security + " (HVaR)"));
    CP_ASSIGN_OR_RETURN(auto svar_filtered,
                        filter_returns(svar, p.svar.ewma_lambda, position.security + " (SVaR)"));
    if (inputs.returns != nullptr) {
      inputs.returns->add(position.security, {hvar_filtered, svar_filtered, hvar});
    }
    scenarios.hvar_returns.push_back(std::move(hvar_filtered));
    scenarios.svar_returns.push_back(std::move(svar_filtered));
  }
  std::vector<int64_t> all_pnls(static_cast<size_t>(p.hvar.scenario_count), 0);
  for (auto& [name, scenarios] : by_sub_portfolio) {
    SubPortfolioFigures figures;
    figures.name = name;
    const std::vector<int64_t> hvar_pnls =
        scenario_pnls(scenarios.market_values, scenarios.hvar_returns,
                      static_cast<size_t>(p.hvar.scenario_count));
    for (size_t j = 0; j < hvar_pnls.size(); ++j) all_pnls[j] += hvar_pnls[j];
    figures.hvar_hkd = expected_shortfall(hvar_pnls, out.hvar_tail);
    figures.svar_hkd =
        expected_shortfall(scenario_pnls(scenarios.market_values, scenarios.svar_returns,
                                         static_cast<size_t>(p.svar.scenario_count)),
                           out.svar_tail);
    figures.weighted_hkd = figures.hvar_hkd * p.hvar.weight + figures.svar_hkd * p.svar.weight;
    out.hvar_hkd += figures.hvar_hkd;
    out.svar_hkd += figures.svar_hkd;
    out.weighted_hkd += figures.weighted_hkd;
    out.sub_portfolios.push_back(std::move(figures));
  }
  if (!by_sub_portfolio.empty()) {
    const auto worst = std::min_element(all_pnls.begin(), all_pnls.end());
    out.hvar_worst_pnl_hkd = *worst;
    out.hvar_worst_day = hvar_days[static_cast<size_t>(worst - all_pnls.begin()) + 1];
  }
  out.floor_base_hkd = max_of(gross_long, gross_short);
  out.floor_hkd = dollars(out.floor_base_hkd * p.floor_rate);
  out.portfolio_margin_hkd = max_of(dollars(out.weighted_hkd.abs()), out.floor_hkd);
  return Ok{};
}

Result<void> add_flat_rate(const MarginInputs& inputs, MarginFigures& out) {
  const MarginParameters& p = *inputs.parameters;
  std::map<int64_t, FlatRateGroupFigures> groups;
  for (const PositionFigures& position : out.positions) {
    if (position.tier != MarginTier::kN) continue;
    const RiskInstrument* instrument = inputs.instruments->on(position.security, p.valuation_date);
    const int64_t group = instrument != nullptr && instrument->flat_rate_group
                              ? *instrument->flat_rate_group
                              : p.flat_rate_default_group;
    const auto rate = p.flat_rates.find(group);
    if (rate == p.flat_rates.end()) {
      return invalid_input(position.security + " is in Tier N sub-margin group " +
                               std::to_string(group) + ", which has no margin.flat_rate." +
                               std::to_string(group) + " on " + p.valuation_date.to_string(),
                           "flat_rate_group");
    }
    FlatRateGroupFigures& figures = groups[group];
    figures.group = group;
    figures.rate = rate->second;
    if (position.market_value_hkd.sign() > 0) figures.gross_long_hkd += position.market_value_hkd;
    if (position.market_value_hkd.sign() < 0) figures.gross_short_hkd -= position.market_value_hkd;
  }
  Decimal sum;
  for (auto& [group, figures] : groups) {
    figures.margin_hkd = max_of(figures.gross_long_hkd, figures.gross_short_hkd) * figures.rate;
    sum += figures.margin_hkd;
    out.flat_rate_groups.push_back(figures);
  }
  out.flat_rate_margin_hkd = dollars(sum * p.flat_rate_multiplier);
  return Ok{};
}

Result<void> add_lra(const MarginInputs& inputs, MarginFigures& out) {
  const MarginParameters& p = *inputs.parameters;
  Decimal instrument_level;
  Decimal beta_hedge;
  for (const PositionFigures& position : out.positions) {
    const RiskInstrument* instrument = inputs.instruments->on(position.security, p.valuation_date);
    if (instrument == nullptr || !instrument->lra) continue;
    const LraBucket& bucket = *instrument->lra;
    const Decimal excess = position.market_value_hkd.abs() - bucket.threshold_hkd;
    if (excess.sign() > 0) instrument_level += excess * bucket.rate;
    beta_hedge += position.market_value_hkd * bucket.beta;
  }
  out.lra_instrument_hkd = dollars(instrument_level);
  const RiskInstrument* hedge = inputs.instruments->on(p.lra_hedge_instrument, p.valuation_date);
  if (hedge == nullptr || !hedge->lra) {
    return invalid_input("the hedge instrument " + p.lra_hedge_instrument +
                             " (margin.lra_hedge_instrument) has no LRA bucket in force on " +
                             p.valuation_date.to_string(),
                         "margin.lra_hedge_instrument");
  }
  const Decimal hedge_excess = beta_hedge.abs() - hedge->lra->threshold_hkd;
  out.lra_portfolio_hkd =
      hedge_excess.sign() > 0 ? dollars(hedge_excess * hedge->lra->rate) : kZero;
  out.lra_hkd = out.lra_instrument_hkd + out.lra_portfolio_hkd;
  return Ok{};
}

Result<void> add_holiday(const MarginInputs& inputs, MarginFigures& out) {
  const MarginParameters& p = *inputs.parameters;
  if (!p.holiday_addon) return Ok{};
  CP_ASSIGN_OR_RETURN(Date next, inputs.trading_days->next_after(p.valuation_date));
  for (Date day = p.valuation_date.plus_days(1); day < next; day = day.plus_days(1)) {
    if (!day.is_weekend()) ++out.holiday_days;
  }
  out.holiday_factor = holiday_factor(out.holiday_days);
  out.holiday_addon_hkd =
      dollars((out.portfolio_margin_hkd + out.flat_rate_margin_hkd) * out.holiday_factor);
  return Ok{};
}

}  // namespace

const char* margin_tier_code(MarginTier tier) {
  return tier == MarginTier::kP ? "P" : "N";
}

Result<Decimal> mtm_requirement_at(const std::vector<InstrumentPosition>& positions,
                                   const std::map<std::string, Decimal, std::less<>>& prices_hkd) {
  Decimal mtm;
  for (const InstrumentPosition& position : positions) {
    Decimal value;
    if (position.quantity != 0) {
      const auto price = prices_hkd.find(position.security);
      if (price == prices_hkd.end()) {
        return invalid_input("no 11:00 price of " + position.security, "intraday_prices");
      }
      value = dollars(price->second * Decimal::from_int(position.quantity));
    }
    mtm += value - dollars(position.contract_value_hkd);
  }
  return max_of(-mtm, kZero);
}

Decimal holiday_factor(int64_t holiday_days) {
  if (holiday_days <= 1) return Decimal::from_units(0, 10);
  return sqrt_truncated(Decimal::from_int(holiday_days)) - Decimal::from_int(1);
}

Result<MarginFigures> compute_margin(const MarginInputs& inputs) {
  CP_ASSERT(inputs.parameters && inputs.securities && inputs.instruments && inputs.history &&
                inputs.trading_days,
            "margin inputs complete");
  const MarginParameters& p = *inputs.parameters;
  const Date date = p.valuation_date;
  MarginFigures out;
  out.participant = inputs.participant;
  out.valuation_date = date;
  out.regime = p.regime;
  for (const InstrumentPosition& position : inputs.positions) {
    PositionFigures figures;
    figures.security = position.security;
    figures.quantity = position.quantity;
    CP_ASSIGN_OR_RETURN(const auto* security, inputs.securities->on(position.security, date));
    const RiskInstrument* instrument = inputs.instruments->on(position.security, date);
    figures.tier = tier_of(security->row, instrument);
    if (figures.tier == MarginTier::kP) {
      const bool ipo = instrument != nullptr && instrument->listing_date &&
                       days_between(*instrument->listing_date, date) <= p.ipo_segregation_days;
      figures.sub_portfolio = ipo ? "ipo:" + position.security : "main";
    } else {
      const int64_t group = instrument != nullptr && instrument->flat_rate_group
                                ? *instrument->flat_rate_group
                                : p.flat_rate_default_group;
      figures.sub_portfolio = "group_" + std::to_string(group);
    }
    figures.market_value_hkd = kZero;
    if (position.quantity != 0) {
      const Decimal* close = inputs.history->close(position.security, date);
      if (close == nullptr) {
        return invalid_input("no close of " + position.security + " on " + date.to_string() +
                                 " to value the position",
                             "price_history");
      }
      figures.close_hkd = *close;
      figures.market_value_hkd = dollars(*close * Decimal::from_int(position.quantity));
      // HKD 100 trillion: beyond any position, and it keeps the scenario sums in 64 bits.
      if (figures.market_value_hkd.abs() > kMarketValueMax) {
        return invalid_input("the position in " + position.security + " is worth " +
                                 figures.market_value_hkd.to_string() +
                                 " HKD: beyond what the margin takes, check the close",
                             "price_history");
      }
    }
    figures.contract_value_hkd = dollars(position.contract_value_hkd);
    figures.mtm_hkd = figures.market_value_hkd - figures.contract_value_hkd;
    out.market_value_hkd += figures.market_value_hkd;
    out.contract_value_hkd += figures.contract_value_hkd;
    out.mtm_hkd += figures.mtm_hkd;
    out.positions.push_back(std::move(figures));
  }
  out.favourable_mtm_hkd = max_of(out.mtm_hkd, kZero);
  out.mtm_requirement_hkd = max_of(-out.mtm_hkd, kZero);

  if (p.regime == MarginRegime::kMarginRate) {
    Decimal gross_long;
    Decimal gross_short;
    for (const auto& position : out.positions) {
      if (position.market_value_hkd.sign() > 0) gross_long += position.market_value_hkd;
      if (position.market_value_hkd.sign() < 0) gross_short -= position.market_value_hkd;
    }
    out.margin_position_hkd = max_of(gross_long, gross_short);
    out.rate_margin_hkd = dollars(out.margin_position_hkd * p.margin_rate * p.margin_multiplier);
    out.rounded_hkd = out.rate_margin_hkd;
  } else {
    CP_RETURN_IF_ERROR(add_var(inputs, out));
    CP_RETURN_IF_ERROR(add_flat_rate(inputs, out));
    CP_RETURN_IF_ERROR(add_lra(inputs, out));
    CP_RETURN_IF_ERROR(add_holiday(inputs, out));
    out.aggregated_hkd =
        out.portfolio_margin_hkd + out.flat_rate_margin_hkd + out.lra_hkd + out.holiday_addon_hkd;
    const Decimal step = Decimal::from_int(p.rounding_hkd);
    out.rounded_hkd = divide(out.aggregated_hkd, step, 0, Rounding::kCeiling) * step;
  }
  out.net_margin_hkd = max_of(out.rounded_hkd - out.favourable_mtm_hkd, kZero);
  out.margin_credit_hkd = p.margin_credit_hkd;
  out.net_margin_after_credit_hkd = max_of(out.net_margin_hkd - out.margin_credit_hkd, kZero);
  out.total_requirement_hkd = out.net_margin_after_credit_hkd + out.mtm_requirement_hkd;
  return out;
}

CloseSpan closes_needed(const MarginParameters& parameters, const HkTradingDays& days) {
  CloseSpan span{parameters.valuation_date, parameters.valuation_date};
  if (parameters.regime != MarginRegime::kVarPlatform) return span;
  for (const auto& [end, count] :
       {std::pair{parameters.valuation_date, parameters.hvar.scenario_count},
        std::pair{parameters.svar_window_end, parameters.svar.scenario_count}}) {
    auto window = days.ending_on(end, count + 1);  // count returns need count + 1 closes
    if (window.ok()) span.from = std::min(span.from, window->front());
    span.to = std::max(span.to, end);
  }
  return span;
}

}  // namespace cp::risk
