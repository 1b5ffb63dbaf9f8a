#include "server/counter_routes.h"

#include "investors/archive.h"
#include "server/json_body.h"
#include "server/portal_reference.h"
#include "server/route_support.h"
#include "store/audit_store.h"
#include "store/investor_archive_store.h"
#include "store/investor_assessment.h"
#include "store/investor_counter_store.h"
#include "store/investor_evidence_store.h"
#include "store/investor_permission_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::ordered_json;
using investors::CounterAction;
using investors::CounterKind;
using investors::CounterState;

const Access kCounterView = Access::entitled("counter", identity::Level::kView, "firm");
const Access kCounterMake = Access::entitled("counter", identity::Level::kMake, "firm");
const Access kCounterCheck = Access::entitled("counter", identity::Level::kCheck, "firm");

// The newest requests a list shows [D]: a counter's day is tens of requests, not thousands.
constexpr int64_t kListed = 200;
constexpr size_t kNoteLengthMax = 1000;

Json request_json(const store::CounterRequestRow& r) {
  return {{"id", r.request_id},
          {"kind", investors::counter_kind_code(r.kind)},
          {"account", r.account_id},
          {"channel", channel_code(r.channel)},
          {"state", investors::counter_state_code(r.state)},
          {"note", r.note},
          {"agreement_sha256", r.agreement_sha256},
          {"filed_by", r.filed_by},
          {"filed_at", hkt_text_from_utc(r.filed_at)},
          {"decided_by", r.decided_by},
          {"decided_at", r.decided_at.empty() ? "" : hkt_text_from_utc(r.decided_at)},
          {"reason", r.reason},
          {"outcome", r.outcome.empty() ? Json(nullptr) : Json(stored_json(r.outcome))}};
}

HttpResponse answer(int status, const store::CounterRequestRow& r) {
  return json_response_ordered(status, request_json(r));
}

Result<HttpResponse> list(PortalContext& portal, const RequestContext& c) {
  if (!is_book_firm(portal, c)) return not_found();
  CP_ASSIGN_OR_RETURN(auto rows,
                      store::counter_requests(portal.auth.db, portal.book_firm, kListed + 1));
  const bool more = rows.size() > static_cast<size_t>(kListed);
  if (more) rows.pop_back();
  Json out = Json::array();
  for (const auto& r : rows) out.push_back(request_json(r));
  return json_response_ordered(200,
                               {{"firm", portal.book_firm}, {"requests", out}, {"more", more}});
}

Result<HttpResponse> file(PortalContext& portal, const RequestContext& c) {
  if (!is_book_firm(portal, c)) return not_found();
  auto body = json_fields(c.request, {"kind", "account", "channel"});
  if (!body) {
    return error_response(400, "bad_request",
                          "a JSON object with kind, account and channel is required");
  }
  store::CounterRequestRow row;
  auto kind = investors::parse_counter_kind((*body)["kind"].get<std::string>());
  if (!kind.ok()) return field_refusal(kind.error());
  row.kind = *kind;
  auto channel = parse_channel((*body)["channel"].get<std::string>());
  if (!channel.ok()) return field_refusal(invalid_input(channel.error().message, "channel"));
  row.channel = *channel;
  row.account_id = (*body)["account"].get<std::string>();
  if (body->contains("note")) {
    if (!(*body)["note"].is_string() ||
        (*body)["note"].get<std::string>().size() > kNoteLengthMax) {
      return field_refusal(invalid_input("a note is text of at most 1,000 bytes", "note"));
    }
    row.note = (*body)["note"].get<std::string>();
  }
  // The account is the book's and may hold a permission; refusals name the field.
  auto type = store::investor_type(portal.auth.db, row.account_id);
  if (!type.ok()) {
    return field_refusal(invalid_input(type.error().message, "account"));
  }
  CP_ASSIGN_OR_RETURN(auto held,
                      store::open_permission(portal.auth.db, row.account_id, row.channel));
  const std::string ch(channel_code(row.channel));
  if (row.kind == CounterKind::kOpen && held) {
    return error_response(409, "conflict",
                          "account " + row.account_id + " holds the " + ch + " permission since " +
                              held->granted_on.to_string());
  }
  if (row.kind == CounterKind::kClose && !held) {
    return error_response(409, "conflict",
                          "account " + row.account_id + " holds no " + ch + " permission to close");
  }
  if (row.kind == CounterKind::kOpen) {
    // The version the investor signs at the counter: the one published now.
    if (portal.opening_kits == nullptr || !portal.opening_kits->count(row.channel)) {
      return error_response(503, "not_offered", "no agreement is published on this server");
    }
    row.agreement_sha256 = portal.opening_kits->at(row.channel).agreement.sha256;
  }
  row.firm_id = portal.book_firm;
  row.filed_by = "user:" + c.principal->user_id;
  row.filed_at = format_utc(portal.auth.clock.now());
  store::CounterRequestRow filed;
  auto done = audited_change(
      portal.auth, row.filed_by, "investor.counter.filed", "investor:" + row.account_id + ":" + ch,
      nlohmann::json{{"kind", investors::counter_kind_code(row.kind)}, {"note", row.note}},
      [&]() -> Result<void> {
        CP_ASSIGN_OR_RETURN(filed, store::file_counter_request(portal.auth.db, row));
        return Ok{};
      });
  if (!done.ok()) return refusal(done.error());
  return answer(201, filed);
}

// The request of the path, the book firm's; nullopt answers 404.
Result<std::optional<store::CounterRequestRow>> load(PortalContext& portal,
                                                     const RequestContext& c) {
  const auto id = id_from_text(c.params.at("id"));
  if (!is_book_firm(portal, c) || !id) return std::optional<store::CounterRequestRow>();
  return store::counter_request(portal.auth.db, portal.book_firm, *id);
}

// Approving runs the rules that day: granted or closed, or refused with the reasons; the
// decision, its archive records and its audit entry in one transaction.
Result<HttpResponse> approve(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto request, load(portal, c));
  if (!request) return not_found();
  store::CounterRequestRow r = *request;
  const std::string actor = "user:" + c.principal->user_id;
  if (auto may = investors::may_take(r.state, r.filed_by, actor, CounterAction::kApprove, "");
      !may.ok()) {
    return refusal(may.error());
  }
  CP_ASSIGN_OR_RETURN(PortalReference reference, load_portal_reference(portal));
  const UtcTime now = portal.auth.clock.now();
  const Date today = to_hkt(now).date;
  CP_ASSIGN_OR_RETURN(auto southbound,
                      calendar::SouthboundCalendar::build(reference.calendars,
                                                          reference.refdata.parameters, r.channel));
  CP_ASSIGN_OR_RETURN(const int32_t years,
                      investors::archive_retention_years(reference.refdata.parameters, today));
  const store::ArchiveStamp stamp{actor, now, years};
  const std::string ch(channel_code(r.channel));
  store::Database& db = portal.auth.db;
  r.decided_by = actor;
  r.decided_at = format_utc(now);
  bool passed = false;
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(db));
  if (r.kind == CounterKind::kOpen) {
    // The agreement signed at the counter the day it was filed, then every rule of the
    // investor's type judged today (SUIT-3 for an institution).
    investors::DocumentRow signed_row;
    signed_row.account_id = r.account_id;
    signed_row.channel = r.channel;
    signed_row.document = investors::PermissionDocument::kAgreement;
    // Signed at the counter on the day it was filed (HKT).
    CP_ASSIGN_OR_RETURN(signed_row.signed_on,
                        Date::parse(hkt_text_from_utc(r.filed_at).substr(0, 10)));
    signed_row.sha256 = r.agreement_sha256;
    CP_RETURN_IF_ERROR(
        store::import_permission_documents(db, {signed_row}, "counter request", stamp));
    CP_ASSIGN_OR_RETURN(const investors::Assessment assessment,
                        store::assess_on_record(db, reference.refdata.parameters, southbound,
                                                r.account_id, r.channel, today));
    passed = assessment.eligible;
    Json decision = store::assessment_json(assessment, r.account_id, r.channel, today);
    decision["counter_request"] = r.request_id;
    r.outcome = decision.dump();
    if (passed) {
      store::PermissionRow row;
      row.account_id = r.account_id;
      row.channel = r.channel;
      row.granted_on = today;
      row.granted_by = r.filed_by + " checked by " + actor;
      row.assessment = r.outcome;
      CP_RETURN_IF_ERROR(store::grant_permission(db, row));
    }
    CP_RETURN_IF_ERROR(store::append_archive(
        db,
        {r.account_id,
         passed ? investors::ArchiveKind::kGrant : investors::ArchiveKind::kGrantRefused, ch,
         r.outcome},
        stamp));
  } else {
    CP_ASSIGN_OR_RETURN(const store::ClosingOutcome closing,
                        store::closing_on_record(db, reference.refdata.parameters, southbound,
                                                 r.account_id, r.channel, today));
    passed = closing.check.allowed;
    Json decision = store::closing_json(closing, r.account_id, r.channel, today);
    decision["counter_request"] = r.request_id;
    r.outcome = decision.dump();
    if (passed) {
      CP_RETURN_IF_ERROR(
          store::close_permission(db, r.account_id, r.channel, today, actor, r.outcome));
    }
    CP_RETURN_IF_ERROR(store::append_archive(
        db,
        {r.account_id,
         passed ? investors::ArchiveKind::kClosing : investors::ArchiveKind::kClosingRefused, ch,
         r.outcome},
        stamp));
  }
  r.state = passed ? CounterState::kApproved : CounterState::kRefused;
  CP_RETURN_IF_ERROR(store::decide_counter_request(db, r));
  CP_RETURN_IF_ERROR(store::append_audit(
      db, portal.auth.clock,
      {actor, r.firm_id, passed ? "investor.counter.approved" : "investor.counter.refused",
       "investor:" + r.account_id + ":" + ch,
       nlohmann::json{{"request", r.request_id},
                      {"kind", investors::counter_kind_code(r.kind)},
                      {"filed_by", r.filed_by}}
           .dump()}));
  CP_RETURN_IF_ERROR(tx.commit());
  return answer(passed ? 200 : 422, r);
}

Result<HttpResponse> reject_or_withdraw(PortalContext& portal, const RequestContext& c,
                                        CounterAction action) {
  CP_ASSIGN_OR_RETURN(auto request, load(portal, c));
  if (!request) return not_found();
  store::CounterRequestRow r = *request;
  std::string reason;
  if (action == CounterAction::kReject) {
    auto body = json_fields(c.request, {"reason"});
    if (!body) return error_response(400, "bad_request", "a JSON object with reason is required");
    reason = (*body)["reason"].get<std::string>();
    if (reason.size() > kNoteLengthMax) {
      return field_refusal(invalid_input("a reason is at most 1,000 bytes", "reason"));
    }
  }
  const std::string actor = "user:" + c.principal->user_id;
  if (auto may = investors::may_take(r.state, r.filed_by, actor, action, reason); !may.ok()) {
    return field_refusal(may.error());
  }
  r.state = action == CounterAction::kReject ? CounterState::kRejected : CounterState::kWithdrawn;
  r.decided_by = actor;
  r.decided_at = format_utc(portal.auth.clock.now());
  r.reason = reason;
  auto done = audited_change(
      portal.auth, actor,
      action == CounterAction::kReject ? "investor.counter.rejected" : "investor.counter.withdrawn",
      "investor:" + r.account_id + ":" + std::string(channel_code(r.channel)),
      nlohmann::json{{"request", r.request_id}, {"reason", reason}},
      [&]() { return store::decide_counter_request(portal.auth.db, r); });
  if (!done.ok()) return refusal(done.error());
  return answer(200, r);
}

}  // namespace

void add_counter_routes(App& app, PortalContext& portal) {
  Router& r = app.router();
  PortalContext* p = &portal;
  r.add({"GET", "/api/v1/firms/{firm}/counter/requests", kCounterView,
         [p](const RequestContext& c) { return or_refusal(list(*p, c)); },
         "The counter's requests to open or close a Southbound permission, newest first"});
  r.add({"POST", "/api/v1/firms/{firm}/counter/requests", kCounterMake,
         [p](const RequestContext& c) { return or_refusal(file(*p, c)); },
         "Files an opening or a closing at the counter, for a second member of staff to decide"});
  r.add({"POST", "/api/v1/firms/{firm}/counter/requests/{id}/approve", kCounterCheck,
         [p](const RequestContext& c) { return or_refusal(approve(*p, c)); },
         "Approves a request filed by another: the rules run today, then granted or closed"});
  r.add({"POST", "/api/v1/firms/{firm}/counter/requests/{id}/reject", kCounterCheck,
         [p](const RequestContext& c) {
           return or_refusal(reject_or_withdraw(*p, c, CounterAction::kReject));
         },
         "Rejects a request filed by another, with a reason"});
  r.add({"POST", "/api/v1/firms/{firm}/counter/requests/{id}/withdraw", kCounterMake,
         [p](const RequestContext& c) {
           return or_refusal(reject_or_withdraw(*p, c, CounterAction::kWithdraw));
         },
         "Withdraws a pending request its maker filed"});
}

}  // namespace cp::server
