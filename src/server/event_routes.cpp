#include "server/event_routes.h"

#include "server/portal_notifications.h"
#include "server/route_support.h"
#include "store/audit_store.h"
#include "store/event_store.h"
#include "store/identity_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::json;

const Access kView = Access::entitled("events", identity::Level::kView, "firm");
const Access kProcess = Access::entitled("events", identity::Level::kProcess, "firm");
// Seats are the firm's own business, taken by those who act for it (make on event_seats: the
// firm's makers), never by a viewer nor by the operator's staff for another firm (issue 14
// finding 6).
const Access kSeats = Access::own_firm("event_seats", identity::Level::kMake, "firm");

Json registration_json(const store::Registration& r) {
  return {{"id", r.registration_id},
          {"session", r.session_id},
          {"firm", r.firm_id},
          {"registered_by", r.registered_by},
          {"attendee_name", r.attendee_name},
          {"attendee_email", r.attendee_email},
          {"status", r.status},
          {"created_at", r.created_at},
          {"changed_at", r.changed_at}};
}

Json event_json(const store::PortalEvent& e, bool operator_view) {
  Json sessions = Json::array();
  for (const auto& s : e.sessions) {
    Json session = {{"id", s.session_id},
                    {"starts_at", s.starts_at},
                    {"ends_at", s.ends_at},
                    {"mode", s.mode},
                    {"language", s.language},
                    {"capacity", s.capacity},
                    {"seats_per_firm", s.seats_per_firm},
                    {"seats_left", std::max<int64_t>(0, s.capacity - s.confirmed)},
                    {"waitlisted", s.waitlisted},
                    {"status", s.status}};
    // Seed 003: online joining details are sent on registration, not shown to everyone.
    if (s.mode == "venue" || operator_view) session["venue"] = s.venue;
    sessions.push_back(session);
  }
  return {
      {"code", e.code},
      {"title", {{"en", e.title_en}, {"zh-Hant", e.title_zh_hant}, {"zh-Hans", e.title_zh_hans}}},
      {"description", e.description},
      {"deadline", e.deadline},
      {"seats_per_firm", e.seats_per_firm},
      {"firm_kinds", e.firm_kinds},
      {"status", e.status},
      {"sessions", sessions}};
}

Result<identity::FirmKind> kind_of(PortalContext& portal, const std::string& firm_id) {
  CP_ASSIGN_OR_RETURN(auto firm, store::find_firm(portal.auth.db, firm_id));
  if (!firm) return make_error(ErrorCode::kNotFound, "no such firm");
  return firm->kind;
}

HttpResponse list(PortalContext& portal, const RequestContext& c) {
  const std::string& firm = c.params.at("firm");
  auto kind = kind_of(portal, firm);
  if (!kind.ok()) return refusal(kind.error());
  auto events = store::list_events(portal.auth.db, *kind);
  if (!events.ok()) return storage_failure();
  Json out = Json::array();
  for (const auto& e : *events) {
    Json item = event_json(e, false);
    auto mine = store::registrations_of(portal.auth.db, e.event_id, firm);
    if (!mine.ok()) return storage_failure();
    Json regs = Json::array();
    for (const auto& r : *mine) regs.push_back(registration_json(r));
    item["registrations"] = regs;
    out.push_back(item);
  }
  return json_response(200, {{"firm", firm}, {"events", out}});
}

// The confirmation, with the session's details (an online session's joining details too).
void confirm(PortalContext& portal, const store::PortalEvent& event, const store::Registration& r) {
  if (portal.notifier == nullptr) return;
  const store::EventSession* session = nullptr;
  for (const auto& s : event.sessions) {
    if (s.session_id == r.session_id) session = &s;
  }
  if (session == nullptr) return;
  const bool confirmed = r.status == "confirmed";
  const std::string text =
      std::string(confirmed ? "Your seat is confirmed" : "You are on the waiting list") + " for " +
      event.title_en + " (" + event.code + ").\n\nAttendee: " + r.attendee_name + " of " +
      r.firm_id + "\nSession: " + hkt_text_from_utc(session->starts_at) + " to " +
      hkt_text_from_utc(session->ends_at) + " Hong Kong time, " +
      (session->language == "en"    ? "English"
       : session->language == "yue" ? "Cantonese"
                                    : "Putonghua") +
      "\n" + (session->mode == "venue" ? "Venue: " : "Online: ") + session->venue +
      (confirmed ? "" : "\n\nWe will write again if a seat becomes free.") + "\n";
  portal.notifier->send_mail({r.attendee_email,
                              std::string("[connectpost] ") +
                                  (confirmed ? "Registration confirmed: " : "Waiting list: ") +
                                  event.title_en,
                              text});
}

HttpResponse register_one(PortalContext& portal, const RequestContext& c) {
  const std::string& firm = c.params.at("firm");
  auto body = json_fields(c.request, {"attendee_name", "attendee_email"});
  if (!body || !body->contains("session") || !(*body)["session"].is_number_integer()) {
    return error_response(400, "bad_request",
                          R"(send {"session": ID, "attendee_name": "…", "attendee_email": "…"})");
  }
  auto kind = kind_of(portal, firm);
  if (!kind.ok()) return refusal(kind.error());
  const std::string code = c.params.at("event");
  store::Registration registered;
  auto done = audited_change(
      portal.auth, "user:" + c.principal->user_id, "event.registered", "event:" + code,
      {{"firm", firm}, {"session", (*body)["session"]}, {"attendee", (*body)["attendee_name"]}},
      [&]() -> Result<void> {
        CP_ASSIGN_OR_RETURN(
            registered,
            store::register_attendee(portal.auth.db, code, (*body)["session"].get<int64_t>(), firm,
                                     *kind, c.principal->user_id, (*body)["attendee_name"],
                                     (*body)["attendee_email"], portal.auth.clock.now()));
        return {};
      });
  if (!done.ok()) return refusal(done.error());
  auto event = store::find_event(portal.auth.db, code);
  if (event.ok() && *event) confirm(portal, **event, registered);
  return json_response(201, registration_json(registered));
}

HttpResponse cancel_one(PortalContext& portal, const RequestContext& c, const std::string& firm) {
  const auto id = id_from_text(c.params.at("id"));
  if (!id) return not_found();
  const std::string code = c.params.at("event");
  store::Cancellation cancellation;
  auto done = audited_change(
      portal.auth, "user:" + c.principal->user_id, "event.cancelled_seat", "event:" + code,
      {{"registration", *id}}, [&]() -> Result<void> {
        CP_ASSIGN_OR_RETURN(cancellation, store::cancel_registration(portal.auth.db, *id, firm,
                                                                     portal.auth.clock.now()));
        return {};
      });
  if (!done.ok()) return refusal(done.error());
  if (cancellation.promoted) {
    auto event = store::find_event(portal.auth.db, code);
    if (event.ok() && *event) confirm(portal, **event, *cancellation.promoted);
  }
  Json out = {{"cancelled", registration_json(cancellation.cancelled)}};
  if (cancellation.promoted) out["promoted"] = registration_json(*cancellation.promoted);
  return json_response(200, out);
}

HttpResponse create(PortalContext& portal, const RequestContext& c) {
  if (!in_operator_firm(c)) return not_found();
  auto body = json_fields(c.request, {"code", "deadline_hkt"});
  if (!body || !body->contains("title") || !(*body)["title"].is_object() ||
      !body->contains("sessions") || !(*body)["sessions"].is_array()) {
    return error_response(400, "bad_request",
                          "send code, title {en, zh-Hant, zh-Hans}, description, deadline_hkt, "
                          "seats_per_firm, firm_kinds [], sessions [{starts_hkt, ends_hkt, mode, "
                          "venue, language, capacity, seats_per_firm}]");
  }
  try {
    store::PortalEvent e;
    e.code = (*body)["code"];
    e.title_en = (*body)["title"].value("en", "");
    e.title_zh_hant = (*body)["title"].value("zh-Hant", "");
    e.title_zh_hans = (*body)["title"].value("zh-Hans", "");
    e.description = body->value("description", "");
    auto deadline = utc_from_hkt_text((*body)["deadline_hkt"], "deadline_hkt");
    if (!deadline.ok()) return refusal(deadline.error());
    e.deadline = *deadline;
    e.seats_per_firm = body->value("seats_per_firm", int64_t{0});
    e.firm_kinds = body->value("firm_kinds", std::vector<std::string>{});
    e.created_by = c.principal->user_id;
    e.created_at = format_utc(portal.auth.clock.now());
    for (const Json& s : (*body)["sessions"]) {
      store::EventSession session;
      auto starts = utc_from_hkt_text(s.value("starts_hkt", ""), "starts_hkt");
      auto ends = utc_from_hkt_text(s.value("ends_hkt", ""), "ends_hkt");
      if (!starts.ok()) return refusal(starts.error());
      if (!ends.ok()) return refusal(ends.error());
      session.starts_at = *starts;
      session.ends_at = *ends;
      session.mode = s.value("mode", "");
      session.venue = s.value("venue", "");
      session.language = s.value("language", "");
      session.capacity = s.value("capacity", int64_t{0});
      session.seats_per_firm = s.value("seats_per_firm", int64_t{0});
      e.sessions.push_back(session);
    }
    store::PortalEvent created;
    auto done = audited_change(
        portal.auth, "user:" + c.principal->user_id, "event.created", "event:" + e.code,
        {{"title", e.title_en}, {"sessions", e.sessions.size()}}, [&]() -> Result<void> {
          CP_ASSIGN_OR_RETURN(created, store::add_event(portal.auth.db, e));
          return {};
        });
    if (!done.ok()) return refusal(done.error());
    auto shown = store::find_event(portal.auth.db, e.code);
    if (!shown.ok() || !*shown) return storage_failure();
    return json_response(201, event_json(**shown, true));
  } catch (const Json::exception&) {
    return error_response(400, "bad_request", "a field has the wrong type");
  }
}

HttpResponse cancel_event(PortalContext& portal, const RequestContext& c) {
  if (!in_operator_firm(c)) return not_found();
  const std::string code = c.params.at("event");
  std::vector<store::Registration> cancelled;
  auto done = audited_change(
      portal.auth, "user:" + c.principal->user_id, "event.cancelled", "event:" + code,
      Json::object(), [&]() -> Result<void> {
        CP_ASSIGN_OR_RETURN(cancelled,
                            store::cancel_event(portal.auth.db, code, portal.auth.clock.now()));
        return {};
      });
  if (!done.ok()) return refusal(done.error());
  if (portal.notifier != nullptr) {
    for (const auto& r : cancelled) {
      portal.notifier->send_mail({r.attendee_email, "[connectpost] Cancelled: event " + code,
                                  "The event " + code + " is cancelled; your registration (" +
                                      r.attendee_name + ", " + r.firm_id + ") no longer holds.\n"});
    }
  }
  return json_response(200, {{"code", code}, {"registrations_cancelled", cancelled.size()}});
}

HttpResponse all_registrations(PortalContext& portal, const RequestContext& c) {
  if (!in_operator_firm(c)) return not_found();
  auto event = store::find_event(portal.auth.db, c.params.at("event"));
  if (!event.ok()) return storage_failure();
  if (!*event) return not_found();
  auto regs = store::registrations_of(portal.auth.db, (*event)->event_id, "");
  if (!regs.ok()) return storage_failure();
  Json out = Json::array();
  for (const auto& r : *regs) out.push_back(registration_json(r));
  Json body = event_json(**event, true);
  body["registrations"] = out;
  return json_response(200, body);
}

}  // namespace

void add_event_routes(App& app, PortalContext& portal) {
  Router& r = app.router();
  PortalContext* p = &portal;
  r.add({"GET", "/api/v1/firms/{firm}/events", kView,
         [p](const RequestContext& c) { return list(*p, c); },
         "Events the firm is invited to, with sessions, seats left and the firm's registrations"});
  r.add({"POST", "/api/v1/firms/{firm}/events/{event}/registrations", kSeats,
         [p](const RequestContext& c) { return register_one(*p, c); },
         "Register an attendee in a session: confirmed, or waitlisted when full; per-firm limits"});
  r.add({"POST", "/api/v1/firms/{firm}/events/{event}/registrations/{id}/cancel", kSeats,
         [p](const RequestContext& c) { return cancel_one(*p, c, c.params.at("firm")); },
         "Cancel one of the firm's registrations; a freed seat goes to the first waitlisted"});
  r.add({"POST", "/api/v1/operator/{firm}/events", kProcess,
         [p](const RequestContext& c) { return create(*p, c); },
         "Create an event with its sessions, deadline and seat limits (the operator)"});
  r.add({"POST", "/api/v1/operator/{firm}/events/{event}/cancel", kProcess,
         [p](const RequestContext& c) { return cancel_event(*p, c); },
         "Cancel an event and every registration; attendees are mailed"});
  r.add({"GET", "/api/v1/operator/{firm}/events/{event}/registrations", kProcess,
         [p](const RequestContext& c) { return all_registrations(*p, c); },
         "Every firm's registrations for an event"});
}

}  // namespace cp::server
