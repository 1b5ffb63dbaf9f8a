#include "cli/investor_steps.h"

#include "calendar/settlement.h"
#include "calendar/southbound_calendar.h"
#include "investors/archive.h"
#include "store/investor_assessment.h"
#include "store/investor_evidence_store.h"
#include "store/investor_trades_store.h"

namespace cp::cli {

Result<InvestorRequest> open_request(const AppContext& context, const InvestorOptions& options) {
  InvestorRequest out;
  CP_ASSIGN_OR_RETURN(out.loaded, load_reference(context));
  CP_ASSIGN_OR_RETURN(out.channel, parse_channel(options.channel));
  CP_ASSIGN_OR_RETURN(out.date, Date::parse(options.date));
  return out;
}

Result<store::ArchiveStamp> archive_stamp(const AppContext& context,
                                          const refdata::ParameterTable& parameters) {
  const UtcTime now = context.clock.now();
  CP_ASSIGN_OR_RETURN(const int32_t years,
                      investors::archive_retention_years(parameters, to_hkt(now).date));
  return store::ArchiveStamp{context.actor(), now, years};
}

Result<investors::Assessment> assess_investor(const LoadedReference& loaded,
                                              const std::string& account, Channel channel,
                                              Date date) {
  CP_ASSIGN_OR_RETURN(auto southbound, calendar::SouthboundCalendar::build(
                                           loaded.calendars, loaded.refdata.parameters, channel));
  return store::assess_on_record(*loaded.db, loaded.refdata.parameters, southbound, account,
                                 channel, date);
}

Result<ClosingOutcome> check_closing_of(const LoadedReference& loaded, const std::string& account,
                                        Channel channel, Date today) {
  CP_RETURN_IF_ERROR(store::investor_type(*loaded.db, account));
  CP_ASSIGN_OR_RETURN(auto southbound, calendar::SouthboundCalendar::build(
                                           loaded.calendars, loaded.refdata.parameters, channel));
  CP_ASSIGN_OR_RETURN(const auto schedules, investors::unsettled_trade_dates(
                                                southbound, loaded.refdata.parameters, today));
  investors::TodaysTrades todays = investors::TodaysTrades::kNoTrading;
  ClosingOutcome out;
  for (const calendar::SettlementSchedule& schedule : schedules) {
    CP_ASSIGN_OR_RETURN(const store::AccountTradesOfDay day,
                        store::account_trades(*loaded.db, schedule.trade_date, channel, account));
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

Json closing_json(const ClosingOutcome& outcome, const std::string& account, Channel channel,
                  Date today) {
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
  return {{"account", account},
          {"channel", channel_code(channel)},
          {"date", today.to_string()},
          {"allowed", outcome.check.allowed},
          {"reasons", outcome.check.reasons},
          {"trades", trades}};
}

}  // namespace cp::cli
