#include "risk/risk_reports.h"

#include <algorithm>

#include "risk/margin_json.h"
#include "risk/obligation_json.h"
#include "store/obligation_store.h"

namespace cp::risk {
namespace {

Result<eod::Report> margin_report(store::Database& db, const RiskReference& reference,
                                  const std::string& report_id, const std::string& participant,
                                  Date date) {
  CP_ASSIGN_OR_RETURN(ParticipantDay day, participant_day(db, reference, participant, date));
  eod::Report report;
  report.name = report_id;
  report.title = "MTM and Margin Requirement Report (" + report_id + "), " + participant + ", " +
                 date.to_string();
  report.columns = {"participant", "date", "component", "amount_hkd"};
  report.amount_columns = {false, false, false, true};
  // The figures of `risk margin --json`, in its order, without the lists.
  const auto figures = margin_json(day.margin);  // kept alive: items() refers into it
  for (const auto& [key, value] : figures.items()) {
    if (!value.is_string() || key == "participant" || key == "date" || key == "regime" ||
        key == "currency" || key == "holiday_factor") {
      continue;
    }
    report.rows.push_back({participant, date.to_string(), key, value.get<std::string>()});
  }
  return report;
}

}  // namespace

Result<eod::Report> build_risk_report(store::Database& db, const RiskReference& reference,
                                      const std::string& report_id, const std::string& participant,
                                      Date date, UtcTime now) {
  if (report_id == "RMAMR01" || report_id == "RMAMR03") {
    return margin_report(db, reference, report_id, participant, date);
  }
  const std::vector<std::string> known = reference.schedule.report_ids();
  if (std::find(known.begin(), known.end(), report_id) == known.end()) {
    std::string list = "RMAMR01, RMAMR03";
    for (const auto& id : known) list += ", " + id;
    return invalid_input("no report " + report_id + " (known: " + list + ")", "report");
  }
  CP_ASSIGN_OR_RETURN(auto obligations, store::obligations_of(db, participant, date));
  eod::Report report;
  report.name = report_id;
  report.title = report_id + ": obligations of " + participant + " announced on " +
                 date.to_string() + " (seed 001)";
  report.columns = {"obligation_id",    "kind",   "amount_hkd", "channel", "deadline",
                    "report_issued_at", "status", "paid_hkd"};
  report.amount_columns = {false, false, true, false, false, false, false, true};
  for (const auto& stored : obligations) {
    // "CRMSD01/CRMSD04" is announced by either.
    const std::string& ids = stored.obligation.report;
    const bool announced = ids == report_id || ids.starts_with(report_id + "/") ||
                           ids.ends_with("/" + report_id) ||
                           ids.find("/" + report_id + "/") != std::string::npos;
    if (!announced) continue;
    const auto json = obligation_json(stored, now);
    report.rows.push_back({json["id"], json["kind"], json["amount"], json["channel"],
                           json["deadline"], json["report_issued_at"], json["status"],
                           json["paid"]});
  }
  return report;
}

}  // namespace cp::risk
