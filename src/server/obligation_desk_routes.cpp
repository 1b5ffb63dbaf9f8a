#include "server/obligation_desk_routes.h"

#include <chrono>
#include <map>

#include "risk/obligation_json.h"
#include "server/route_support.h"
#include "store/obligation_store.h"
#include "store/payment_entry_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::ordered_json;

const Access kView = Access::entitled("risk", identity::Level::kView, "firm");
const Access kMake = Access::entitled("risk", identity::Level::kMake, "firm");
const Access kCheck = Access::entitled("risk", identity::Level::kCheck, "firm");

constexpr std::chrono::days kUpcomingDays{30};
constexpr int64_t kEntriesShown = 500;
// A bank's reference: printable ASCII, as a CHATS or bank file would carry it.
constexpr size_t kPaymentIdMax = 64;

Result<HttpResponse> obligations(PortalContext& portal, const RequestContext& c) {
  if (!in_operator_firm(c)) return not_found();
  const UtcTime now = portal.auth.clock.now();
  std::vector<store::StoredObligation> list;
  Json out = Json::object();
  auto date = query_date(c, "date");
  if (!date.ok()) return refusal(date.error());
  if (*date) {
    CP_ASSIGN_OR_RETURN(list, store::obligations_of(portal.auth.db, "", **date));
    out["date"] = (*date)->to_string();
  } else {
    CP_ASSIGN_OR_RETURN(list, store::obligations_due(portal.auth.db, "", format_utc(now),
                                                     format_utc(now + kUpcomingDays)));
  }
  risk::order_overdue_first(list, now);
  std::map<std::string, std::optional<std::string>> firms;
  Json items = Json::array();
  for (const auto& o : list) {
    auto firm = firms.find(o.participant);
    if (firm == firms.end()) {
      CP_ASSIGN_OR_RETURN(auto id, store::firm_of_participant(portal.auth.db, o.participant));
      firm = firms.emplace(o.participant, id).first;
    }
    Json item = risk::obligation_json(o, now);
    item["firm"] = firm->second ? Json(*firm->second) : Json(nullptr);
    items.push_back(std::move(item));
  }
  out["obligations"] = std::move(items);
  return json_response(200, out);
}

Json entry_json(const store::PaymentEntry& e, const Principal& principal) {
  Json actions = Json::array();
  if (e.state == store::EntryState::kPending && e.entered_by != principal.user_id) {
    actions.push_back("approve");
    actions.push_back("reject");
  }
  auto optional = [](const std::optional<std::string>& text) {
    return text ? Json(*text) : Json(nullptr);
  };
  return {{"id", e.entry_id},
          {"payment_id", e.payment_id},
          {"obligation_id", e.obligation_id},
          {"amount", e.amount_hkd.to_string()},
          {"currency", "HKD"},
          {"received_at", hkt_text_from_utc(e.received_at_utc)},
          {"method", risk::payment_method_code(e.method)},
          {"entered_by", e.entered_by},
          {"entered_at", e.entered_at_utc},
          {"state", store::entry_state_code(e.state)},
          {"decided_by", optional(e.decided_by)},
          {"decided_at", optional(e.decided_at_utc)},
          {"reason", optional(e.reason)},
          {"actions", actions}};
}

Result<HttpResponse> entries(PortalContext& portal, const RequestContext& c) {
  if (!in_operator_firm(c)) return not_found();
  std::optional<store::EntryState> state;
  if (const auto found = c.request.query.find("state"); found != c.request.query.end()) {
    auto parsed = store::parse_entry_state(found->second);
    if (!parsed.ok()) return refusal(parsed.error());
    state = *parsed;
  }
  CP_ASSIGN_OR_RETURN(auto list, store::payment_entries(portal.auth.db, state, kEntriesShown + 1));
  const bool more = list.size() > static_cast<size_t>(kEntriesShown);
  if (more) list.pop_back();
  Json items = Json::array();
  for (const auto& e : list) items.push_back(entry_json(e, *c.principal));
  return json_response(200, {{"payments", items}, {"more", more}});
}

// A field of the body as a string; kInvalidInput naming it when missing or not a string.
Result<std::string> field(const nlohmann::json& body, const char* name) {
  if (!body.contains(name) || !body[name].is_string()) {
    return invalid_input(std::string(name) + " is required", name);
  }
  return body[name].get<std::string>();
}

Result<store::PaymentEntry> entry_from(const nlohmann::json& body) {
  store::PaymentEntry entry;
  CP_ASSIGN_OR_RETURN(entry.obligation_id, field(body, "obligation_id"));
  CP_ASSIGN_OR_RETURN(entry.payment_id, field(body, "payment_id"));
  const bool printable = std::all_of(entry.payment_id.begin(), entry.payment_id.end(),
                                     [](char ch) { return ch > 0x20 && ch < 0x7F; });
  if (entry.payment_id.empty() || entry.payment_id.size() > kPaymentIdMax || !printable) {
    return invalid_input("payment_id: 1 to 64 printable characters, no spaces", "payment_id");
  }
  CP_ASSIGN_OR_RETURN(std::string amount, field(body, "amount"));
  auto parsed = Decimal::parse(amount, 2);  // HKD to the cent
  if (!parsed.ok() || parsed->sign() <= 0) {
    return invalid_input("amount: a positive HKD amount with at most 2 decimals", "amount");
  }
  entry.amount_hkd = *parsed;
  CP_ASSIGN_OR_RETURN(std::string received, field(body, "received_at"));
  CP_ASSIGN_OR_RETURN(entry.received_at_utc, utc_from_hkt_text(received, "received_at"));
  CP_ASSIGN_OR_RETURN(std::string method, field(body, "method"));
  auto parsed_method = risk::parse_payment_method(method);
  if (!parsed_method.ok()) {
    return invalid_input("method: direct_debit, chats or others", "method");
  }
  entry.method = *parsed_method;
  return entry;
}

Result<HttpResponse> enter(PortalContext& portal, const RequestContext& c) {
  if (!in_operator_firm(c)) return not_found();
  auto body = json_fields(c.request, {});
  if (!body) return error_response(400, "bad_request", "a JSON object is required");
  auto entry = entry_from(*body);
  if (!entry.ok()) return field_refusal(entry.error());
  if (entry->received_at_utc > format_utc(portal.auth.clock.now())) {
    return field_refusal(invalid_input("received_at is in the future", "received_at"));
  }
  entry->entered_by = c.principal->user_id;
  entry->entered_at_utc = format_utc(portal.auth.clock.now());
  int64_t id = 0;
  auto stored =
      audited_change(portal.auth, "user:" + entry->entered_by, "obligations.payment_entered",
                     "obligation:" + entry->obligation_id,
                     {{"payment_id", entry->payment_id},
                      {"amount_hkd", entry->amount_hkd.to_string()},
                      {"received_at", entry->received_at_utc},
                      {"method", risk::payment_method_code(entry->method)}},
                     [&]() -> Result<void> {
                       CP_ASSIGN_OR_RETURN(id, store::enter_payment(portal.auth.db, *entry));
                       return {};
                     });
  if (!stored.ok()) return field_refusal(stored.error());
  entry->entry_id = id;
  return json_response(201, entry_json(*entry, *c.principal));
}

Result<HttpResponse> decide(PortalContext& portal, const RequestContext& c, bool approve) {
  if (!in_operator_firm(c)) return not_found();
  const auto id = id_from_text(c.params.at("id"));
  if (!id) return not_found();
  auto body = json_fields(c.request, {});
  const std::string reason = body && body->contains("reason") && (*body)["reason"].is_string()
                                 ? (*body)["reason"].get<std::string>()
                                 : "";
  if (reason.size() > 500) return field_refusal(invalid_input("reason: at most 500", "reason"));
  store::PaymentEntry decided;
  auto done = audited_change(
      portal.auth, "user:" + c.principal->user_id,
      approve ? "obligations.payment_approved" : "obligations.payment_rejected",
      "payment-entry:" + std::to_string(*id), {{"reason", reason}}, [&]() -> Result<void> {
        CP_ASSIGN_OR_RETURN(
            decided, store::decide_payment(portal.auth.db, *id, c.principal->user_id, approve,
                                           reason, format_utc(portal.auth.clock.now())));
        return {};
      });
  if (!done.ok()) return field_refusal(done.error());
  return json_response(200, entry_json(decided, *c.principal));
}

}  // namespace

void add_obligation_desk_routes(App& app, PortalContext& portal) {
  Router& r = app.router();
  PortalContext* p = &portal;
  r.add({"GET", "/api/v1/operator/{firm}/obligations", kView,
         [p](const RequestContext& c) { return or_failure(obligations(*p, c)); },
         "Every participant's money obligations: of a date, or open ones; overdue first"});
  r.add({"GET", "/api/v1/operator/{firm}/payments", kView,
         [p](const RequestContext& c) { return or_failure(entries(*p, c)); },
         "Payments entered by hand, by state (pending, approved, rejected)"});
  r.add({"POST", "/api/v1/operator/{firm}/payments", kMake,
         [p](const RequestContext& c) { return or_failure(enter(*p, c)); },
         "Enter a payment toward an obligation for a second operator to check (audited)"});
  r.add({"POST", "/api/v1/operator/{firm}/payments/{id}/approve", kCheck,
         [p](const RequestContext& c) { return or_failure(decide(*p, c, true)); },
         "Approve another operator's entry: the payment is recorded (audited)"});
  r.add({"POST", "/api/v1/operator/{firm}/payments/{id}/reject", kCheck,
         [p](const RequestContext& c) { return or_failure(decide(*p, c, false)); },
         "Reject another operator's entry with a reason (audited)"});
}

}  // namespace cp::server
