// An EOD report as a table of text cells (amounts are exact decimal strings), and its writers:
// CSV, JSON and XLSX. The reports themselves are built from stored results
// (store/eod_report_store.h), so a report is reproducible and never recomputes money.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace cp::eod {

struct Report {
  std::string name;   // statement | csdc | transfer | exceptions | fees | pre-clearing
  std::string title;  // for people
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> amount_columns;  // right-aligned in text and XLSX
};

// Writers. An XLSX amount cell is a number where Excel shows it exactly (at most 15
// significant digits, formatted with its own decimals), otherwise text: never a rounded value.
std::string report_csv(const Report& report);
std::string report_json(const Report& report);
Result<void> write_report_xlsx(const Report& report, const std::string& path);

}  // namespace cp::eod
