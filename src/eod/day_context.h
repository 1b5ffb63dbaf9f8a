// What the stages of an EOD run read: the date's snapshot (day_inputs.h), what earlier runs
// stored (earlier_runs.h), and what follows from them — flows, holdings rolled forward — worked
// out once and shared. Nothing here reads the database, a file or a clock.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "calendar/settlement.h"
#include "calendar/southbound_calendar.h"
#include "clearing/account_book.h"
#include "clearing/execution.h"
#include "clearing/holdings.h"
#include "clearing/input_files.h"
#include "eod/closing_holdings.h"
#include "eod/day_inputs.h"
#include "eod/earlier_runs.h"
#include "refdata/refdata.h"
#include "risk/margin.h"
#include "risk/price_history.h"

namespace cp::eod {

using clearing::Holding;

// The refusals of a run that a scheduler tells apart (Error::reason, with --log-format json;
// docs/eod.md): all exit 1.
inline constexpr const char* kNotATradingDay = "not_a_trading_day";
inline constexpr const char* kTradesOnAClosedChannel = "trades_on_a_closed_channel";
inline constexpr const char* kInputsMissing = "inputs_missing";
inline constexpr const char* kEarlierRunMissing = "earlier_run_missing";
// A rule violation carrying one of the reasons above.
inline Error refusal(const char* reason, std::string message) {
  Error error = rule_violation(std::move(message));
  error.reason = reason;
  return error;
}

class DayContext {
 public:
  DayContext(const DayInputs& day_inputs, EarlierRuns& earlier_runs)
      : in(day_inputs),
        earlier(earlier_runs),
        date(day_inputs.date),
        rules_date(day_inputs.rules_date),
        refdata(*day_inputs.refdata),
        parameters(day_inputs.refdata->parameters),
        accounts(*day_inputs.accounts),
        calendars(day_inputs.calendars),
        schedules(day_inputs.schedules),
        fx(day_inputs.fx),
        closes_hkd(day_inputs.closes_hkd) {}

  const DayInputs& in;
  EarlierRuns& earlier;
  const Date date;
  const Date rules_date;  // where fees and parameters are read (DayInputs::rules_date)
  const refdata::RefData& refdata;
  const refdata::ParameterTable& parameters;
  const clearing::AccountBook& accounts;
  const std::map<Channel, calendar::SouthboundCalendar>& calendars;
  const std::map<Channel, calendar::SettlementSchedule>& schedules;
  const std::map<Channel, clearing::FxRates>& fx;
  const std::map<std::string, Decimal>& closes_hkd;

  // The channel's rates, or an error naming them as missing.
  Result<const clearing::FxRates*> fx_of(Channel channel) const;
  // The security's close on `date`, or an error naming it and why it is needed.
  Result<Decimal> close_of(const std::string& security_code, std::string_view needed_for) const;
  // The named money flow of `date`'s trades on the channel (STL-2).
  calendar::MoneyFlow flow_of(Channel channel, std::string_view name) const;
  // Calendar days from `date` to the channel's next Southbound trading day (3 on a Friday):
  // the days a portfolio fee or a daily penalty covers.
  Result<int64_t> days_to_next_trading_day(Channel channel) const;
  // The channel's holdings at the close of `as_of` (on or after `date`): the latest positions
  // statement on or before it, rolled forward by the trades whose securities settled after the
  // statement's date and on or before `as_of` (clearing/holdings.h). Refuses a settled trade
  // date whose executions cannot be read.
  Result<const std::vector<Holding>*> closing_holdings(Channel channel, Date as_of);
  // What closing_holdings rolls forward from (eod/closing_holdings.h): the stored days', the
  // date's own inputs, and the holdings at earlier closes worked out once for the run.
  HoldingSources holding_sources();
  // The executions of a trade date on or before `date`, all channels: the snapshot's own for
  // `date`, the stored ones before it.
  Result<const clearing::ExecutionTable*> executions_of(Date trade_date);
  // The stored price history of `securities` over [from, to] (earlier_runs.h read_closes), with
  // `date`'s closes from the day's prices in place of any stored; read once per security and
  // span for the run: every reserve's CSDC margin asks (CLR-9).
  Result<const risk::PriceHistory*> price_history(const std::set<std::string>& securities,
                                                  Date from, Date to);
  // The run's filtered scenario returns by security, shared by the reserves' CSDC margins (one
  // date, one set of HKSCC's parameters, one price history: risk/margin.h ScenarioReturns).
  risk::ScenarioReturns& scenario_returns() { return scenario_returns_; }
  // The account of an execution, or nullptr: found once per account for `date`'s own table
  // (DayInputs::execution_accounts), looked up for another's.
  const clearing::Account* account_of(const clearing::ExecutionRef& e) const {
    if (&e.table() == &in.executions) {
      if (const auto* by_number = in.accounts_by_number()) return (*by_number)[e.account_number()];
    }
    return accounts.find(e.account_id());
  }

 private:
  std::map<std::pair<Channel, Date>, std::vector<Holding>> holdings_;
  risk::PriceHistory history_;
  risk::ScenarioReturns scenario_returns_;
  std::set<std::tuple<std::string, Date, Date>> history_read_;  // security, from, to
};

}  // namespace cp::eod
