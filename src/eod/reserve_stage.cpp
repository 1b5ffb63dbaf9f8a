#include "eod/reserve_stage.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/text_map.h"

namespace cp::eod {
namespace {

using ChannelReserve = std::pair<Channel, MoneyKind>;

// Executions of the channel traded up to the date whose securities settle after it (SPEC CLR-9:
// unsettled positions). A trade settles within T+2 settlement days; 31 calendar days covers the
// longest closures (Lunar New Year and National Day with their weekends) with room to spare.
Result<std::vector<clearing::ExecutionRef>> unsettled_executions(DayContext& day, Channel channel) {
  CP_ASSIGN_OR_RETURN(std::vector<Date> trade_dates,
                      day.earlier.trade_dates(channel, day.date.plus_days(-31), day.date));
  if (!day.in.executions.empty() &&
      std::find(trade_dates.begin(), trade_dates.end(), day.date) == trade_dates.end()) {
    trade_dates.push_back(day.date);  // the snapshot's own, whatever is stored
  }
  std::vector<clearing::ExecutionRef> out;
  for (const Date traded : trade_dates) {
    CP_ASSIGN_OR_RETURN(auto schedule, calendar::settlement_schedule(day.calendars.at(channel),
                                                                     day.parameters, traded));
    if (schedule.securities_settlement_date <= day.date) continue;
    CP_ASSIGN_OR_RETURN(const clearing::ExecutionTable* executions, day.executions_of(traded));
    for (const clearing::ExecutionRef e : *executions) {
      if (e.channel() == channel) out.push_back(e);
    }
  }
  return out;
}

}  // namespace

Result<std::vector<ReserveDay>> settle_reserves(DayContext& day,
                                                const clearing::ClearingResult& result,
                                                const std::vector<InvestorPortfolioFee>& fees) {
  std::map<ChannelReserve, Decimal> fee_by_reserve;
  for (const auto& fee : fees) fee_by_reserve[{fee.channel, fee.reserve}] += fee.charge.fee_rmb;
  std::map<ChannelReserve, std::vector<clearing::ExecutionRef>> unsettled_by_reserve;
  for (const auto& [channel, southbound] : day.calendars) {
    CP_ASSIGN_OR_RETURN(auto unsettled, unsettled_executions(day, channel));
    // The previous execution's account: they come grouped by table and account.
    const clearing::Account* account = nullptr;
    const clearing::ExecutionTable* account_table = nullptr;
    uint32_t account_number = 0;
    for (const clearing::ExecutionRef& e : unsettled) {
      if (account_table != &e.table() || account_number != e.account_number()) {
        account = day.account_of(e);
        account_table = &e.table();
        account_number = e.account_number();
      }
      if (account != nullptr) unsettled_by_reserve[{channel, account->money_kind}].push_back(e);
    }
  }
  for (const auto& obligation : result.csdc) {
    if (day.calendars.count(obligation.channel)) {
      unsettled_by_reserve[{obligation.channel, obligation.reserve}];
    }
  }
  for (const auto& [key, fee] : fee_by_reserve) unsettled_by_reserve[key];

  CP_ASSIGN_OR_RETURN(Decimal margin_rate,
                      day.parameters.ratio("risk.margin_rate", day.rules_date));
  CP_ASSIGN_OR_RETURN(Decimal margin_multiplier,
                      day.parameters.ratio("risk.margin_multiplier", day.rules_date));
  CP_ASSIGN_OR_RETURN(std::string aggregation_text,
                      day.parameters.text("risk.aggregation", day.rules_date));
  CP_ASSIGN_OR_RETURN(clearing::RiskAggregation aggregation,
                      clearing::parse_risk_aggregation(aggregation_text));
  std::vector<ReserveDay> out;
  for (const auto& [key, unsettled] : unsettled_by_reserve) {
    const auto& [channel, reserve] = key;
    clearing::RiskFundsInputs risk_inputs;
    risk_inputs.unsettled = unsettled;
    for (const clearing::ExecutionRef& e : unsettled) {
      const std::string_view code = e.security_code();
      if (risk_inputs.closes_hkd.contains(code)) continue;
      const std::string code_text(code);
      CP_ASSIGN_OR_RETURN(risk_inputs.closes_hkd[code_text],
                          day.close_of(code_text, "an unsettled position"));
    }
    // Collateral is only ever a holding of something sold: keep just those securities' holders.
    TextSet sold;
    for (const clearing::ExecutionRef& e : unsettled) {
      if (e.side() == Side::kSell && !sold.contains(e.security_code())) {
        sold.emplace(e.security_code());
      }
    }
    CP_ASSIGN_OR_RETURN(const std::vector<Holding>* holdings,
                        day.closing_holdings(channel, day.date));
    for (const Holding& holding : *holdings) {
      if (!sold.contains(holding.security_code)) continue;
      const clearing::Account* account = day.accounts.find(holding.account_id);
      if (account != nullptr && account->money_kind == reserve) {
        risk_inputs.holdings[holding.account_id][holding.security_code] += holding.quantity;
      }
    }
    risk_inputs.aggregation = aggregation;
    risk_inputs.margin_rate = margin_rate;
    risk_inputs.margin_multiplier = margin_multiplier;
    CP_ASSIGN_OR_RETURN(const clearing::FxRates* rates, day.fx_of(channel));
    risk_inputs.rate_rmb_per_hkd = rates->settlement_buy;
    ReserveDay reserve_day;
    reserve_day.channel = channel;
    reserve_day.reserve = reserve;
    reserve_day.rate = risk_inputs.rate_rmb_per_hkd;
    CP_ASSIGN_OR_RETURN(reserve_day.risk, clearing::compute_risk_funds(risk_inputs));
    reserve_day.risk_funds_date = day.flow_of(channel, "risk_funds").date;

    out.push_back(std::move(reserve_day));
  }
  return out;
}

}  // namespace cp::eod
