#include "eod/reinstruct.h"

#include <nlohmann/json.hpp>

#include "refdata/market_calendar.h"
#include "refdata/refdata.h"
#include "store/audit_store.h"
#include "store/calendar_store.h"
#include "store/transfer_store.h"

namespace cp::eod {

Result<LatestRunDays> latest_run_days(store::Database& db, const std::string& data_dir) {
  LatestRunDays out;
  CP_ASSIGN_OR_RETURN(out.run_date, store::latest_eod_run_date(db));
  if (!out.run_date) return out;
  CP_ASSIGN_OR_RETURN(const refdata::RefData refdata, refdata::load_refdata(data_dir));
  CP_ASSIGN_OR_RETURN(refdata::MarketCalendarData markets,
                      refdata::load_market_calendars(data_dir));
  CP_RETURN_IF_ERROR(store::merge_calendar_additions(db, markets));
  CP_ASSIGN_OR_RETURN(out.days, instructed_days(markets, refdata.parameters, *out.run_date));
  return out;
}

Result<std::optional<Reinstruction>> reinstruct_if_moved(store::Database& db,
                                                         const LatestRunDays& before,
                                                         const EodInputs& inputs) {
  if (!before.run_date) return std::optional<Reinstruction>();
  CP_ASSIGN_OR_RETURN(const LatestRunDays after, latest_run_days(db, inputs.data_dir));
  // Another run stored meanwhile instructed under the new calendar already.
  if (after.run_date != before.run_date || after.days == before.days) {
    return std::optional<Reinstruction>();
  }
  Reinstruction moved{*before.run_date, before.days, after.days, {}};
  CP_ASSIGN_OR_RETURN(moved.report, run_eod(db, moved.run_date, inputs));
  const nlohmann::json detail = {{"moved", describe_move(moved.before, moved.after)},
                                 {"digest", moved.report.digest},
                                 {"transfers", moved.report.transfers.size()}};
  CP_RETURN_IF_ERROR(store::append_audit(db, *inputs.clock,
                                         {inputs.actor, "", "eod.transfers_reinstructed",
                                          "eod:" + moved.run_date.to_string(), detail.dump()}));
  return std::optional<Reinstruction>(std::move(moved));
}

}  // namespace cp::eod
