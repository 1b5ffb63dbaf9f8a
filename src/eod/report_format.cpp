#include "eod/report_format.h"

#include <xlsxwriter.h>

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/csv.h"
#include "core/decimal.h"

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

namespace {

// An amount cell's number when Excel shows it exactly: a decimal of at most 15 significant
// digits (what Excel displays) is the nearest binary double's 15-digit rounding, and
// libxlsxwriter writes the double with 17 significant digits, so Excel reads back the same
// double and displays the same 15 digits. Longer amounts, and text that is not a decimal
// (an empty cell, a label), stay text.
std::optional<double> exact_number(const std::string& text) {
  auto value = Decimal::parse(text);
  if (!value.ok()) return std::nullopt;
  const Decimal normal = value->normalized();
  Int128 units = normal.units() < 0 ? -normal.units() : normal.units();
  int digits = 0;
  for (; units != 0; units /= 10) ++digits;
  if (digits > 15) return std::nullopt;
  return std::strtod(text.c_str(), nullptr);
}

}  // namespace

Result<void> write_report_xlsx(const Report& report, const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return make_error(ErrorCode::kInternal, "cannot create " + path);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, report.name.c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  lxw_format* right = workbook_add_format(workbook);
  format_set_align(right, LXW_ALIGN_RIGHT);
  // Amounts as numbers (sums and filters work in Excel), shown with their own decimals.
  std::map<int, lxw_format*> number_formats;
  auto number_format = [&](int scale) {
    auto [found, added] = number_formats.try_emplace(scale, nullptr);
    if (added) {
      found->second = workbook_add_format(workbook);
      const std::string pattern = scale == 0 ? "#,##0" : "#,##0." + std::string(scale, '0');
      format_set_num_format(found->second, pattern.c_str());
    }
    return found->second;
  };
  worksheet_write_string(sheet, 0, 0, report.title.c_str(), bold);
  for (size_t c = 0; c < report.columns.size(); ++c) {
    worksheet_write_string(sheet, 2, static_cast<lxw_col_t>(c), report.columns[c].c_str(), bold);
  }
  for (size_t r = 0; r < report.rows.size(); ++r) {
    for (size_t c = 0; c < report.rows[r].size(); ++c) {
      const bool amount = c < report.amount_columns.size() && report.amount_columns[c];
      const std::string& text = report.rows[r][c];
      const auto row = static_cast<lxw_row_t>(r + 3);
      const auto column = static_cast<lxw_col_t>(c);
      const std::optional<double> number = amount ? exact_number(text) : std::nullopt;
      if (number) {
        const auto point = text.find('.');
        const int scale =
            point == std::string::npos ? 0 : static_cast<int>(text.size() - point - 1);
        worksheet_write_number(sheet, row, column, *number, number_format(scale));
      } else {
        worksheet_write_string(sheet, row, column, text.c_str(), amount ? right : nullptr);
      }
    }
  }
  const lxw_error status = workbook_close(workbook);
  if (status != LXW_NO_ERROR) {
    return make_error(ErrorCode::kInternal, "cannot write " + path + ": " + lxw_strerror(status));
  }
  return Ok{};
}

}  // namespace cp::eod
