// Investors' holdings at a date's close, from what is stored: the latest positions statement on
// or before the date rolled forward by the trades whose securities settled after it (SPEC STL-1,
// STL-3, CLR-3; clearing/holdings.h). One implementation for the EOD's stages (the portfolio fee,
// collateral, the book: eod/day_context.h) and for who holds a security at a record date
// (corporate actions, corpactions/entitlement.h).
#pragma once

#include <functional>
#include <vector>

#include "calendar/southbound_calendar.h"
#include "clearing/execution_table.h"
#include "clearing/holdings.h"
#include "eod/earlier_runs.h"
#include "refdata/parameters.h"

namespace cp::eod {

// The executions of a trade date, all channels (EarlierRuns::executions_of, or a run's own).
using ExecutionsOf = std::function<Result<const clearing::ExecutionTable*>(Date trade_date)>;
// The channel's movements of holdings that are not trades (non-trade transfers, CLR-10) dated
// after `after` and on or before `through` (EarlierRuns::holding_movements, and a run's own).
using MovementsOf = std::function<Result<std::vector<clearing::HoldingMovement>>(
    Channel channel, Date after, Date through)>;

// The channel's holdings at the close of `as_of`: `statement` (the latest on or before it; nullptr
// when there is none; a part of it, one security's rows, gives that security's holdings), rolled
// forward by the trades of the channel whose securities settle after the statement's date and on or
// before `as_of` by `southbound`'s settlement schedule (a typhoon, a half day or a holiday moves
// them: STL-3 follows), and by the movements dated in the same days. Without a statement, the
// trades settled in calendar::kSettlementLookBackDays before the date are all there is. Refuses a
// settled trade date whose executions cannot be read.
Result<std::vector<clearing::Holding>> closing_holdings(
    const PositionStatement* statement, const ExecutionsOf& executions_of,
    const MovementsOf& movements_of, const calendar::SouthboundCalendar& southbound,
    const refdata::ParameterTable& parameters, Channel channel, Date as_of);

// The same from the channel's latest statement on or before `as_of` that `earlier` has.
Result<std::vector<clearing::Holding>> closing_holdings(
    EarlierRuns& earlier, const ExecutionsOf& executions_of, const MovementsOf& movements_of,
    const calendar::SouthboundCalendar& southbound, const refdata::ParameterTable& parameters,
    Channel channel, Date as_of);

}  // namespace cp::eod
