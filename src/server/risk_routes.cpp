#include "server/risk_routes.h"

#include <chrono>

#include "risk/margin_json.h"
#include "risk/obligation_json.h"
#include "risk/risk_day.h"
#include "server/route_support.h"
#include "store/margin_history_store.h"
#include "store/obligation_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::ordered_json;

const Access kView = Access::entitled("risk", identity::Level::kView, "firm");

// How far ahead "upcoming" looks when no date is given.
constexpr std::chrono::days kUpcomingDays{30};
// The home page's chart: the last 60 days (issue 16 item 6); a request may ask for up to a year.
constexpr int64_t kHistoryDays = 60;
constexpr int64_t kHistoryDaysMax = 366;

// The firm's HKSCC participant id; none (→ 404) when its profile has none or an empty one, which
// the store would read as "every participant".
Result<std::optional<std::string>> participant_of(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto id,
                      store::hkscc_participant_of_firm(portal.auth.db, c.params.at("firm")));
  if (id && id->empty()) return std::optional<std::string>();
  return id;
}

Result<HttpResponse> margin(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto participant, participant_of(portal, c));
  if (!participant) return not_found();
  auto date = required_query_date(c, "date");
  if (!date.ok()) return refusal(date.error());
  CP_ASSIGN_OR_RETURN(risk::RiskReference reference,
                      risk::load_risk_reference(portal.data_dir, portal.auth.db));
  auto day = risk::participant_day(portal.auth.db, reference, *participant, *date);
  if (!day.ok()) return refusal(day.error());
  return json_response(200, risk::margin_json(day->margin));
}

Result<HttpResponse> obligations(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto participant, participant_of(portal, c));
  if (!participant) return not_found();
  const UtcTime now = portal.auth.clock.now();
  std::vector<store::StoredObligation> list;
  Json out = {{"firm", c.params.at("firm")}, {"participant", *participant}};
  if (c.request.query.contains("date")) {
    auto date = required_query_date(c, "date");
    if (!date.ok()) return refusal(date.error());
    CP_ASSIGN_OR_RETURN(list, store::obligations_of(portal.auth.db, *participant, *date));
    out["date"] = date->to_string();
  } else {
    CP_ASSIGN_OR_RETURN(list, store::obligations_due(portal.auth.db, *participant, format_utc(now),
                                                     format_utc(now + kUpcomingDays)));
  }
  Json items = Json::array();
  for (const auto& o : list) items.push_back(risk::obligation_json(o, now));
  out["obligations"] = items;
  return json_response(200, out);
}

// The chart's days: `days` calendar days back to `to` (default: the latest day with figures up
// to today in Hong Kong), at most a year; each day the obligations run stored.
Result<HttpResponse> history(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto participant, participant_of(portal, c));
  if (!participant) return not_found();
  Date to = to_hkt(portal.auth.clock.now()).date;
  auto given = query_date(c, "to");
  if (!given.ok()) return refusal(given.error());
  if (*given) {
    to = **given;
  } else {
    // The last days with figures: after a holiday, or before today's run, the chart still shows
    // the latest 60 days rather than an empty stretch.
    CP_ASSIGN_OR_RETURN(auto latest, store::latest_margin_date(portal.auth.db, *participant, to));
    if (latest) to = *latest;
  }
  int64_t days = kHistoryDays;
  if (const auto found = c.request.query.find("days"); found != c.request.query.end()) {
    const auto parsed = id_from_text(found->second);
    if (!parsed || *parsed < 1 || *parsed > kHistoryDaysMax) {
      return refusal(invalid_input("days must be 1 to " + std::to_string(kHistoryDaysMax), "days"));
    }
    days = *parsed;
  }
  const Date from = to.plus_days(-(days - 1));
  CP_ASSIGN_OR_RETURN(auto rows, store::margin_days(portal.auth.db, *participant, from, to));
  Json items = Json::array();
  for (const auto& row : rows) {
    items.push_back({{"date", row.as_of.to_string()},
                     {"regime", row.regime},
                     {"net_margin", row.net_margin_hkd.to_string()},
                     {"marks", row.mtm_requirement_hkd.to_string()},
                     {"total_requirement", row.total_requirement_hkd.to_string()},
                     {"collateral_on_hand", row.collateral_on_hand_hkd.to_string()}});
  }
  return json_response(200, {{"firm", c.params.at("firm")},
                             {"participant", *participant},
                             {"from", from.to_string()},
                             {"to", to.to_string()},
                             {"currency", "HKD"},
                             {"days", items}});
}

}  // namespace

void add_risk_routes(App& app, PortalContext& portal) {
  Router& r = app.router();
  PortalContext* p = &portal;
  r.add({"GET", "/api/v1/firms/{firm}/risk/margin", kView,
         [p](const RequestContext& c) { return or_failure(margin(*p, c)); },
         "The firm's HKSCC margin and marks on a date, every component (docs/risk.md)"});
  r.add({"GET", "/api/v1/firms/{firm}/obligations", kView,
         [p](const RequestContext& c) { return or_failure(obligations(*p, c)); },
         "The firm's money obligations to HKSCC: of a date, or due and overdue from now"});
  r.add({"GET", "/api/v1/firms/{firm}/risk/history", kView,
         [p](const RequestContext& c) { return or_failure(history(*p, c)); },
         "The firm's day-end margin, marks and collateral of the last days (the home chart)"});
}

}  // namespace cp::server
