#include "server/portal_routes.h"

#include "server/route_support.h"
#include "store/notification_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::json;

Json local(const portal::LocalText& text) {
  return {{"en", text.en}, {"zh-Hant", text.zh_hant}, {"zh-Hans", text.zh_hans}};
}

HttpResponse catalogue(PortalContext& portal) {
  Json services = Json::array();
  for (const auto& s : portal.services.services()) {
    services.push_back({{"id", s.id},
                        {"number", s.number},
                        {"category", s.category},
                        {"clearing_houses", s.clearing_houses},
                        {"title", local(s.title)},
                        {"operator_team", s.operator_team}});
  }
  Json categories = Json::object();
  for (const auto& [key, text] : portal.services.categories()) categories[key] = local(text);
  Json teams = Json::object();
  for (const auto& [key, text] : portal.services.teams()) teams[key] = local(text);
  return json_response(200, {{"services", services}, {"categories", categories}, {"teams", teams}});
}

HttpResponse service(PortalContext& portal, const RequestContext& c) {
  const portal::ServiceDefinition* found = portal.services.find(c.params.at("service"));
  if (found == nullptr) return error_response(404, "not_found", "no such e-service");
  HttpResponse response;
  response.body = found->text;  // as written: the form keeps the file's order of fields
  return response;
}

HttpResponse inbox(PortalContext& portal, const RequestContext& c) {
  const std::string& me = c.principal->user_id;
  auto items =
      store::notifications_of(portal.auth.db, me, c.request.query.count("unread") != 0, 100);
  auto unread = store::unread_count(portal.auth.db, me);
  if (!items.ok() || !unread.ok()) return storage_failure();
  Json out = Json::array();
  for (const auto& n : *items) {
    out.push_back({{"id", n.notification_id},
                   {"firm", n.firm_id},
                   {"kind", n.kind},
                   {"reference", n.reference},
                   {"title", n.title},
                   {"link", n.link},
                   {"created_at", n.created_at},
                   {"read", !n.read_at.empty()},
                   {"mail", n.mail_state}});
  }
  return json_response(200, {{"unread", *unread}, {"notifications", out}});
}

HttpResponse mark(PortalContext& portal, const RequestContext& c) {
  const auto id = id_from_text(c.params.at("id"));
  if (!id) return not_found();
  auto done = store::mark_read(portal.auth.db, c.principal->user_id, *id, portal.auth.clock.now());
  if (!done.ok()) return storage_failure();
  if (!*done) return not_found();
  HttpResponse response;
  response.status = 204;
  return response;
}

HttpResponse settings(PortalContext& portal, const RequestContext& c) {
  auto mode = store::email_mode(portal.auth.db, c.principal->user_id);
  if (!mode.ok()) return storage_failure();
  return json_response(200, {{"email_mode", *mode}});
}

HttpResponse change_settings(PortalContext& portal, const RequestContext& c) {
  auto body = json_fields(c.request, {"email_mode"});
  if (!body)
    return error_response(400, "bad_request", R"(send {"email_mode": "each|digest|none"})");
  const std::string mode = (*body)["email_mode"];
  const std::string& me = c.principal->user_id;
  auto done = audited_change(
      portal.auth, "user:" + me, "notifications.settings", "user:" + me, {{"email_mode", mode}},
      [&]() { return store::set_email_mode(portal.auth.db, me, mode, portal.auth.clock.now()); });
  if (!done.ok()) return refusal(done.error());
  return json_response(200, {{"email_mode", mode}});
}

}  // namespace

void add_portal_routes(App& app, PortalContext& portal) {
  Router& r = app.router();
  PortalContext* p = &portal;
  r.add({"GET", "/api/v1/catalog", Access::signed_in(),
         [p](const RequestContext&) { return catalogue(*p); },
         "Every e-service with its category, clearing houses and titles; the teams"});
  r.add({"GET", "/api/v1/catalog/{service}", Access::signed_in(),
         [p](const RequestContext& c) { return service(*p, c); },
         "One e-service: its JSON Schema, auto-filled fields, attachments, entitlements"});
  r.add({"GET", "/api/v1/me/notifications", Access::signed_in(),
         [p](const RequestContext& c) { return inbox(*p, c); },
         "My notifications, newest first, with the unread count"});
  r.add({"POST", "/api/v1/me/notifications/{id}/read", Access::signed_in(),
         [p](const RequestContext& c) { return mark(*p, c); },
         "Mark one of my notifications read"});
  r.add({"GET", "/api/v1/me/notification-settings", Access::signed_in(),
         [p](const RequestContext& c) { return settings(*p, c); },
         "How I get mail: each, digest or none"});
  r.add({"PUT", "/api/v1/me/notification-settings", Access::signed_in(),
         [p](const RequestContext& c) { return change_settings(*p, c); },
         "Change how I get mail (audited)"});
}

}  // namespace cp::server
