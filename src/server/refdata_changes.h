// Reference-data changes as maker-checker requests on the operator's side (issue 6 item 7;
// SPEC PORTAL-7 maker-checker, PORTAL-12 audit trail; the calendar rows as CAL-2, the fees CLR-4):
// a new holiday or half day, a severe-weather episode (a typhoon signal 8, a black rainstorm,
// extreme conditions), a fee from a date, a corporate-action announcement. Each is checked against
// the reference data as it stands, once when filed (so the checker sees a change that can be
// applied) and again when applied (another change may have got in between).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "core/date.h"
#include "store/calendar_store.h"
#include "store/database.h"

namespace cp::server {

// A change checked and ready: its one-line summary and how to store it.
struct CheckedChange {
  std::string summary;
  std::function<Result<void>(store::Database& db, const store::AddedBy& added)> apply;
};

// Checks `payload` (string fields) for `kind` against the shipped files in `data_dir` plus the
// additions already in `db`. Bad input is kInvalidInput naming the field:
//   closure  market (sehk|sse|szse), date, closure (holiday|half_day; half days: SEHK only),
//            reason, source — the same checks as a file row (weekday, coverage, not listed)
//   weather  signal (t8|black_rainstorm|extreme_conditions), issued_at, lifted_at
//            ("YYYY-MM-DD HH:MM" HKT), effect, source
//   fee      code (fees.csv codes), effective_from (after `today`: a fee never changes for a
//            day that may already be cleared), rate or amount_hkd (as the rule in force that
//            day has it), source; the rest of the rule is copied from the one it replaces
//   ca_event a corporate-action announcement (issue 17, SPEC CA-2): ca_events.csv's columns as
//            fields, read as a one-row file (corpactions/event_file.h); an event id already
//            announced is refused
Result<CheckedChange> check_change(store::Database& db, const std::string& data_dir,
                                   const std::string& kind, const nlohmann::json& payload,
                                   Date today);

}  // namespace cp::server
