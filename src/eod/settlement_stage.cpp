#include "eod/settlement_stage.h"

#include <algorithm>

#include "store/journal_store.h"
#include "store/transfer_store.h"

namespace cp::eod {
namespace {

// A trade settles within T+2 settlement days: 40 calendar days reach back far enough (as in
// calendar/transfer_days.cpp).
constexpr int kLookBackDays = 40;

Date flow_date(const calendar::SettlementSchedule& schedule, const std::string& name) {
  for (const auto& flow : schedule.money_flows) {
    if (flow.flow == name) return flow.date;
  }
  return schedule.securities_settlement_date;
}

}  // namespace

Result<std::vector<ledger::Posting>> settlement_entries(DayContext& day) {
  std::vector<ledger::Posting> out;
  for (const auto& [channel, southbound] : day.calendars) {
    // The window (previous trading day, D].
    const Date earliest = std::max(southbound.covered_from(), day.date.plus_days(-kLookBackDays));
    Date after = earliest;
    for (Date d = day.date.plus_days(-1); d >= earliest; d = d.plus_days(-1)) {
      CP_ASSIGN_OR_RETURN(const calendar::DayInfo* info, southbound.day(d));
      if (info->southbound_trading) {
        after = d;
        break;
      }
    }
    auto inside = [&](Date d) { return d > after && d <= day.date; };
    for (Date traded = earliest; traded < day.date; traded = traded.plus_days(1)) {
      CP_ASSIGN_OR_RETURN(const calendar::DayInfo* info, southbound.day(traded));
      if (!info->southbound_trading) continue;
      CP_ASSIGN_OR_RETURN(
          auto schedule, calendar::settlement_schedule(southbound, day.refdata.parameters, traded));
      const bool money = inside(flow_date(schedule, "trading_money_payable"));
      const bool shares = inside(schedule.securities_settlement_date);
      CP_ASSIGN_OR_RETURN(auto fees, store::portfolio_fees_of(day.db, traded, channel));
      for (const auto& fee : fees) {
        if (inside(fee.collection_date)) {
          ledger::add_csdc_payment("portfolio_fee:" + traded.to_string(), fee.collection_date,
                                   channel, fee.reserve, fee.fee_rmb, out);
        }
      }
      if (!money && !shares) continue;
      CP_ASSIGN_OR_RETURN(store::StoredNets ran, store::csdc_nets_of(day.db, traded, channel));
      if (!ran.ran && ran.has_executions) {
        return rule_violation("cannot clear " + day.date.to_string() + ": the " +
                              std::string(channel_code(channel)) + " trades of " +
                              traded.to_string() +
                              " settle by then but that date has no EOD results (run `eod run "
                              "--date " +
                              traded.to_string() + "` first)");
      }
      CP_ASSIGN_OR_RETURN(auto entries, store::trades_entries_of(day.db, traded, channel));
      for (const auto& entry : entries) {
        if (money) ledger::add_settlement_entry(entry, traded, true, out);
        if (shares) ledger::add_settlement_entry(entry, traded, false, out);
      }
      CP_ASSIGN_OR_RETURN(auto nets, store::csdc_nets_with_dates(day.db, traded, channel));
      for (const auto& net : nets) {
        if (inside(net.flow_date)) {
          ledger::add_csdc_payment("trading_money:" + traded.to_string(), net.flow_date, channel,
                                   net.reserve, net.net_rmb, out);
        }
      }
    }
  }
  return out;
}

}  // namespace cp::eod
