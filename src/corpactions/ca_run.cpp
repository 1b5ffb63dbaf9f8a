#include "corpactions/ca_run.h"

#include <algorithm>
#include <map>
#include <span>

#include "calendar/settlement.h"
#include "core/assert.h"
#include "corpactions/securities_movement.h"
#include "eod/closing_holdings.h"
#include "store/ca_election_store.h"
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

// One security's holdings on the channel at `date`'s close: its rows of the latest statement,
// rolled forward by the trades, CSDC's non-trade transfers and the actions distributing it or
// into it (eod/closing_holdings.h), each of those worked out the same way at its holders' close.
// `holding_types`, when given, receives each holding's account type where the statement had the
// account (nullopt for one that holds only by the trades or transfers since).
Result<std::vector<clearing::Holding>> security_holdings(
    store::Database& db, store::StoredRuns& runs, const calendar::SouthboundCalendar& southbound,
    const refdata::ParameterTable& parameters, Channel channel, const std::string& security,
    Date date, std::vector<std::optional<AccountType>>* holding_types) {
  // Only the security's rows of the statement, with their accounts' types: a statement of
  // millions of rows is not read whole for one event.
  CP_ASSIGN_OR_RETURN(auto in_statement,
                      store::security_holders_in_statement(db, channel, date, security));
  std::optional<eod::PositionStatement> statement;
  if (in_statement.statement_date) {
    statement =
        eod::PositionStatement{*in_statement.statement_date, std::move(in_statement.holdings)};
  }
  eod::HoldingSources sources;
  sources.executions_of = [&](Date trade_date) { return runs.executions_of(trade_date); };
  sources.movements_of = [&](Channel of, Date after, Date through) {
    return runs.holding_movements(of, after, through);
  };
  sources.actions_of = [&](Date after, Date through) -> Result<std::vector<CorporateAction>> {
    CP_ASSIGN_OR_RETURN(auto actions, runs.securities_actions(after, through));
    std::erase_if(actions, [&](const CorporateAction& a) {
      return a.security_code != security && a.new_security_code != security;
    });
    return actions;
  };
  sources.election_instructions = [&](const std::string& event_id) {
    return runs.election_instructions(event_id);
  };
  sources.holdings_at = [&](Channel of, Date close, const std::string& code) {
    return security_holdings(db, runs, southbound, parameters, of, code, close, nullptr);
  };
  CP_ASSIGN_OR_RETURN(auto holdings,
                      eod::closing_holdings(statement ? &*statement : nullptr, sources, southbound,
                                            parameters, channel, date));
  std::erase_if(holdings, [&](const clearing::Holding& h) { return h.security_code != security; });
  if (holding_types != nullptr) {
    // Both in account order (the statement by the store, the holdings by the roll-forward's
    // merge): one walk, no map of millions of ids. A holding the walk does not find (not in the
    // statement, or out of order) is left for the caller to look up.
    holding_types->assign(holdings.size(), std::nullopt);
    const std::vector<clearing::Holding> none;
    const auto& rows = statement ? statement->holdings : none;
    size_t s = 0;
    for (size_t i = 0; i < holdings.size(); ++i) {
      while (s < rows.size() && rows[s].account_id < holdings[i].account_id) ++s;
      if (s < rows.size() && rows[s].account_id == holdings[i].account_id) {
        (*holding_types)[i] = in_statement.account_types[s];
      }
    }
  }
  return holdings;
}

}  // namespace

Result<std::vector<Holder>> holders_at(store::Database& db, const refdata::RefData& refdata,
                                       const refdata::MarketCalendarData& markets,
                                       const std::string& security_code, Date date) {
  // The run "after" the date answers with everything up to its close.
  store::StoredRuns runs(db, date.plus_days(1));
  std::vector<Holder> holders;
  for (const Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
    CP_ASSIGN_OR_RETURN(auto southbound,
                        calendar::SouthboundCalendar::build(markets, refdata.parameters, channel));
    if (date < southbound.covered_from()) continue;  // not open yet
    std::vector<std::optional<AccountType>> types;
    CP_ASSIGN_OR_RETURN(auto holdings, security_holdings(db, runs, southbound, refdata.parameters,
                                                         channel, security_code, date, &types));
    std::vector<std::string> not_in_statement;
    for (size_t i = 0; i < holdings.size(); ++i) {
      if (holdings[i].quantity > 0 && !types[i]) not_in_statement.push_back(holdings[i].account_id);
    }
    CP_ASSIGN_OR_RETURN(const auto more, store::account_types_of(db, not_in_statement));
    holders.reserve(holders.size() + holdings.size());
    for (size_t i = 0; i < holdings.size(); ++i) {
      clearing::Holding& h = holdings[i];
      if (h.quantity <= 0) continue;
      if (!types[i]) {
        const auto found = more.find(h.account_id);
        if (found == more.end()) {
          return rule_violation("account " + h.account_id + " holds " + security_code +
                                    " but is not in the account book (import accounts)",
                                "account_id");
        }
        types[i] = found->second;
      }
      holders.push_back({channel, std::move(h.account_id), *types[i], h.quantity});
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
  const bool take_up =
      action.type == ActionType::kRightsIssue || action.type == ActionType::kOpenOffer;
  std::vector<ElectionInstruction> instructions;
  if (action.type == ActionType::kScripDividend || take_up) {
    CP_ASSIGN_OR_RETURN(auto given, store::ca_elections_of(db, event_id));
    instructions = prevailing(std::move(given));
  }
  // A take-up: the shares filed, read as the filing reads them (securities_movement.h).
  std::map<std::pair<Channel, std::string>, int64_t> taken;
  if (take_up) {
    const Date basis = take_up_basis(action);
    const bool rights_held =
        action.type == ActionType::kRightsIssue && basis >= rights_credit_date(action);
    CP_ASSIGN_OR_RETURN(
        const auto at_filing,
        holders_at(db, refdata, markets,
                   rights_held ? action.new_security_code : action.security_code, basis));
    for (const Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
      std::vector<clearing::Holding> held;
      for (const Holder& h : at_filing) {
        if (h.channel != channel) continue;
        held.push_back({h.account_id, rights_held ? action.new_security_code : action.security_code,
                        h.shares});
      }
      for (const auto& [account, shares] : take_up_filed_by_account(
               action, channel, instructions, take_up_eligible(action, held, basis))) {
        taken[{channel, account}] = shares;
      }
    }
  }
  std::optional<DividendRules> rules;
  if (pays_cash(action.type) || take_up) {
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
    const std::span<const Holder> on_channel(first, last);
    // A scrip dividend: the shares filed for scrip take new shares, the rest cash (CA-3).
    const FiledQuantities scrip = scrip_filed(action, instructions, on_channel);
    std::vector<Entitlement> got = entitlements(action, on_channel, report.board_lot, &scrip);
    if (report.entitlements.empty()) {
      report.entitlements = std::move(got);  // a million holders are not copied
    } else {
      report.entitlements.insert(report.entitlements.end(), std::make_move_iterator(got.begin()),
                                 std::make_move_iterator(got.end()));
    }
    report.channels.push_back(std::move(part));
  }
  // The holders' memory goes back before the money's is taken: at millions of holders, fresh
  // memory is a good part of the run (docs/performance.md).
  holders = std::vector<Holder>();
  report.money.reserve(report.entitlements.size());
  size_t channel_index = 0;
  for (Entitlement& e : report.entitlements) {
    // In the channels' order, as holders_at gave them.
    while (channel_index < report.channels.size() &&
           report.channels[channel_index].channel != e.channel) {
      ++channel_index;
    }
    CP_ASSERT(channel_index < report.channels.size(), "an entitlement of a channel worked out");
    const ChannelPart& part = report.channels[channel_index];
    std::optional<DividendMoney> money;
    if (take_up) {
      const auto found = taken.find({e.channel, e.account_id});
      if (found != taken.end()) {
        e.taken_up = found->second;
        if (part.payment) {
          money = subscription_money(e.taken_up, *action.price, part.payment->rmb_per_unit, *rules);
        }
      }
    } else if (rules && part.payment) {
      money = action.type == ActionType::kTakeover
                  ? consideration_money(e.cash_ccy, part.payment->rmb_per_unit, *rules)
                  : dividend_money(e.cash_ccy, part.payment->rmb_per_unit, e.account_type,
                                   action.issuer_type, *rules);
    }
    report.money.push_back(money);
  }
  return report;
}

}  // namespace cp::corpactions
