#include "eod/book_stress_stage.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "eod/csdc_margin.h"
#include "risk/margin.h"
#include "risk/margin_parameters.h"
#include "risk/price_history.h"
#include "risk/stress_scenarios.h"

namespace cp::eod {
namespace {

// The book's worst day over the HVaR look-back (each term market value × return to the dollar,
// as a scenario P&L), or nothing when a return is missing: the scenario then says it does not
// apply rather than failing the run.
Result<std::optional<int64_t>> worst_day_pnl(DayContext& day, Channel channel,
                                             const std::vector<risk::StressPosition>& book) {
  CP_ASSIGN_OR_RETURN(
      risk::MarginParameters parameters,
      risk::margin_parameters_on(day.in.csdc_risk->risk_parameters, day.rules_date));
  if (parameters.regime != risk::MarginRegime::kVarPlatform) return std::optional<int64_t>();
  parameters.valuation_date = day.date;
  CP_ASSIGN_OR_RETURN(risk::HkTradingDays trading_days,
                      sehk_trading_days(day.calendars.at(channel)));
  auto window = trading_days.ending_on(day.date, parameters.hvar.scenario_count + 1);
  if (!window.ok()) return std::optional<int64_t>();
  std::set<std::string> securities;
  for (const auto& position : book) securities.insert(position.security);
  const risk::CloseSpan span = risk::closes_needed(parameters, trading_days);
  CP_ASSIGN_OR_RETURN(const risk::PriceHistory* history,
                      day.price_history(securities, span.from, span.to));
  std::vector<Decimal> pnl(window->size() - 1);
  for (const auto& position : book) {
    // The CSDC margin's returns where it worked them out (the unsettled Tier P securities).
    std::vector<Decimal> read;
    const std::vector<Decimal>* returns = &read;
    if (const auto* known = day.scenario_returns().find(position.security)) {
      returns = &known->hvar_unfiltered;
    } else {
      auto worked = risk::daily_returns(*history, position.security, *window, "the book's stress");
      if (!worked.ok()) return std::optional<int64_t>();
      read = std::move(worked).value();
    }
    for (size_t j = 0; j < returns->size() && j < pnl.size(); ++j) {
      pnl[j] += (position.market_value_hkd * (*returns)[j]).round(0, Rounding::kHalfUp);
    }
  }
  if (pnl.empty()) return std::optional<int64_t>();
  const Decimal worst = *std::min_element(pnl.begin(), pnl.end());
  return std::optional<int64_t>(static_cast<int64_t>(worst.units()));
}

}  // namespace

Result<std::vector<BookStress>> stress_book(DayContext& day,
                                            const std::vector<ReserveDay>& reserves) {
  std::vector<BookStress> out;
  if (day.in.csdc_risk == nullptr) return out;
  const std::vector<risk::StressRow> rows = day.in.csdc_risk->stress.rows_on(day.date);
  CP_ASSIGN_OR_RETURN(std::string method_text,
                      day.parameters.text("risk.margin_method", day.rules_date));
  CP_ASSIGN_OR_RETURN(clearing::RiskMarginMethod method,
                      clearing::parse_risk_margin_method(method_text));
  for (const ReserveDay& reserve : reserves) {
    risk::StressInputs inputs;
    inputs.valuation_date = day.date;
    inputs.securities = &day.refdata.securities;
    inputs.collateral_hkd = reserve.risk.risk_funds_hkd;
    inputs.rows = rows;
    Decimal long_value = Decimal::from_units(0, 2);
    Decimal short_value = Decimal::from_units(0, 2);
    for (const auto& [security, shares] : reserve.book_shares) {
      CP_ASSIGN_OR_RETURN(Decimal close, day.close_of(security, "the book's stress test"));
      const Decimal value = (close * Decimal::from_int(shares)).round(2, Rounding::kHalfUp);
      (shares > 0 ? long_value : short_value) += shares > 0 ? value : -value;
      inputs.positions.push_back({security, value});
    }
    if (method == clearing::RiskMarginMethod::kHkscRpf && !inputs.positions.empty()) {
      CP_ASSIGN_OR_RETURN(inputs.historical_worst_pnl_hkd,
                          worst_day_pnl(day, reserve.channel, inputs.positions));
    }
    CP_ASSIGN_OR_RETURN(auto results, risk::run_stress_tests(inputs));
    for (auto& r : results) {
      out.push_back({reserve.channel, reserve.reserve, std::move(r.scenario),
                     std::move(r.description), long_value, short_value, r.pnl_hkd, r.loss_hkd,
                     r.collateral_hkd, r.shortfall_hkd});
    }
  }
  return out;
}

}  // namespace cp::eod
