// Issue 16's reports under HKSCC's ids, as tables the EOD's writers print as CSV, JSON or XLSX
// (eod/report_format.h). Part of cp_risk_run.
//   RMAMR01, RMAMR03  MTM and Margin Requirement Report: every figure of a participant's margin
//                     of a date (risk/margin.h)
//   an id of the obligation schedule (CCMPY01, CCMPY02, CFIPM01, CRMMG02, CCLTN05, CCMDF02, …):
//                     the participant's obligations of the date that the report announces
#pragma once

#include <string>

#include "eod/report_format.h"
#include "risk/risk_day.h"
#include "store/database.h"

namespace cp::risk {

// An id neither RMAMR01/RMAMR03 nor in the schedule is refused, listing the known ones.
Result<eod::Report> build_risk_report(store::Database& db, const RiskReference& reference,
                                      const std::string& report_id, const std::string& participant,
                                      Date date, UtcTime now);

}  // namespace cp::risk
