#include "server/request_export.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "eod/report_format.h"

namespace cp::server {
namespace {

const std::vector<std::string> kColumns = {
    "reference",  "firm",       "service_number", "service",      "status",
    "created_by", "created_at", "submitted_by",   "submitted_at", "checked_by",
    "checked_at", "assignee",   "updated_at",     "reason"};

}  // namespace

std::string defuse_formula(const std::string& cell) {
  if (!cell.empty() && std::string("=+-@\t\r").find(cell.front()) != std::string::npos) {
    return "'" + cell;
  }
  return cell;
}

Result<HttpResponse> export_requests(const portal::ServiceCatalogue& services,
                                     const std::vector<store::StoredRequest>& requests,
                                     ExportFormat format) {
  eod::Report report;
  report.name = "requests";
  report.title = "Requests";
  report.columns = kColumns;
  report.amount_columns.assign(kColumns.size(), false);
  for (const auto& r : requests) {
    const portal::ServiceDefinition* service = services.find(r.service_id);
    report.rows.push_back({r.reference, r.firm_id, service ? std::to_string(service->number) : "",
                           service ? service->title.en : r.service_id,
                           workflow::status_code(r.status), r.created_by, r.created_at,
                           r.submitted_by, r.submitted_at, r.checked_by, r.checked_at, r.assignee,
                           r.updated_at, r.reason});
  }
  return report_download(std::move(report), format, "requests");
}

Result<HttpResponse> report_download(eod::Report report, ExportFormat format,
                                     const std::string& filename) {
  HttpResponse response;
  if (format == ExportFormat::kCsv) {
    for (auto& row : report.rows) {
      for (size_t c = 0; c < row.size(); ++c) {
        const bool amount = c < report.amount_columns.size() && report.amount_columns[c];
        if (!amount) row[c] = defuse_formula(row[c]);
      }
    }
    response.content_type = "text/csv; charset=utf-8";
    response.headers["content-disposition"] = "attachment; filename=\"" + filename + ".csv\"";
    response.body = "\xEF\xBB\xBF" + eod::report_csv(report);
    return response;
  }
  // libxlsxwriter writes files: a private temporary one, read back and removed.
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("cp_export_" + std::to_string(::getpid()) + "_" +
       std::to_string(reinterpret_cast<uintptr_t>(&response)) + ".xlsx");
  CP_RETURN_IF_ERROR(eod::write_report_xlsx(report, path.string()));
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  response.headers["content-disposition"] = "attachment; filename=\"" + filename + ".xlsx\"";
  response.body = bytes.str();
  return response;
}

}  // namespace cp::server
