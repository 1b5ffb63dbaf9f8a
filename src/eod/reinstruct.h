// A calendar change that moves a transfer already instructed (SPEC CLR-11, CLR-18; seed 002
// 附件4 第27、40条). The run of trading day D instructs the morning transfers of the settlement
// days up to the next trading day's first money day (calendar/transfer_days.h). A closure, a half
// day or a severe-weather episode recorded after that run can close a day it instructed, or move
// the next trading day: the instruction for the closed day is then void, and the day the money
// now moves on has none, because no run lies between. So the change itself redoes the latest
// run: its transfers are instructed again under the calendar as it now stands, built from what
// was known at D's close as before. A rerun keeps the settlement dates D's investors were first
// given (store/eod_result_store.h), so the next run still tells them of the delay.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "eod/eod_run.h"
#include "eod/instructed_days.h"
#include "store/database.h"

namespace cp::eod {

// The latest stored EOD run and the days it instructs under the calendar of `data_dir` with the
// database's additions; no run stored: `run_date` empty. Read before a calendar change is stored.
struct LatestRunDays {
  std::optional<Date> run_date;
  InstructedDays days;
};
Result<LatestRunDays> latest_run_days(store::Database& db, const std::string& data_dir);

struct Reinstruction {
  Date run_date;
  InstructedDays before;
  InstructedDays after;
  EodReport report;  // the rerun's
};
// After a calendar change is stored: when the latest run's days differ from `before` (read
// before the change), reruns that run and says what moved; nothing moved: empty. A rerun that
// fails (the day is no longer a trading day, say) returns its error; the change stays stored.
Result<std::optional<Reinstruction>> reinstruct_if_moved(store::Database& db,
                                                         const LatestRunDays& before,
                                                         const EodInputs& inputs);

}  // namespace cp::eod
