#include "server/risk_routes.h"

#include <chrono>

#include "risk/margin_json.h"
#include "risk/obligation_json.h"
#include "risk/risk_day.h"
#include "server/route_support.h"
#include "store/obligation_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::ordered_json;

const Access kView = Access::entitled("risk", identity::Level::kView, "firm");

// How far ahead "upcoming" looks when no date is given.
constexpr std::chrono::days kUpcomingDays{30};

// The firm's HKSCC participant id; none (→ 404) when its profile has none or an empty one, which
// the store would read as "every participant".
Result<std::optional<std::string>> participant_of(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto id,
                      store::hkscc_participant_of_firm(portal.auth.db, c.params.at("firm")));
  if (id && id->empty()) return std::optional<std::string>();
  return id;
}

Result<Date> date_param(const RequestContext& c) {
  const auto found = c.request.query.find("date");
  if (found == c.request.query.end()) return invalid_input("date is required", "date");
  auto date = Date::parse(found->second);
  if (!date.ok()) return invalid_input(date.error().message, "date");
  return *date;
}

Result<HttpResponse> margin(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto participant, participant_of(portal, c));
  if (!participant) return not_found();
  auto date = date_param(c);
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
    auto date = date_param(c);
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
}

}  // namespace cp::server
