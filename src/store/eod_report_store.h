// The EOD reports of a date, built from the stored results: investor statements, the CSDC
// settlement summary, the funds-transfer instructions, the exceptions, fee collection by
// collector and pre-clearing (docs/eod.md). Writers: eod/report_format.h.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "eod/report_format.h"
#include "store/database.h"

namespace cp::store {

const std::vector<std::string>& report_names();

// `account` filters the statement to one investor (empty: all).
Result<eod::Report> build_report(Database& db, const std::string& name, Date date,
                                 const std::string& account = {});

// The CLR-11 instructions a run made (`by_settlement_date` false: `date` is its business date)
// or those for one settlement day (true), with each term and the trade dates in a cell.
Result<eod::Report> transfer_report(Database& db, Date date, bool by_settlement_date);

}  // namespace cp::store
