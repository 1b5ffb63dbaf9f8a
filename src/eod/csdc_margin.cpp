#include "eod/csdc_margin.h"

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "eod/day_context.h"
#include "risk/cns_positions.h"
#include "risk/margin.h"
#include "risk/margin_json.h"
#include "risk/margin_parameters.h"
#include "risk/price_history.h"

namespace cp::eod {

Result<risk::HkTradingDays> sehk_trading_days(const calendar::SouthboundCalendar& calendar) {
  std::vector<Date> days;
  for (Date d = calendar.covered_from(); d <= calendar.covered_to(); d = d.plus_days(1)) {
    CP_ASSIGN_OR_RETURN(const calendar::DayInfo* info, calendar.day(d));
    if (info->hk_trading) days.push_back(d);
  }
  return risk::HkTradingDays(std::move(days), calendar.covered_from(), calendar.covered_to());
}

namespace {

struct ModelState {
  risk::MarginParameters parameters;
  risk::HkTradingDays trading_days;
  const CsdcRiskReference* reference = nullptr;
  std::string portfolio;  // how errors name it, e.g. "CSDC's margin of sh client"
};

Result<clearing::PortfolioMargin> margin_of(DayContext& day, const ModelState& state,
                                            const std::vector<clearing::NetPosition>& net) {
  std::vector<risk::CnsPosition> rows;
  std::set<std::string> securities;
  for (const clearing::NetPosition& p : net) {
    risk::CnsPosition row;
    row.as_of = day.date;
    row.participant = "CSDC";
    row.security = p.security;
    row.settlement_date = day.date.plus_days(1);  // unsettled at D's close: cover applies
    row.quantity = p.quantity;
    row.contract_value_hkd = p.value_hkd;
    row.ssc_quantity = p.quantity < 0 ? p.held_shares : 0;
    rows.push_back(std::move(row));
    securities.insert(p.security);
  }
  const risk::CloseSpan span = risk::closes_needed(state.parameters, state.trading_days);
  CP_ASSIGN_OR_RETURN(const risk::PriceHistory* history,
                      day.price_history(securities, span.from, span.to));
  risk::MarginInputs inputs;
  inputs.participant = state.portfolio;
  inputs.parameters = &state.parameters;
  inputs.positions = risk::prepare_positions(rows);
  inputs.securities = &day.refdata.securities;
  inputs.instruments = &state.reference->instruments;
  inputs.history = history;
  inputs.trading_days = &state.trading_days;
  inputs.returns = &day.scenario_returns();
  auto figures = risk::compute_margin(inputs);
  if (!figures.ok()) {
    Error error = figures.error();
    error.message = state.portfolio + " (risk.margin_method hkscc_rpf): " + error.message +
                    (error.field == "price_history" ? " (import price-history)" : "");
    return error;
  }
  return clearing::PortfolioMargin{figures->rounded_hkd, risk::margin_json(*figures).dump()};
}

}  // namespace

Result<clearing::PortfolioMarginModel> csdc_margin_model(DayContext& day, Channel channel,
                                                         MoneyKind reserve) {
  if (day.in.csdc_risk == nullptr) {
    return rule_violation(
        "risk.margin_method is hkscc_rpf on " + day.rules_date.to_string() +
            " but the run has no HKSCC risk parameters (data/risk_parameters.csv)",
        "risk.margin_method");
  }
  CP_ASSIGN_OR_RETURN(
      risk::MarginParameters parameters,
      risk::margin_parameters_on(day.in.csdc_risk->risk_parameters, day.rules_date));
  if (parameters.regime != risk::MarginRegime::kVarPlatform) {
    return invalid_input("risk.margin_method is hkscc_rpf on " + day.rules_date.to_string() +
                             " but HKSCC's margin.regime that day is " +
                             risk::margin_regime_code(parameters.regime) +
                             ": CSDC reads the VaR Platform's parameters",
                         "risk.margin_method");
  }
  // The valuation date is the run's own, whatever date the rules are read at (a what-if).
  parameters.valuation_date = day.date;
  CP_ASSIGN_OR_RETURN(risk::HkTradingDays trading_days,
                      sehk_trading_days(day.calendars.at(channel)));
  auto state = std::make_shared<const ModelState>(ModelState{
      std::move(parameters), std::move(trading_days), day.in.csdc_risk,
      "CSDC's margin of " + std::string(channel_code(channel)) + " " + money_kind_text(reserve)});
  return clearing::PortfolioMarginModel(
      [&day, state](const std::vector<clearing::NetPosition>& net) {
        return margin_of(day, *state, net);
      });
}

}  // namespace cp::eod
