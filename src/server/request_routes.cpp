#include "server/request_routes.h"

#include "portal/request_data.h"
#include "server/json_body.h"
#include "server/request_export.h"
#include "server/request_summary_json.h"
#include "server/route_support.h"
#include "store/audit_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::json;

const Access kView = Access::entitled("requests", identity::Level::kView, "firm");

HttpResponse problems_response(PortalContext& portal, const Error& error,
                               const store::StoredRequest& request) {
  HttpResponse response = error_response(422, "invalid", error.message);
  Json body = Json::parse(response.body);
  body["problems"] = problems_of(portal, request);
  response.body = body.dump();
  return response;
}

HttpResponse show(PortalContext& portal, const RequestContext& c,
                  const store::StoredRequest& request, int status = 200) {
  auto body = request_json(portal, *c.principal, request);
  if (!body.ok()) return refusal(body.error());
  return json_response(status, *body);
}

HttpResponse list_services(PortalContext& portal, const RequestContext& c) {
  const std::string& firm = c.params.at("firm");
  Json out = Json::array();
  for (const portal::ServiceDefinition& service : portal.services.services()) {
    auto may = firm_may_file(portal, firm, service);
    if (!may.ok()) return refusal(may.error());
    const workflow::Actor actor = actor_in(portal, *c.principal, firm, service);
    out.push_back({{"id", service.id},
                   {"number", service.number},
                   {"category", service.category},
                   {"clearing_houses", service.clearing_houses},
                   {"title",
                    {{"en", service.title.en},
                     {"zh-Hant", service.title.zh_hant},
                     {"zh-Hans", service.title.zh_hans}}},
                   {"offered", *may},
                   {"can_make", *may && actor.can_make},
                   {"can_check", actor.can_check}});
  }
  return json_response(200, {{"firm", firm}, {"services", out}});
}

HttpResponse create(PortalContext& portal, const RequestContext& c) {
  auto body = json_fields(c.request, {"service"});
  if (!body) return error_response(400, "bad_request", R"(send {"service": "…", "data": {…}})");
  const Json data = body->value("data", Json::object());
  auto created = create_request(portal, *c.principal, c.params.at("firm"),
                                (*body)["service"].get<std::string>(), data);
  if (!created.ok()) {
    // An unknown service is bad input here, not a hidden object.
    if (created.error().code == ErrorCode::kNotFound) {
      return error_response(400, "bad_request", created.error().message);
    }
    return refusal(created.error());
  }
  return show(portal, c, *created, 201);
}

HttpResponse get(PortalContext& portal, const RequestContext& c) {
  auto request = load_request(portal, c.params.at("firm"), c.params.at("ref"));
  if (!request.ok()) return refusal(request.error());
  return show(portal, c, *request);
}

int64_t version_of(const Json& body) {
  return body.contains("version") && body["version"].is_number_integer()
             ? body["version"].get<int64_t>()
             : -1;
}

HttpResponse step(PortalContext& portal, const RequestContext& c, workflow::Action action) {
  auto request = load_request(portal, c.params.at("firm"), c.params.at("ref"));
  if (!request.ok()) return refusal(request.error());
  auto body = json_fields(c.request, {});
  if (!body || version_of(*body) < 1) {
    return error_response(
        400, "bad_request",
        R"(send {"version": N} (the version you saw), with "reason" and "data" as the step needs)");
  }
  StepInput input;
  input.action = action;
  input.version = version_of(*body);
  input.reason = body->value("reason", "");
  input.data = body->contains("data") ? (*body)["data"] : Json();
  if (action == workflow::Action::kSave && !input.data.is_object()) {
    return error_response(400, "bad_request", R"(send {"data": {…}, "version": N})");
  }
  auto done = take_step(portal, *c.principal, *request, input);
  if (!done.ok()) {
    if (action == workflow::Action::kSubmit && done.error().code == ErrorCode::kInvalidInput &&
        done.error().field == "data") {
      store::StoredRequest with_data = *request;
      if (input.data.is_object()) with_data.data = input.data.dump();
      return problems_response(portal, done.error(), with_data);
    }
    return refusal(done.error());
  }
  return show(portal, c, *done);
}

HttpResponse named_step(PortalContext& portal, const RequestContext& c) {
  auto action = workflow::parse_action(c.params.at("action"));
  // Only the participant's steps here; the operator's are under /api/v1/operator.
  if (!action.ok() || *action == workflow::Action::kSave || *action == workflow::Action::kReceive ||
      *action == workflow::Action::kAssign || *action == workflow::Action::kStart ||
      *action == workflow::Action::kComplete || *action == workflow::Action::kReject) {
    return error_response(404, "not_found", "no such step (submit, withdraw, approve, return)");
  }
  return step(portal, c, *action);
}

HttpResponse attach(PortalContext& portal, const RequestContext& c) {
  auto request = load_request(portal, c.params.at("firm"), c.params.at("ref"));
  if (!request.ok()) return refusal(request.error());
  const auto slot = c.request.query.find("slot");
  const auto name = c.request.query.find("name");
  if (slot == c.request.query.end() || name == c.request.query.end()) {
    return error_response(400, "bad_request", "send the file as the body, ?slot=…&name=…");
  }
  auto stored =
      attach_file(portal, *c.principal, *request, slot->second, name->second, c.request.body);
  if (!stored.ok()) return refusal(stored.error());
  return json_response(201, {{"id", stored->attachment_id},
                             {"slot", stored->slot},
                             {"file_name", stored->file_name},
                             {"content_type", stored->content_type},
                             {"size_bytes", stored->size_bytes},
                             {"sha256", stored->sha256_hex}});
}

int64_t id_param(const RequestContext& c) {
  return id_from_text(c.params.at("id")).value_or(0);
}

HttpResponse download(PortalContext& portal, const RequestContext& c, const std::string& firm) {
  auto request = load_request(portal, firm, c.params.at("ref"));
  if (!request.ok()) return refusal(request.error());
  const int64_t id = id_param(c);
  auto files = store::list_attachments(portal.auth.db, request->request_id);
  if (!files.ok()) return storage_failure();
  const store::Attachment* file = nullptr;
  for (const auto& a : *files) {
    if (a.attachment_id == id) file = &a;
  }
  if (file == nullptr) return not_found();
  auto bytes = store::attachment_bytes(portal.auth.db, request->request_id, id);
  if (!bytes.ok()) return refusal(bytes.error());
  auto logged = store::append_audit(
      portal.auth.db, portal.auth.clock,
      {"user:" + c.principal->user_id, request->firm_id, "request.download",
       "request:" + request->reference,
       Json{{"attachment", id}, {"file_name", file->file_name}, {"sha256", file->sha256_hex}}
           .dump()});
  if (!logged.ok()) return storage_failure();
  HttpResponse response;
  response.content_type = file->content_type;
  response.headers["content-disposition"] = attachment_disposition(file->file_name);
  response.body = std::move(bytes).value();
  return response;
}

HttpResponse detach(PortalContext& portal, const RequestContext& c) {
  auto request = load_request(portal, c.params.at("firm"), c.params.at("ref"));
  if (!request.ok()) return refusal(request.error());
  auto done = detach_file(portal, *c.principal, *request, id_param(c));
  if (!done.ok()) return refusal(done.error());
  HttpResponse response;
  response.status = 204;
  return response;
}

HttpResponse audit_trail(PortalContext& portal, const RequestContext& c, const std::string& firm) {
  auto request = load_request(portal, firm, c.params.at("ref"));
  if (!request.ok()) return refusal(request.error());
  Json entries = Json::array();
  auto read = store::for_each_audit_entry(portal.auth.db, {"request:" + request->reference, ""},
                                          [&](const audit::AuditEntry& e) -> Result<void> {
                                            entries.push_back({{"seq", e.seq},
                                                               {"at", e.at_utc},
                                                               {"actor", e.actor},
                                                               {"action", e.action},
                                                               {"detail", stored_json(e.detail)},
                                                               {"hash", e.hash}});
                                            return {};
                                          });
  if (!read.ok()) return storage_failure();
  return json_response(200, {{"reference", request->reference}, {"entries", entries}});
}

HttpResponse search(PortalContext& portal, const RequestContext& c) {
  auto query = request_query(c.request);
  if (!query.ok()) return refusal(query.error());
  query->firm_ids = {c.params.at("firm")};
  if (c.request.query.count("mine") != 0) query->maker = c.principal->user_id;
  auto found = store::search_requests(portal.auth.db, *query);
  if (!found.ok()) return storage_failure();
  ListAnswer answer;
  write_field(answer.out(), "firm", c.params.at("firm"));
  answer.out().Key("limit");
  answer.out().Int64(query->limit);
  answer.out().Key("offset");
  answer.out().Int64(query->offset);
  write_request_list(answer.out(), "requests", portal.services, *found);
  return answer.finish();
}

HttpResponse tasks(PortalContext& portal, const RequestContext& c) {
  const std::string& firm = c.params.at("firm");
  const std::string& me = c.principal->user_id;
  store::RequestQuery to_check;
  to_check.firm_ids = {firm};
  to_check.statuses = {"submitted"};
  to_check.not_maker = me;
  store::RequestQuery to_fix;
  to_fix.firm_ids = {firm};
  to_fix.statuses = {"returned"};
  to_fix.maker = me;
  store::RequestQuery drafts;
  drafts.firm_ids = {firm};
  drafts.statuses = {"draft"};
  drafts.maker = me;
  ListAnswer answer;
  write_field(answer.out(), "firm", firm);
  for (auto& [name, query] : {std::pair{"to_check", &to_check}, std::pair{"to_fix", &to_fix},
                              std::pair{"drafts", &drafts}}) {
    auto found = store::search_requests(portal.auth.db, *query);
    if (!found.ok()) return storage_failure();
    std::vector<store::StoredRequest> mine;
    for (const auto& r : *found) {
      // To check: only what this user's roles let them approve.
      const portal::ServiceDefinition* service = portal.services.find(r.service_id);
      if (std::string(name) == "to_check" &&
          (service == nullptr || !actor_in(portal, *c.principal, firm, *service).can_check)) {
        continue;
      }
      mine.push_back(r);
    }
    write_request_list(answer.out(), name, portal.services, mine);
  }
  return answer.finish();
}

HttpResponse export_list(PortalContext& portal, const RequestContext& c, ExportFormat format) {
  auto query = request_query(c.request);
  if (!query.ok()) return refusal(query.error());
  query->firm_ids = {c.params.at("firm")};
  query->limit = kExportRowsMax;
  query->offset = 0;
  auto found = store::search_requests(portal.auth.db, *query);
  if (!found.ok()) return storage_failure();
  auto logged = store::append_audit(
      portal.auth.db, portal.auth.clock,
      {"user:" + c.principal->user_id, c.params.at("firm"), "request.export",
       "firm:" + c.params.at("firm"),
       Json{{"rows", found->size()}, {"format", format == ExportFormat::kCsv ? "csv" : "xlsx"}}
           .dump()});
  if (!logged.ok()) return storage_failure();
  auto file = export_requests(portal.services, *found, format);
  if (!file.ok()) return refusal(file.error());
  return *file;
}

}  // namespace

Result<store::RequestQuery> request_query(const HttpRequest& request) {
  store::RequestQuery q;
  auto param = [&](const char* name) {
    auto it = request.query.find(name);
    return it == request.query.end() ? std::string() : it->second;
  };
  for (std::string rest = param("status"); !rest.empty();) {
    const size_t comma = rest.find(',');
    const std::string one = rest.substr(0, comma);
    CP_RETURN_IF_ERROR(workflow::parse_status(one));
    q.statuses.push_back(one);
    rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
  }
  q.service_id = param("service");
  q.text = param("q");
  if (q.text.size() > 100) return invalid_input("q is at most 100 characters", "q");
  q.reference = param("reference");
  q.assignee = param("assignee");
  for (auto [name, target, days] :
       {std::tuple{"from", &q.from_utc, 0}, std::tuple{"to", &q.before_utc, 1}}) {
    const std::string text = param(name);
    if (text.empty()) continue;
    auto date = Date::parse(text);
    if (!date.ok()) return invalid_input(std::string(name) + " is a date, YYYY-MM-DD", name);
    // Dates are Hong Kong days: "to" includes its whole day.
    *target = format_utc(from_hkt(date->plus_days(days), TimeOfDay()));
  }
  for (auto [name, target, max] : {std::tuple{"limit", &q.limit, int64_t{200}},
                                   std::tuple{"offset", &q.offset, int64_t{1000000}}}) {
    const std::string text = param(name);
    if (text.empty()) continue;
    if (text.size() > 7 || text.find_first_not_of("0123456789") != std::string::npos ||
        std::stoll(text) > max) {
      return invalid_input(std::string(name) + " is a whole number up to " + std::to_string(max),
                           name);
    }
    *target = std::stoll(text);
  }
  return q;
}

void add_request_routes(App& app, PortalContext& portal) {
  Router& r = app.router();
  PortalContext* p = &portal;
  r.add({"GET", "/api/v1/firms/{firm}/services", kView,
         [p](const RequestContext& c) { return list_services(*p, c); },
         "The e-services: which the firm may file, and whether this user may make or check each"});
  r.add({"POST", "/api/v1/firms/{firm}/requests", kView,
         [p](const RequestContext& c) { return create(*p, c); },
         "Start a draft request of a service (the make entitlement of its category; auto-filled)"});
  r.add({"GET", "/api/v1/firms/{firm}/requests", kView,
         [p](const RequestContext& c) { return search(*p, c); },
         "The firm's requests by status, service, text, reference, date range; newest first"});
  r.add({"GET", "/api/v1/firms/{firm}/requests/{ref}", kView,
         [p](const RequestContext& c) { return get(*p, c); },
         "A request: data, status, timeline, attachments, the steps this user may take, problems"});
  r.add({"PUT", "/api/v1/firms/{firm}/requests/{ref}", kView,
         [p](const RequestContext& c) { return step(*p, c, workflow::Action::kSave); },
         "Save a draft's or returned request's data (a maker; version checked)"});
  // Before …/{action}: the router takes the first pattern that matches.
  r.add({"POST", "/api/v1/firms/{firm}/requests/{ref}/attachments", kView,
         [p](const RequestContext& c) { return attach(*p, c); },
         "Attach a file (PDF, PNG, JPEG or CSV by its bytes; size-limited; stored with SHA-256)",
         Body::kUpload});
  r.add({"POST", "/api/v1/firms/{firm}/requests/{ref}/{action}", kView,
         [p](const RequestContext& c) { return named_step(*p, c); },
         "Submit or withdraw (a maker), approve or return (a checker who is not a maker)"});
  // Downloads and exports are audited, so they are POSTs with the CSRF token: a GET could be
  // sent by an <img> planted in a page, under the viewer's name (issue 14 finding 5).
  r.add({"POST", "/api/v1/firms/{firm}/requests/{ref}/attachments/{id}/download", kView,
         [p](const RequestContext& c) { return download(*p, c, c.params.at("firm")); },
         "Download an attachment (logged in the audit trail)"});
  r.add({"DELETE", "/api/v1/firms/{firm}/requests/{ref}/attachments/{id}", kView,
         [p](const RequestContext& c) { return detach(*p, c); },
         "Remove an attachment from a draft or returned request (kept on record)"});
  r.add({"GET", "/api/v1/firms/{firm}/requests/{ref}/audit", kView,
         [p](const RequestContext& c) { return audit_trail(*p, c, c.params.at("firm")); },
         "The request's entries in the hash-chained audit trail"});
  r.add({"GET", "/api/v1/firms/{firm}/tasks", kView,
         [p](const RequestContext& c) { return tasks(*p, c); },
         "My tasks: requests to check, returned to me to fix, my drafts"});
  r.add({"POST", "/api/v1/firms/{firm}/exports/requests.csv", kView,
         [p](const RequestContext& c) { return export_list(*p, c, ExportFormat::kCsv); },
         "The filtered list as CSV (the search's filters; logged)"});
  r.add({"POST", "/api/v1/firms/{firm}/exports/requests.xlsx", kView,
         [p](const RequestContext& c) { return export_list(*p, c, ExportFormat::kXlsx); },
         "The filtered list as XLSX (the search's filters; logged)"});
}

// Shared with the operator's routes.
HttpResponse download_attachment(PortalContext& portal, const RequestContext& c) {
  return download(portal, c, "");
}
HttpResponse request_audit_trail(PortalContext& portal, const RequestContext& c) {
  return audit_trail(portal, c, "");
}

}  // namespace cp::server
