#include "eod/closing_holdings.h"

#include <algorithm>
#include <map>

#include "calendar/settlement.h"
#include "corpactions/securities_movement.h"

namespace cp::eod {

Result<std::vector<clearing::Holding>> closing_holdings(
    const PositionStatement* latest, const HoldingSources& sources,
    const calendar::SouthboundCalendar& southbound, const refdata::ParameterTable& parameters,
    Channel channel, Date as_of) {
  static const std::vector<clearing::Holding> kNoStatement;
  const std::vector<clearing::Holding>& statement =
      latest != nullptr ? latest->holdings : kNoStatement;
  const Date from_date = latest != nullptr ? latest->as_of.plus_days(1)
                                           : as_of.plus_days(-calendar::kSettlementLookBackDays);
  // Trades that settled after the statement (calendar::kSettlementLookBackDays reaches them).
  std::vector<clearing::ExecutionRef> settled;
  const Date first_trade =
      std::max(southbound.covered_from(), from_date.plus_days(-calendar::kSettlementLookBackDays));
  for (Date traded = first_trade; traded <= as_of; traded = traded.plus_days(1)) {
    CP_ASSIGN_OR_RETURN(const calendar::DayInfo* info, southbound.day(traded));
    if (!info->southbound_trading) continue;
    CP_ASSIGN_OR_RETURN(auto schedule,
                        calendar::settlement_schedule(southbound, parameters, traded));
    if (schedule.securities_settlement_date < from_date ||
        schedule.securities_settlement_date > as_of) {
      continue;
    }
    CP_ASSIGN_OR_RETURN(const clearing::ExecutionTable* executions, sources.executions_of(traded));
    for (const clearing::ExecutionRef e : *executions) {
      if (e.channel() == channel) settled.push_back(e);
    }
  }
  const Date after = from_date.plus_days(-1);
  CP_ASSIGN_OR_RETURN(auto moved, sources.movements_of(channel, after, as_of));
  CP_ASSIGN_OR_RETURN(const auto actions, sources.actions_of(after, as_of));
  for (const auto& action : actions) {
    // Each action from the holdings it applies to: at its holders' close, or the close before it
    // is distributed if that comes first — always an earlier close, so this ends.
    const Date basis = std::min(action.holders_date(), action.payment_date->plus_days(-1));
    CP_ASSIGN_OR_RETURN(const auto holders,
                        sources.holdings_at(channel, basis, action.security_code));
    std::map<std::string, int64_t> scrip;
    if (action.type == corpactions::ActionType::kScripDividend) {
      CP_ASSIGN_OR_RETURN(const auto instructions, sources.scrip_instructions(action.event_id));
      scrip = corpactions::scrip_filed_by_account(action, channel, instructions, holders);
    }
    for (auto& m : corpactions::securities_movements(action, holders, scrip)) moved.push_back(m);
  }
  return clearing::roll_forward(statement, settled, moved);
}

}  // namespace cp::eod
