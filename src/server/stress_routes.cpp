#include "server/stress_routes.h"

#include <string_view>

#include "eod/report_format.h"
#include "risk/risk_day.h"
#include "risk/stress_scenarios.h"
#include "server/request_export.h"
#include "server/route_support.h"
#include "store/audit_store.h"
#include "store/eod_report_store.h"
#include "store/obligation_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::ordered_json;

const Access kRiskView = Access::entitled("risk", identity::Level::kView, "firm");
const Access kSettlementView = Access::entitled("settlement", identity::Level::kView, "firm");

// `shock=00700=-0.35,00005=-0.1`: one user-defined scenario, each security's own shock.
Result<std::vector<risk::StressRow>> shocks_param(const RequestContext& c) {
  std::vector<risk::StressRow> rows;
  const auto found = c.request.query.find("shock");
  if (found == c.request.query.end()) return rows;
  std::string_view rest = found->second;
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (rows.size() == kStressShocksMax) {
      return invalid_input("at most " + std::to_string(kStressShocksMax) + " shocks", "shock");
    }
    auto row = risk::parse_security_shock(item, "user_defined");
    if (!row.ok()) return invalid_input(row.error().message, "shock");
    rows.push_back(std::move(row).value());
  }
  return rows;
}

Result<HttpResponse> participant_stress(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto participant,
                      store::hkscc_participant_of_firm(portal.auth.db, c.params.at("firm")));
  if (!participant || participant->empty()) return not_found();
  auto date = required_query_date(c, "date");
  if (!date.ok()) return refusal(date.error());
  auto shocks = shocks_param(c);
  if (!shocks.ok()) return field_refusal(shocks.error());  // 422 naming `shock`
  CP_ASSIGN_OR_RETURN(risk::RiskReference reference,
                      risk::load_risk_reference(portal.data_dir, portal.auth.db));
  auto day = risk::participant_day(portal.auth.db, reference, *participant, *date);
  if (!day.ok()) return refusal(day.error());
  risk::StressInputs inputs =
      risk::participant_stress_inputs(day->margin, reference.refdata.securities);
  inputs.rows = reference.stress.rows_on(*date);
  inputs.rows.insert(inputs.rows.end(), shocks->begin(), shocks->end());
  auto results = risk::run_stress_tests(inputs);
  if (!results.ok()) return refusal(results.error());
  Json scenarios = Json::array();
  for (const auto& r : *results) {
    scenarios.push_back({{"scenario", r.scenario},
                         {"description", r.description},
                         {"pnl", r.pnl_hkd.to_string()},
                         {"loss", r.loss_hkd.to_string()},
                         {"collateral", r.collateral_hkd.to_string()},
                         {"shortfall", r.shortfall_hkd.to_string()}});
  }
  const auto& m = day->margin;
  return json_response(
      200, {{"firm", c.params.at("firm")},
            {"participant", *participant},
            {"date", date->to_string()},
            {"currency", "HKD"},
            {"worst_day", m.hvar_worst_day ? Json(m.hvar_worst_day->to_string()) : Json(nullptr)},
            {"scenarios", scenarios}});
}

// The day's book-stress report, or the refusal to answer: 404 for any firm but the book's.
Result<eod::Report> book_report(PortalContext& portal, const RequestContext& c) {
  if (portal.book_firm.empty() || c.params.at("firm") != portal.book_firm) {
    return make_error(ErrorCode::kNotFound, "not found");
  }
  CP_ASSIGN_OR_RETURN(Date date, required_query_date(c, "date"));
  return store::build_report(portal.auth.db, "book-stress", date, "");
}

Result<HttpResponse> book_stress(PortalContext& portal, const RequestContext& c) {
  auto report = book_report(portal, c);
  if (!report.ok()) return refusal(report.error());
  Json rows = Json::array();
  for (const auto& row : report->rows) {
    Json object;
    for (size_t i = 0; i < report->columns.size(); ++i) object[report->columns[i]] = row[i];
    rows.push_back(std::move(object));
  }
  return json_response(200, {{"firm", c.params.at("firm")},
                             {"date", c.request.query.at("date")},
                             {"currency", "HKD"},
                             {"title", report->title},
                             {"rows", rows}});
}

// A download is audited like the request lists' (who took which day's book, in which format).
Result<HttpResponse> book_stress_file(PortalContext& portal, const RequestContext& c,
                                      ExportFormat format) {
  auto report = book_report(portal, c);
  if (!report.ok()) return refusal(report.error());
  const std::string date = c.request.query.at("date");
  const char* extension = format == ExportFormat::kCsv ? "csv" : "xlsx";
  CP_RETURN_IF_ERROR(store::append_audit(
      portal.auth.db, portal.auth.clock,
      {"user:" + c.principal->user_id, c.params.at("firm"), "book_stress.export", "eod:" + date,
       Json{{"rows", report->rows.size()}, {"format", extension}}.dump()}));
  return report_download(std::move(report).value(), format, "book-stress-" + date);
}

}  // namespace

void add_stress_routes(App& app, PortalContext& portal) {
  Router& r = app.router();
  PortalContext* p = &portal;
  r.add({"GET", "/api/v1/firms/{firm}/risk/stress", kRiskView,
         [p](const RequestContext& c) { return or_failure(participant_stress(*p, c)); },
         "The firm's CNS positions under the stress scenarios, against the margin held"});
  r.add({"GET", "/api/v1/firms/{firm}/book/stress", kSettlementView,
         [p](const RequestContext& c) { return or_failure(book_stress(*p, c)); },
         "The broker's Southbound book under stress from the day's EOD run (book_firm only)"});
  r.add({"POST", "/api/v1/firms/{firm}/exports/book-stress.csv", kSettlementView,
         [p](const RequestContext& c) {
           return or_failure(book_stress_file(*p, c, ExportFormat::kCsv));
         },
         "The book under stress as CSV (UTF-8 with a byte-order mark), audited"});
  r.add({"POST", "/api/v1/firms/{firm}/exports/book-stress.xlsx", kSettlementView,
         [p](const RequestContext& c) {
           return or_failure(book_stress_file(*p, c, ExportFormat::kXlsx));
         },
         "The book under stress as XLSX (amounts as numbers), audited"});
}

}  // namespace cp::server
