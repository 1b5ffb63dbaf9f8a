#include "eod/reserve_stage.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/text_map.h"
#include "eod/csdc_margin.h"

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

  CP_ASSIGN_OR_RETURN(std::string method_text,
                      day.parameters.text("risk.margin_method", day.rules_date));
  CP_ASSIGN_OR_RETURN(clearing::RiskMarginMethod method,
                      clearing::parse_risk_margin_method(method_text));
  // The rate and multiplier are the rate method's only (to 2022-06-12 as shipped).
  Decimal margin_rate;
  Decimal margin_multiplier;
  if (method == clearing::RiskMarginMethod::kRate) {
    CP_ASSIGN_OR_RETURN(margin_rate, day.parameters.ratio("risk.margin_rate", day.rules_date));
    CP_ASSIGN_OR_RETURN(margin_multiplier,
                        day.parameters.ratio("risk.margin_multiplier", day.rules_date));
  }
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
    // The book (ORG-4): net shares per security, looked up by view (millions of executions at
    // scale, a few thousand securities).
    TextMap<int64_t> book;
    for (const clearing::ExecutionRef& e : unsettled) {
      auto found = book.find(e.security_code());
      if (found == book.end()) found = book.emplace(std::string(e.security_code()), 0).first;
      found->second += e.side() == Side::kBuy ? e.quantity() : -e.quantity();
    }
    CP_ASSIGN_OR_RETURN(const std::vector<Holding>* holdings,
                        day.closing_holdings(channel, day.date));
    for (const Holding& holding : *holdings) {
      const bool collateral = sold.contains(holding.security_code);
      if (!collateral && reserve != MoneyKind::kOwn) continue;  // no account to look up
      const clearing::Account* account = day.accounts.find(holding.account_id);
      if (account == nullptr || account->money_kind != reserve) continue;
      // The firm's own holdings are its own book; a client's are the client's risk [D].
      if (reserve == MoneyKind::kOwn) book[holding.security_code] += holding.quantity;
      if (collateral) {
        risk_inputs.holdings[holding.account_id][holding.security_code] += holding.quantity;
      }
    }
    ReserveDay reserve_day;
    for (const auto& [security, shares] : book) {
      if (shares != 0) reserve_day.book_shares.emplace(security, shares);
    }
    risk_inputs.aggregation = aggregation;
    risk_inputs.method = method;
    risk_inputs.margin_rate = margin_rate;
    risk_inputs.margin_multiplier = margin_multiplier;
    if (method == clearing::RiskMarginMethod::kHkscRpf) {
      CP_ASSIGN_OR_RETURN(risk_inputs.portfolio_margin, csdc_margin_model(day, channel, reserve));
    }
    CP_ASSIGN_OR_RETURN(const clearing::FxRates* rates, day.fx_of(channel));
    risk_inputs.rate_rmb_per_hkd = rates->settlement_buy;
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
