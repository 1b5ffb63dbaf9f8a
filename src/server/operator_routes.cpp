#include "server/operator_routes.h"

#include "server/request_routes.h"
#include "server/request_summary_json.h"
#include "server/route_support.h"
#include "store/identity_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::json;

const Access kProcess = Access::entitled("requests", identity::Level::kProcess, "firm");

HttpResponse queue(PortalContext& portal, const RequestContext& c) {
  if (!in_operator_firm(c)) return not_found();
  auto query = request_query(c.request);
  if (!query.ok()) return refusal(query.error());
  const auto team = c.request.query.find("team");
  if (team != c.request.query.end()) {
    if (portal.services.teams().count(team->second) == 0) {
      return error_response(400, "bad_request", "unknown team '" + team->second + "'");
    }
    query->teams = {team->second};
  } else {
    for (const auto& [name, title] : portal.services.teams()) query->teams.push_back(name);
  }
  if (query->statuses.empty()) {
    query->statuses = {"approved", "received", "in_processing"};  // the work still to do
  }
  auto found = store::search_requests(portal.auth.db, *query);
  if (!found.ok()) return storage_failure();
  ListAnswer answer;
  write_string_list(answer.out(), "teams", query->teams);
  write_request_list(answer.out(), "requests", portal.services, *found);
  return answer.finish();
}

HttpResponse get(PortalContext& portal, const RequestContext& c) {
  if (!in_operator_firm(c)) return not_found();
  auto request = load_request(portal, "", c.params.at("ref"));
  if (!request.ok()) return refusal(request.error());
  auto body = request_json(portal, *c.principal, *request);
  if (!body.ok()) return refusal(body.error());
  return json_response(200, *body);
}

HttpResponse step(PortalContext& portal, const RequestContext& c) {
  if (!in_operator_firm(c)) return not_found();
  auto action = workflow::parse_action(c.params.at("action"));
  if (!action.ok() ||
      (*action != workflow::Action::kReceive && *action != workflow::Action::kAssign &&
       *action != workflow::Action::kStart && *action != workflow::Action::kComplete &&
       *action != workflow::Action::kReject)) {
    return error_response(404, "not_found",
                          "no such step (receive, assign, start, complete, reject)");
  }
  auto request = load_request(portal, "", c.params.at("ref"));
  if (!request.ok()) return refusal(request.error());
  auto body = json_fields(c.request, {});
  if (!body || !body->contains("version") || !(*body)["version"].is_number_integer() ||
      (*body)["version"].get<int64_t>() < 1) {
    return error_response(400, "bad_request",
                          R"(send {"version": N}, with "reason" to reject, "assignee" to assign)");
  }
  StepInput input;
  input.action = *action;
  input.version = (*body)["version"].get<int64_t>();
  input.reason = body->value("reason", "");
  input.assignee = body->value("assignee", "");
  auto done = take_step(portal, *c.principal, *request, input);
  if (!done.ok()) return refusal(done.error());
  auto shown = request_json(portal, *c.principal, *done);
  if (!shown.ok()) return refusal(shown.error());
  return json_response(200, *shown);
}

}  // namespace

void add_operator_routes(App& app, PortalContext& portal) {
  Router& r = app.router();
  PortalContext* p = &portal;
  r.add({"GET", "/api/v1/operator/{firm}/queue", kProcess,
         [p](const RequestContext& c) { return queue(*p, c); },
         "The operations queues: approved, received and in-processing requests by team"});
  r.add({"GET", "/api/v1/operator/{firm}/requests/{ref}", kProcess,
         [p](const RequestContext& c) { return get(*p, c); },
         "Any firm's request, with its timeline and attachments"});
  r.add({"POST", "/api/v1/operator/{firm}/requests/{ref}/{action}", kProcess,
         [p](const RequestContext& c) { return step(*p, c); },
         "Receive, assign, start, complete, or reject with a reason (audited)"});
  r.add({"POST", "/api/v1/operator/{firm}/requests/{ref}/attachments/{id}/download", kProcess,
         [p](const RequestContext& c) {
           return in_operator_firm(c) ? download_attachment(*p, c) : not_found();
         },
         "Download a request's attachment (logged)"});
  r.add({"GET", "/api/v1/operator/{firm}/requests/{ref}/audit", kProcess,
         [p](const RequestContext& c) {
           return in_operator_firm(c) ? request_audit_trail(*p, c) : not_found();
         },
         "A request's entries in the audit trail"});
}

}  // namespace cp::server
