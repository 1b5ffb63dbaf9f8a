#include "store/eod_inputs_store.h"

#include "store/ca_store.h"
#include "store/execution_store.h"
#include "store/import_store.h"
#include "store/investor_funds_store.h"
#include "store/non_trade_store.h"
#include "store/transfer_store.h"

namespace cp::store {

Result<void> load_day_inputs(Database& db, eod::DayInputs& inputs) {
  const Date date = inputs.date;
  CP_RETURN_IF_ERROR(
      db.query_each("SELECT security_code, close_hkd FROM closing_price WHERE price_date = ?",
                    {date.to_string()}, [&](const Row& row) -> Result<void> {
                      inputs.closes_hkd.emplace(row.text(0), row.decimal(1));
                      return Ok{};
                    }));
  for (Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
    CP_ASSIGN_OR_RETURN(auto fx, fx_rates_of(db, date, channel));
    if (fx) inputs.fx[channel] = *fx;
    CP_ASSIGN_OR_RETURN(inputs.reserve_balances[channel],
                        reserve_balances_on_or_before(db, channel, date));
  }
  CP_ASSIGN_OR_RETURN(inputs.cash_statements, latest_cash_statements(db, date));
  CP_ASSIGN_OR_RETURN(inputs.reserve_checks, reserve_checks_of(db, date));
  if (!inputs.reserve_checks.empty()) {
    CP_ASSIGN_OR_RETURN(inputs.instructed_for_date, load_transfers(db, date, true));
  }
  // The corporate-action cash CSDC cleared on the date (CLR-7), with its events.
  CP_ASSIGN_OR_RETURN(auto cleared,
                      db.query("SELECT event_id, channel, currency, rmb_per_unit, source FROM "
                               "ca_payment WHERE clearing_date = ? ORDER BY event_id, channel",
                               {date.to_string()}));
  for (const Row& row : cleared.rows) {
    eod::CaCashClearing clearing;
    CP_ASSIGN_OR_RETURN(clearing.action, ca_event(db, row.text(0)));
    clearing.payment.event_id = row.text(0);
    CP_ASSIGN_OR_RETURN(clearing.payment.channel, parse_channel(row.text(1)));
    CP_ASSIGN_OR_RETURN(clearing.payment.currency, parse_currency(row.text(2)));
    clearing.payment.rmb_per_unit = row.decimal(3);
    clearing.payment.clearing_date = date;
    clearing.payment.source = row.text(4);
    inputs.ca_cash.push_back(std::move(clearing));
  }
  // CSDC's non-trade transfers cleared on the date (CLR-10).
  CP_ASSIGN_OR_RETURN(inputs.non_trade_transfers,
                      non_trade_transfers_between(db, std::nullopt, date.plus_days(-1), date));
  return Ok{};
}

Result<std::optional<std::string>> stored_run_digest(Database& db, Date date) {
  CP_ASSIGN_OR_RETURN(auto run, db.query("SELECT result_digest FROM eod_run WHERE business_date = "
                                         "? AND job = 'eod'",
                                         {date.to_string()}));
  if (run.rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(run.rows[0].text(0));
}

}  // namespace cp::store
