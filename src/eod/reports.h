// The EOD reports of a date, built from the stored results (so a report is reproducible and
// never recomputes money): investor statements, the CSDC settlement summary, the funds-transfer
// instructions, the exceptions, and fee collection by collector. Each is a table of text cells;
// amounts are exact decimal strings.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "store/database.h"

namespace cp::eod {

struct Report {
  std::string name;   // statement | csdc | transfer | exceptions | fees
  std::string title;  // for people
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> amount_columns;  // right-aligned in text and XLSX
};

const std::vector<std::string>& report_names();

// `account` filters the statement to one investor (empty: all).
Result<Report> build_report(store::Database& db, const std::string& name, Date date,
                            const std::string& account = {});

// The CLR-11 instructions a run made (`by_settlement_date` false: `date` is its business date)
// or those for one settlement day (true), with each term and the trade dates in a cell.
Result<Report> transfer_report(store::Database& db, Date date, bool by_settlement_date);

// Writers. XLSX cells are text, never binary floating point: the amounts stay exact.
std::string report_csv(const Report& report);
std::string report_json(const Report& report);
Result<void> write_report_xlsx(const Report& report, const std::string& path);

}  // namespace cp::eod
