#include "corpactions/ca_run.h"

#include <algorithm>

#include "calendar/settlement.h"
#include "eod/closing_holdings.h"
#include "store/ca_store.h"
#include "store/stored_runs.h"

namespace cp::corpactions {
namespace {

// CLR-8: bonus shares and distributed warrants are credited the day HKSCC distributes them and
// tradable from the next Southbound trading day (a split's or consolidation's shares replace the
// old ones on their effective date).
bool becomes_tradable_next_day(ActionType type) {
  return type == ActionType::kBonusShares || type == ActionType::kBonusWarrants;
}

}  // namespace

Result<std::vector<Holder>> holders_at(store::Database& db, const refdata::RefData& refdata,
                                       const refdata::MarketCalendarData& markets,
                                       const std::string& security_code, Date date) {
  // The run "after" the date answers with everything up to its close.
  store::StoredRuns runs(db, date.plus_days(1));
  const eod::ExecutionsOf executions_of = [&](Date trade_date) {
    return runs.executions_of(trade_date);
  };
  std::vector<Holder> holders;
  for (const Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
    CP_ASSIGN_OR_RETURN(auto southbound,
                        calendar::SouthboundCalendar::build(markets, refdata.parameters, channel));
    if (date < southbound.covered_from()) continue;  // not open yet
    // Only the security's rows of the statement, with their accounts' types: a statement of
    // millions of rows is not read whole for one event.
    CP_ASSIGN_OR_RETURN(auto in_statement,
                        store::security_holders_in_statement(db, channel, date, security_code));
    std::optional<eod::PositionStatement> statement;
    if (in_statement.statement_date) {
      statement =
          eod::PositionStatement{*in_statement.statement_date, std::move(in_statement.holdings)};
    }
    const eod::MovementsOf movements_of = [&](Channel of, Date after, Date through) {
      return runs.holding_movements(of, after, through);
    };
    CP_ASSIGN_OR_RETURN(
        auto holdings,
        eod::closing_holdings(statement ? &*statement : nullptr, executions_of, movements_of,
                              southbound, refdata.parameters, channel, date));
    auto& types = in_statement.account_types;
    std::vector<std::string> by_trades_only;  // holders the statement did not have
    for (const clearing::Holding& h : holdings) {
      if (h.security_code == security_code && h.quantity > 0 && !types.count(h.account_id)) {
        by_trades_only.push_back(h.account_id);
      }
    }
    CP_ASSIGN_OR_RETURN(auto more, store::account_types_of(db, by_trades_only));
    for (const auto& [id, type] : more) types.emplace(id, type);
    holders.reserve(holders.size() + holdings.size());
    for (clearing::Holding& h : holdings) {
      if (h.security_code != security_code || h.quantity <= 0) continue;
      const auto type = types.find(h.account_id);
      if (type == types.end()) {
        return rule_violation("account " + h.account_id + " holds " + security_code +
                                  " but is not in the account book (import accounts)",
                              "account_id");
      }
      holders.push_back({channel, std::move(h.account_id), type->second, h.quantity});
    }
  }
  return holders;
}

Result<EntitlementReport> entitlement_report(store::Database& db, const refdata::RefData& refdata,
                                             const refdata::MarketCalendarData& markets,
                                             const std::string& event_id) {
  EntitlementReport report;
  CP_ASSIGN_OR_RETURN(report.action, store::ca_event(db, event_id));
  const CorporateAction& action = report.action;
  report.holders_date = action.holders_date();
  CP_ASSIGN_OR_RETURN(const auto* security,
                      refdata.securities.on(action.security_code, report.holders_date));
  report.board_lot = action.board_lot_after.value_or(security->row.board_lot);
  CP_ASSIGN_OR_RETURN(std::vector<Holder> holders,
                      holders_at(db, refdata, markets, action.security_code, report.holders_date));
  report.entitlements.reserve(holders.size());
  report.money.reserve(holders.size());
  std::optional<DividendRules> rules;
  if (pays_cash(action.type)) {
    CP_ASSIGN_OR_RETURN(rules, dividend_rules(refdata.parameters, *action.payment_date));
  }
  for (const Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
    CP_ASSIGN_OR_RETURN(auto southbound,
                        calendar::SouthboundCalendar::build(markets, refdata.parameters, channel));
    if (report.holders_date < southbound.covered_from()) continue;  // not open yet
    ChannelPart part;
    part.channel = channel;
    CP_ASSIGN_OR_RETURN(part.payment, store::ca_payment(db, event_id, channel));
    if (part.payment) {
      CP_ASSIGN_OR_RETURN(const auto schedule,
                          calendar::settlement_schedule(southbound, refdata.parameters,
                                                        part.payment->clearing_date));
      part.settlement_date = calendar::money_flow_date(schedule, "corporate_action_funds");
    }
    if (becomes_tradable_next_day(action.type)) {
      CP_ASSIGN_OR_RETURN(
          const calendar::DayInfo* next,
          southbound.nth_day_after(*action.payment_date, 1, [](const calendar::DayInfo& d) {
            return d.southbound_trading;
          }));
      part.tradable_from = next->date;
    }
    // holders_at orders them by channel: this channel's are one run of them.
    const auto first = std::find_if(holders.begin(), holders.end(),
                                    [&](const Holder& h) { return h.channel == channel; });
    const auto last =
        std::find_if(first, holders.end(), [&](const Holder& h) { return h.channel != channel; });
    const std::vector<Holder> on_channel(std::make_move_iterator(first),
                                         std::make_move_iterator(last));
    for (Entitlement& e : entitlements(action, on_channel, report.board_lot)) {
      std::optional<DividendMoney> money;
      if (rules && part.payment) {
        money = action.type == ActionType::kTakeover
                    ? consideration_money(e.cash_ccy, part.payment->rmb_per_unit, *rules)
                    : dividend_money(e.cash_ccy, part.payment->rmb_per_unit, e.account_type,
                                     action.issuer_type, *rules);
      }
      report.money.push_back(money);
      report.entitlements.push_back(std::move(e));
    }
    report.channels.push_back(std::move(part));
  }
  return report;
}

}  // namespace cp::corpactions
