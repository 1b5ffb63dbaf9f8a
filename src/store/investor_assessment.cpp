#include "store/investor_assessment.h"

#include "investors/asset_window.h"
#include "store/investor_evidence_store.h"
#include "store/investor_trades_store.h"

namespace cp::store {

Result<investors::Assessment> assess_on_record(Database& db,
                                               const refdata::ParameterTable& parameters,
                                               const calendar::SouthboundCalendar& southbound,
                                               const std::string& account_id, Channel channel,
                                               Date date) {
  CP_ASSIGN_OR_RETURN(const investors::ChannelRules rules,
                      investors::channel_rules(parameters, channel, date));
  CP_ASSIGN_OR_RETURN(const std::vector<Date> window,
                      investors::asset_window(southbound, date, rules.asset_window_days));
  CP_ASSIGN_OR_RETURN(const investors::Evidence evidence,
                      investor_evidence(db, account_id, channel, date, window.front()));
  return investors::assess(rules, evidence, date, window);
}

nlohmann::ordered_json assessment_json(const investors::Assessment& assessment,
                                       const std::string& account_id, Channel channel, Date date) {
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const auto& r : assessment.rules) {
    rules.push_back({{"rule", investors::rule_code(r.rule)},
                     {"passed", r.passed},
                     {"evidence", r.evidence},
                     {"reason", r.reason}});
  }
  return {{"account", account_id},
          {"channel", channel_code(channel)},
          {"date", date.to_string()},
          {"eligible", assessment.eligible},
          {"rules", rules}};
}

Result<ClosingOutcome> closing_on_record(Database& db, const refdata::ParameterTable& parameters,
                                         const calendar::SouthboundCalendar& southbound,
                                         const std::string& account_id, Channel channel,
                                         Date today) {
  CP_RETURN_IF_ERROR(investor_type(db, account_id));
  CP_ASSIGN_OR_RETURN(const auto schedules,
                      investors::unsettled_trade_dates(southbound, parameters, today));
  investors::TodaysTrades todays = investors::TodaysTrades::kNoTrading;
  ClosingOutcome out;
  for (const calendar::SettlementSchedule& schedule : schedules) {
    CP_ASSIGN_OR_RETURN(const AccountTradesOfDay day,
                        account_trades(db, schedule.trade_date, channel, account_id));
    if (schedule.trade_date == today) {
      todays =
          day.imported ? investors::TodaysTrades::kKnown : investors::TodaysTrades::kNotImported;
    }
    for (const auto& trade : day.trades) {
      out.trades.push_back(investors::on_record(trade, schedule));
    }
  }
  out.check = investors::check_closing(out.trades, today, todays);
  return out;
}

nlohmann::ordered_json closing_json(const ClosingOutcome& outcome, const std::string& account_id,
                                    Channel channel, Date today) {
  using Json = nlohmann::ordered_json;
  Json trades = Json::array();
  for (const auto& t : outcome.trades) {
    trades.push_back(
        {{"trade_id", t.trade_id},
         {"trade_date", t.trade_date.to_string()},
         {"side", side_code(t.side)},
         {"securities_settlement_date", t.securities_settlement_date.to_string()},
         {"money_settlement_date", t.money_settlement_date.to_string()},
         {"amount_rmb", t.amount_rmb ? Json(t.amount_rmb->to_string()) : Json(nullptr)}});
  }
  return {{"account", account_id},
          {"channel", channel_code(channel)},
          {"date", today.to_string()},
          {"allowed", outcome.check.allowed},
          {"reasons", outcome.check.reasons},
          {"trades", trades}};
}

}  // namespace cp::store
