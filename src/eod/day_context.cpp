#include "eod/day_context.h"

#include <algorithm>

#include "eod/closing_holdings.h"

namespace cp::eod {

Result<const clearing::FxRates*> DayContext::fx_of(Channel channel) const {
  const auto found = fx.find(channel);
  if (found == fx.end()) {
    return refusal(kInputsMissing, "cannot clear " + date.to_string() + ": missing FX rates for " +
                                       std::string(channel_code(channel)) + " (import them first)");
  }
  return &found->second;
}

Result<Decimal> DayContext::close_of(const std::string& security_code,
                                     std::string_view needed_for) const {
  const auto found = closes_hkd.find(security_code);
  if (found == closes_hkd.end()) {
    return refusal(kInputsMissing, "cannot clear " + date.to_string() +
                                       ": missing the closing price of " + security_code + " (" +
                                       std::string(needed_for) + ")");
  }
  return found->second;
}

calendar::MoneyFlow DayContext::flow_of(Channel channel, std::string_view name) const {
  for (const auto& flow : schedules.at(channel).money_flows) {
    if (flow.flow == name) return flow;
  }
  CP_ASSERT(false, "money flow missing from the schedule");
}

Result<int64_t> DayContext::days_to_next_trading_day(Channel channel) const {
  CP_ASSIGN_OR_RETURN(const calendar::DayInfo* next, calendars.at(channel).nth_day_after(
                                                         date, 1, [](const calendar::DayInfo& day) {
                                                           return day.southbound_trading;
                                                         }));
  return days_between(date, next->date);
}

HoldingSources DayContext::holding_sources() {
  HoldingSources sources;
  sources.executions_of = [this](Date trade_date) { return executions_of(trade_date); };
  // Earlier days' movements are stored; the date's own are its inputs.
  sources.movements_of = [this](Channel of, Date after,
                                Date through) -> Result<std::vector<clearing::HoldingMovement>> {
    CP_ASSIGN_OR_RETURN(auto moved, earlier.holding_movements(of, after, through));
    if (after < date && date <= through) {
      for (const auto& t : in.non_trade_transfers) {
        if (t.channel != of) continue;
        for (auto& m : corpactions::share_movements(t)) moved.push_back(std::move(m));
      }
    }
    return moved;
  };
  sources.actions_of = [this](Date after, Date through) {
    return earlier.securities_actions(after, through);
  };
  sources.election_instructions = [this](const std::string& event_id) {
    return earlier.election_instructions(event_id);
  };
  // An action's holders at an earlier close, worked out once for the run.
  sources.holdings_at = [this](
                            Channel of, Date close,
                            const std::string& security) -> Result<std::vector<clearing::Holding>> {
    CP_ASSIGN_OR_RETURN(const std::vector<Holding>* all, closing_holdings(of, close));
    std::vector<clearing::Holding> out;
    for (const Holding& h : *all) {
      if (h.security_code == security) out.push_back(h);
    }
    return out;
  };
  return sources;
}

Result<const std::vector<Holding>*> DayContext::closing_holdings(Channel channel, Date as_of) {
  auto found = holdings_.find({channel, as_of});
  if (found != holdings_.end()) return &found->second;
  const HoldingSources sources = holding_sources();
  CP_ASSIGN_OR_RETURN(const PositionStatement* latest,
                      earlier.statement_on_or_before(channel, as_of));
  CP_ASSIGN_OR_RETURN(auto holdings, eod::closing_holdings(latest, sources, calendars.at(channel),
                                                           parameters, channel, as_of));
  return &holdings_.emplace(std::make_pair(channel, as_of), std::move(holdings)).first->second;
}

Result<const clearing::ExecutionTable*> DayContext::executions_of(Date trade_date) {
  if (trade_date == date) return &in.executions;
  return earlier.executions_of(trade_date);
}

Result<const risk::PriceHistory*> DayContext::price_history(const std::set<std::string>& securities,
                                                            Date from, Date to) {
  std::set<std::string> missing;
  for (const std::string& security : securities) {
    if (!history_read_.count({security, from, to})) missing.insert(security);
  }
  if (!missing.empty()) {
    CP_RETURN_IF_ERROR(earlier.read_closes(missing, from, to, history_));
    for (const std::string& security : missing) {
      history_read_.insert({security, from, to});
      // The day's own close is its prices input, whatever the stored history says of it.
      const auto close = closes_hkd.find(security);
      if (close != closes_hkd.end()) history_.add(security, date, close->second);
    }
  }
  return &history_;
}

}  // namespace cp::eod
