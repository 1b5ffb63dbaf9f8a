// Investors' holdings at a date's close, from what is stored: the latest positions statement on
// or before the date rolled forward by the trades whose securities settled after it (SPEC STL-1,
// STL-3, CLR-3; clearing/holdings.h), by CSDC's non-trade transfers (CLR-10) and by the
// corporate actions distributed (CLR-8: bonus shares and warrants, splits, consolidations,
// takeovers, scrip, rights and the shares taken up) in the same days. One implementation for the
// EOD's stages (the portfolio fee, collateral, the book: eod/day_context.h) and for who holds a
// security at a record date (corporate actions, corpactions/entitlement.h).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "calendar/southbound_calendar.h"
#include "clearing/execution_table.h"
#include "clearing/holdings.h"
#include "corpactions/corporate_action.h"
#include "corpactions/elections.h"
#include "corpactions/securities_movement.h"
#include "eod/earlier_runs.h"
#include "refdata/parameters.h"

namespace cp::eod {

// What the holdings at a close are built from, besides the statement.
struct HoldingSources {
  // The executions of a trade date, all channels (EarlierRuns::executions_of, or a run's own).
  std::function<Result<const clearing::ExecutionTable*>(Date trade_date)> executions_of;
  // The channel's movements that are not trades (non-trade transfers, CLR-10) dated after
  // `after` and on or before `through` (EarlierRuns::holding_movements, and a run's own).
  std::function<Result<std::vector<clearing::HoldingMovement>>(Channel channel, Date after,
                                                               Date through)>
      movements_of;
  // The corporate actions that move securities (corpactions/securities_movement.h) distributed
  // after `after` and on or before `through` (EarlierRuns::securities_actions); a caller that
  // wants one security's holdings may leave out the actions of others.
  std::function<Result<std::vector<corpactions::CorporateAction>>(Date after, Date through)>
      actions_of;
  // An event's prevailing election instructions (CA-3; EarlierRuns::election_instructions): the
  // shares filed for scrip and the rights filed for take-up get new shares on the payment date.
  std::function<Result<std::vector<corpactions::ElectionInstruction>>(const std::string& event_id)>
      election_instructions;
  // The channel's holdings of `security` at an earlier close (an action's holders' close): the
  // caller's own closing_holdings, so that it keeps what it worked out.
  std::function<Result<std::vector<clearing::Holding>>(Channel channel, Date date,
                                                       const std::string& security)>
      holdings_at;
};

// The channel's holdings at the close of `as_of`: `statement` (the latest on or before it; nullptr
// when there is none; a part of it, one security's rows, gives that security's holdings), rolled
// forward by the trades of the channel whose securities settle after the statement's date and on
// or before `as_of` by `southbound`'s settlement schedule (a typhoon, a half day or a holiday
// moves them: STL-3 follows), by the movements dated in the same days, and by the securities of
// the actions distributed in them, each worked out from the holdings at its holders' close (or
// the close before its distribution date, if that is earlier). Without a statement, what settled
// in calendar::kSettlementLookBackDays before the date is all there is. Refuses a settled trade
// date whose executions cannot be read.
// A rights issue's or open offer's shares filed for take-up on `channel`, by account (CA-3):
// the prevailing instructions filed against the rights held at the close the filing reads
// (corpactions::take_up_basis, take_up_eligible). What the payment date credits and what the
// subscription money is for.
Result<std::map<std::string, int64_t>> take_up_filed(const corpactions::CorporateAction& action,
                                                     Channel channel,
                                                     const HoldingSources& sources);

// The movements of each step of `action` dated after `after` and on or before `through` on
// `channel` (corpactions/securities_movement.h), each worked out from the holdings its step
// reads (step_basis; a take-up's filing also reads take_up_basis's close). One implementation
// for the holdings at a close and for the journal's entries (eod/ca_cash_stage.h).
struct StepMovements {
  corpactions::DatedStep step;
  std::vector<clearing::HoldingMovement> movements;
};
Result<std::vector<StepMovements>> action_movements(const corpactions::CorporateAction& action,
                                                    Channel channel, Date after, Date through,
                                                    const HoldingSources& sources);

Result<std::vector<clearing::Holding>> closing_holdings(
    const PositionStatement* statement, const HoldingSources& sources,
    const calendar::SouthboundCalendar& southbound, const refdata::ParameterTable& parameters,
    Channel channel, Date as_of);

}  // namespace cp::eod
