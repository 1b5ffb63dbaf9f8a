#include "eod/closing_holdings.h"

#include <algorithm>
#include <map>

#include "calendar/settlement.h"
#include "corpactions/securities_movement.h"

namespace cp::eod {

Result<std::map<std::string, int64_t>> take_up_filed(const corpactions::CorporateAction& action,
                                                     Channel channel,
                                                     const HoldingSources& sources) {
  const Date filed_at = corpactions::take_up_basis(action);
  const bool rights_held = action.type == corpactions::ActionType::kRightsIssue &&
                           filed_at >= corpactions::rights_credit_date(action);
  CP_ASSIGN_OR_RETURN(
      const auto at_filing,
      sources.holdings_at(channel, filed_at,
                          rights_held ? action.new_security_code : action.security_code));
  CP_ASSIGN_OR_RETURN(const auto instructions, sources.election_instructions(action.event_id));
  return corpactions::take_up_filed_by_account(
      action, channel, instructions, corpactions::take_up_eligible(action, at_filing, filed_at));
}

Result<std::vector<StepMovements>> action_movements(const corpactions::CorporateAction& action,
                                                    Channel channel, Date after, Date through,
                                                    const HoldingSources& sources) {
  using corpactions::ActionType;
  std::vector<StepMovements> out;
  for (const corpactions::DatedStep& step :
       corpactions::securities_steps_in(action, after, through)) {
    // Each step from the holdings it reads: always an earlier close, so this ends.
    const Date basis = corpactions::step_basis(action, step);
    StepMovements moved{step, {}};
    if (step.step == corpactions::SecuritiesStep::kRightsCredit) {
      CP_ASSIGN_OR_RETURN(const auto holders,
                          sources.holdings_at(channel, basis, action.security_code));
      moved.movements = corpactions::rights_credit_movements(action, holders);
      out.push_back(std::move(moved));
      continue;
    }
    std::vector<clearing::Holding> holders;
    std::map<std::string, int64_t> elected;
    if (action.type == ActionType::kRightsIssue || action.type == ActionType::kOpenOffer) {
      CP_ASSIGN_OR_RETURN(elected, take_up_filed(action, channel, sources));
      if (action.type == ActionType::kRightsIssue) {  // the rights that go
        CP_ASSIGN_OR_RETURN(holders, sources.holdings_at(channel, basis, action.new_security_code));
      }
    } else {
      CP_ASSIGN_OR_RETURN(holders, sources.holdings_at(channel, basis, action.security_code));
      if (action.type == ActionType::kScripDividend) {
        CP_ASSIGN_OR_RETURN(const auto instructions,
                            sources.election_instructions(action.event_id));
        elected = corpactions::scrip_filed_by_account(action, channel, instructions, holders);
      }
    }
    moved.movements = corpactions::securities_movements(action, holders, elected);
    out.push_back(std::move(moved));
  }
  return out;
}

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
    CP_ASSIGN_OR_RETURN(const auto steps, action_movements(action, channel, after, as_of, sources));
    for (const auto& step : steps) {
      moved.insert(moved.end(), step.movements.begin(), step.movements.end());
    }
  }
  return clearing::roll_forward(statement, settled, moved);
}

}  // namespace cp::eod
