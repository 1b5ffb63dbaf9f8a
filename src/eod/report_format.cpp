#include "eod/report_format.h"

#include <xlsxwriter.h>

#include <nlohmann/json.hpp>

#include "core/csv.h"

namespace cp::eod {

std::string report_csv(const Report& report) {
  std::string out;
  append_csv_record(out, report.columns);
  for (const auto& row : report.rows) append_csv_record(out, row);
  return out;
}

std::string report_json(const Report& report) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& row : report.rows) {
    nlohmann::ordered_json object;
    for (size_t i = 0; i < report.columns.size(); ++i) object[report.columns[i]] = row[i];
    rows.push_back(object);
  }
  return nlohmann::ordered_json{{"report", report.name}, {"title", report.title}, {"rows", rows}}
             .dump(2) +
         "\n";
}

Result<void> write_report_xlsx(const Report& report, const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return make_error(ErrorCode::kInternal, "cannot create " + path);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, report.name.c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  lxw_format* right = workbook_add_format(workbook);
  format_set_align(right, LXW_ALIGN_RIGHT);
  worksheet_write_string(sheet, 0, 0, report.title.c_str(), bold);
  for (size_t c = 0; c < report.columns.size(); ++c) {
    worksheet_write_string(sheet, 2, static_cast<lxw_col_t>(c), report.columns[c].c_str(), bold);
  }
  for (size_t r = 0; r < report.rows.size(); ++r) {
    for (size_t c = 0; c < report.rows[r].size(); ++c) {
      const bool amount = c < report.amount_columns.size() && report.amount_columns[c];
      worksheet_write_string(sheet, static_cast<lxw_row_t>(r + 3), static_cast<lxw_col_t>(c),
                             report.rows[r][c].c_str(), amount ? right : nullptr);
    }
  }
  const lxw_error status = workbook_close(workbook);
  if (status != LXW_NO_ERROR) {
    return make_error(ErrorCode::kInternal, "cannot write " + path + ": " + lxw_strerror(status));
  }
  return Ok{};
}

}  // namespace cp::eod
