// A filtered list of requests as a file for the desk (SPEC PORTAL-9): CSV (RFC 4180, UTF-8 with
// a byte-order mark so spreadsheet programs read Chinese titles) or XLSX (libxlsxwriter).
#pragma once

#include <string>
#include <vector>

#include "eod/report_format.h"
#include "portal/service_catalogue.h"
#include "server/http_message.h"
#include "store/request_store.h"

namespace cp::server {

enum class ExportFormat { kCsv, kXlsx };

// An export holds at most this many rows, newest first (portal.export_rows_max).
inline constexpr int64_t kExportRowsMax = 10000;

Result<HttpResponse> export_requests(const portal::ServiceCatalogue& services,
                                     const std::vector<store::StoredRequest>& requests,
                                     ExportFormat format);

// A report as a file: CSV with a byte-order mark (text cells defused as below; amount columns
// are numbers and keep their sign) or XLSX (numbers as numbers, eod/report_format.h), named
// `filename` plus the extension.
Result<HttpResponse> report_download(eod::Report report, ExportFormat format,
                                     const std::string& filename);

// A CSV cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
// leading apostrophe: a request's text is the sender's, never a formula (OWASP CSV injection).
std::string defuse_formula(const std::string& cell);

}  // namespace cp::server
