#include "eod/closing_holdings.h"

#include <algorithm>

#include "calendar/settlement.h"

namespace cp::eod {

Result<std::vector<clearing::Holding>> closing_holdings(
    EarlierRuns& earlier, const ExecutionsOf& executions_of, const MovementsOf& movements_of,
    const calendar::SouthboundCalendar& southbound, const refdata::ParameterTable& parameters,
    Channel channel, Date as_of) {
  CP_ASSIGN_OR_RETURN(const PositionStatement* latest,
                      earlier.statement_on_or_before(channel, as_of));
  return closing_holdings(latest, executions_of, movements_of, southbound, parameters, channel,
                          as_of);
}

Result<std::vector<clearing::Holding>> closing_holdings(
    const PositionStatement* latest, const ExecutionsOf& executions_of,
    const MovementsOf& movements_of, const calendar::SouthboundCalendar& southbound,
    const refdata::ParameterTable& parameters, Channel channel, Date as_of) {
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
    CP_ASSIGN_OR_RETURN(const clearing::ExecutionTable* executions, executions_of(traded));
    for (const clearing::ExecutionRef e : *executions) {
      if (e.channel() == channel) settled.push_back(e);
    }
  }
  CP_ASSIGN_OR_RETURN(const auto moved, movements_of(channel, from_date.plus_days(-1), as_of));
  return clearing::roll_forward(statement, settled, moved);
}

}  // namespace cp::eod
