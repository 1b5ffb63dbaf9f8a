#include "eod/settlement_stage.h"

#include <algorithm>

#include "eod/ca_cash_stage.h"
#include "eod/non_trade_stage.h"

namespace cp::eod {

Result<Date> previous_run_date(const DayContext& day,
                               const calendar::SouthboundCalendar& southbound) {
  const Date earliest =
      std::max(southbound.covered_from(), day.date.plus_days(-calendar::kSettlementLookBackDays));
  for (Date d = day.date.plus_days(-1); d >= earliest; d = d.plus_days(-1)) {
    CP_ASSIGN_OR_RETURN(const calendar::DayInfo* info, southbound.day(d));
    if (info->southbound_trading) return d;
  }
  return earliest;
}

Result<DelayedSettlements> delayed_settlements(DayContext& day) {
  DelayedSettlements out;
  for (const auto& [channel, southbound] : day.calendars) {
    CP_ASSIGN_OR_RETURN(const Date after, previous_run_date(day, southbound));
    CP_ASSIGN_OR_RETURN(auto pending, day.earlier.pending_settlements(after));
    for (const auto& p : pending) {
      if (p.channel != channel) continue;
      CP_ASSIGN_OR_RETURN(auto schedule,
                          calendar::settlement_schedule(southbound, day.parameters, p.trade_date));
      const Date payable = calendar::money_flow_date(schedule, "trading_money_payable");
      if (payable != p.settlement_date) {
        out.moves.push_back({p.trade_date, channel, payable,
                             calendar::money_flow_date(schedule, "trading_money_receivable")});
      }
      if (payable == p.planned_date || p.planned_date <= after || p.planned_date > day.date) {
        continue;  // not moved, or not this run's to announce
      }
      CP_ASSIGN_OR_RETURN(const calendar::DayInfo* planned, southbound.day(p.planned_date));
      std::string reason = planned->reason_text();
      for (const auto& flow : schedule.money_flows) {
        if (flow.flow == "trading_money_payable" && !flow.note.empty()) reason = flow.note;
      }
      if (reason.empty()) {
        reason = "a settlement day before it was closed since the trade date's run";
      }
      CP_ASSIGN_OR_RETURN(auto investors, day.earlier.investors_of(p.trade_date, channel));
      for (auto& investor : investors) {
        investor.planned_date = p.planned_date;
        investor.settlement_date = payable;
        investor.reason = reason;
        out.delays.push_back(std::move(investor));
      }
    }
    // Portfolio fees not yet collected follow the calendar the same way: a fee charged on a
    // date is collected on that date's portfolio-fee flow as the calendar now has it.
    CP_ASSIGN_OR_RETURN(auto fees, day.earlier.pending_fee_collections(after));
    for (const auto& fee : fees) {
      if (fee.channel != channel) continue;
      CP_ASSIGN_OR_RETURN(auto schedule, calendar::settlement_schedule(southbound, day.parameters,
                                                                       fee.business_date));
      const Date due = calendar::money_flow_date(schedule, "portfolio_fee");
      if (due != fee.collection_date) out.fee_moves.push_back({fee.business_date, channel, due});
    }
  }
  return out;
}

Result<std::vector<ledger::Posting>> settlement_entries(DayContext& day) {
  std::vector<ledger::Posting> out;
  for (const auto& [channel, southbound] : day.calendars) {
    // The window (previous trading day, D].
    const Date earliest =
        std::max(southbound.covered_from(), day.date.plus_days(-calendar::kSettlementLookBackDays));
    CP_ASSIGN_OR_RETURN(const Date after, previous_run_date(day, southbound));
    auto inside = [&](Date d) { return d > after && d <= day.date; };
    CP_RETURN_IF_ERROR(ca_settlement_postings(day, channel, after, out));
    CP_RETURN_IF_ERROR(non_trade_settlement_postings(day, channel, after, out));
    for (Date traded = earliest; traded < day.date; traded = traded.plus_days(1)) {
      CP_ASSIGN_OR_RETURN(const calendar::DayInfo* info, southbound.day(traded));
      if (!info->southbound_trading) continue;
      CP_ASSIGN_OR_RETURN(auto schedule,
                          calendar::settlement_schedule(southbound, day.parameters, traded));
      const bool money = inside(calendar::money_flow_date(schedule, "trading_money_payable"));
      const bool shares = inside(schedule.securities_settlement_date);
      CP_ASSIGN_OR_RETURN(auto fees, day.earlier.portfolio_fees_of(traded, channel));
      for (const auto& fee : fees) {
        if (inside(fee.collection_date)) {
          ledger::add_csdc_payment("portfolio_fee:" + traded.to_string(), fee.collection_date,
                                   channel, fee.reserve, fee.fee_rmb, out);
        }
      }
      if (!money && !shares) continue;
      CP_ASSIGN_OR_RETURN(store::StoredNets ran, day.earlier.csdc_nets_of(traded, channel));
      if (!ran.ran && ran.has_executions) {
        return refusal(kEarlierRunMissing,
                       "cannot clear " + day.date.to_string() + ": the " +
                           std::string(channel_code(channel)) + " trades of " + traded.to_string() +
                           " settle by then but that date has no EOD results (run `eod run "
                           "--date " +
                           traded.to_string() + "` first)");
      }
      CP_ASSIGN_OR_RETURN(auto entries, day.earlier.trades_entries_of(traded, channel));
      for (const auto& entry : entries) {
        if (money) ledger::add_settlement_entry(entry, traded, true, out);
        if (shares) ledger::add_settlement_entry(entry, traded, false, out);
      }
      CP_ASSIGN_OR_RETURN(auto nets, day.earlier.csdc_nets_with_dates(traded, channel));
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
