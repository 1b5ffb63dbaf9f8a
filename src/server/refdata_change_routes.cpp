#include "server/refdata_change_routes.h"

#include "core/utf8.h"
#include "eod/reinstruct.h"
#include "server/ca_routes.h"
#include "server/json_body.h"
#include "server/refdata_changes.h"
#include "server/route_support.h"
#include "store/audit_store.h"
#include "store/ca_store.h"
#include "store/refdata_change_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::json;

Access entitled(identity::Level level) {
  return Access::entitled("refdata", level, "firm");
}

Json change_json(const store::RefdataChange& change, const Principal& principal) {
  Json actions = Json::array();
  if (change.status == "submitted") {
    if (change.made_by == principal.user_id) {
      actions.push_back("withdraw");
    } else {
      actions.push_back("approve");
      actions.push_back("reject");
    }
  }
  return {{"reference", change.reference},
          {"firm", change.firm_id},
          {"kind", change.kind},
          {"payload", stored_json(change.payload)},
          {"summary", change.summary},
          {"status", change.status},
          {"made_by", change.made_by},
          {"made_at", change.made_at},
          {"checked_by", change.checked_by},
          {"checked_at", change.checked_at},
          {"reason", change.reason},
          {"actions", actions}};
}

Date today_hkt(const PortalContext& portal) {
  return to_hkt(portal.auth.clock.now()).date;
}

HttpResponse list(PortalContext& portal, const RequestContext& c) {
  if (!in_operator_firm(c)) return not_found();
  const auto status = c.request.query.find("status");
  auto found = store::list_refdata_changes(
      portal.auth.db, c.params.at("firm"),
      status == c.request.query.end() ? std::string() : status->second, 200);
  if (!found.ok()) return storage_failure();
  Json out = Json::array();
  for (const auto& change : *found) out.push_back(change_json(change, *c.principal));
  return json_response(200, {{"firm", c.params.at("firm")}, {"changes", out}});
}

HttpResponse file(PortalContext& portal, const RequestContext& c) {
  if (!in_operator_firm(c)) return not_found();
  auto body = json_fields(c.request, {"kind"});
  if (!body) return error_response(400, "bad_request", "a JSON object with kind is required");
  const std::string kind = (*body)["kind"].get<std::string>();
  Json payload = *body;
  payload.erase("kind");
  auto checked = check_change(portal.auth.db, portal.data_dir, kind, payload, today_hkt(portal));
  if (!checked.ok()) {
    return checked.error().code == ErrorCode::kInvalidInput ? field_refusal(checked.error())
                                                            : storage_failure();
  }
  store::RefdataChange change;
  change.firm_id = c.params.at("firm");
  change.kind = kind;
  change.payload = payload.dump();
  change.summary = checked->summary;
  change.made_by = c.principal->user_id;
  change.made_at = format_utc(portal.auth.clock.now());
  auto tx = store::Transaction::begin(portal.auth.db);
  if (!tx.ok()) return storage_failure();
  auto stored = store::insert_refdata_change(portal.auth.db, change);
  if (!stored.ok()) return storage_failure();
  auto logged = store::append_audit(
      portal.auth.db, portal.auth.clock,
      {"user:" + change.made_by, change.firm_id, "refdata.change_submitted",
       "refdata-change:" + stored->reference,
       Json{{"kind", kind}, {"summary", stored->summary}, {"payload", payload}}.dump()});
  if (!logged.ok() || !tx->commit().ok()) return storage_failure();
  return json_response(201, change_json(*stored, *c.principal));
}

Result<store::RefdataChange> load(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto found, store::find_refdata_change(portal.auth.db, c.params.at("firm"),
                                                             c.params.at("ref")));
  if (!found) return make_error(ErrorCode::kNotFound, "no such change");
  return *found;
}

HttpResponse show(PortalContext& portal, const RequestContext& c) {
  if (!in_operator_firm(c)) return not_found();
  auto change = load(portal, c);
  if (!change.ok()) return refusal(change.error());
  return json_response(200, change_json(*change, *c.principal));
}

// approve | reject | withdraw, with its audit entry, in one transaction.
HttpResponse step(PortalContext& portal, const RequestContext& c, const std::string& action) {
  if (!in_operator_firm(c)) return not_found();
  auto body = json_fields(c.request, {});
  const std::string reason = body && body->contains("reason") && (*body)["reason"].is_string()
                                 ? (*body)["reason"].get<std::string>()
                                 : "";
  const std::string& me = c.principal->user_id;
  const std::string now = format_utc(portal.auth.clock.now());
  auto tx = store::Transaction::begin(portal.auth.db);
  if (!tx.ok()) return storage_failure();
  auto change = load(portal, c);
  if (!change.ok()) return refusal(change.error());
  if (change->status != "submitted") {
    return error_response(409, "conflict", "the change is " + change->status + ", not waiting");
  }
  const bool is_maker = change->made_by == me;
  if (action == "withdraw" && !is_maker) {
    return error_response(403, "forbidden", "only the operator who filed a change withdraws it");
  }
  if (action != "withdraw" && is_maker) {
    return error_response(403, "same_person", "the checker must be another person than the maker");
  }
  if (action == "reject" && is_blank(reason)) {
    return error_response(400, "bad_request", "a rejection needs its reason");
  }
  // A calendar change may move the transfers the latest EOD run instructed: the days they are
  // for, read before it is applied (eod/reinstruct.h).
  std::optional<eod::LatestRunDays> before;
  if (action == "approve" && (change->kind == "closure" || change->kind == "weather")) {
    auto days = eod::latest_run_days(portal.auth.db, portal.data_dir);
    if (!days.ok()) return storage_failure();
    before = std::move(days).value();
  }
  Json detail = {{"reference", change->reference}, {"summary", change->summary}};
  const std::string status = action == "approve"  ? "applied"
                             : action == "reject" ? "rejected"
                                                  : "withdrawn";
  // The state first: of two operators acting on one change at once, the second waits here for
  // the first's commit and is then refused (409) before it applies anything.
  auto closed =
      store::close_refdata_change(portal.auth.db, change->change_id, status, me, now, reason);
  if (!closed.ok()) return refusal(closed.error());
  if (action == "approve") {
    // Checked again: a change applied since this one was filed may collide with it.
    auto checked = check_change(portal.auth.db, portal.data_dir, change->kind,
                                stored_json(change->payload), today_hkt(portal));
    if (!checked.ok()) {
      return checked.error().code == ErrorCode::kInvalidInput ? field_refusal(checked.error())
                                                              : storage_failure();
    }
    if (!checked->apply(portal.auth.db, {now, "user:" + me}).ok()) return storage_failure();
  } else {
    detail["reason"] = reason;
  }
  auto logged = store::append_audit(portal.auth.db, portal.auth.clock,
                                    {"user:" + me, change->firm_id, "refdata.change_" + status,
                                     "refdata-change:" + change->reference, detail.dump()});
  if (!logged.ok()) return storage_failure();
  if (!tx->commit().ok()) return storage_failure();
  auto shown = load(portal, c);
  if (!shown.ok()) return storage_failure();
  Json out = change_json(*shown, *c.principal);
  if (action == "approve" && change->kind == "ca_event") {
    // After the commit, like a request's notifications: the event stands whether or not the
    // holders could be told, and the answer says how many were.
    const std::string event_id = stored_json(change->payload).value("event_id", "");
    auto event = store::ca_event(portal.auth.db, event_id);
    auto told = event.ok() ? notify_holders(portal, *event) : Result<HolderNotices>(event.error());
    out["holders_notified"] = told.ok() ? Json(told->notified) : Json(nullptr);
    out["holders_texted"] = told.ok() ? Json(told->texted) : Json(nullptr);
  }
  if (before) {
    // After the commit: the rerun is a run like any other, with its own transaction and audit
    // entry. Short on a small day; a big day's waits for the background jobs (issue 19).
    eod::EodInputs inputs{portal.data_dir, &portal.auth.clock, 0, "user:" + me};
    auto moved = eod::reinstruct_if_moved(portal.auth.db, *before, inputs);
    if (!moved.ok()) {
      out["eod_reinstructed"] = {{"run_date", before->run_date->to_string()},
                                 {"error", moved.error().message}};
    } else if (*moved) {
      out["eod_reinstructed"] = {{"run_date", (*moved)->run_date.to_string()},
                                 {"moved", eod::describe_move((*moved)->before, (*moved)->after)}};
    }
  }
  return json_response(200, out);
}

}  // namespace

void add_refdata_change_routes(App& app, PortalContext& portal) {
  Router& r = app.router();
  PortalContext* p = &portal;
  const std::string base = "/api/v1/operator/{firm}/refdata-changes";
  r.add({"GET", base, entitled(identity::Level::kView),
         [p](const RequestContext& c) { return list(*p, c); },
         "Reference-data changes of the operator firm, newest first (status filter)"});
  r.add({"POST", base, entitled(identity::Level::kMake),
         [p](const RequestContext& c) { return file(*p, c); },
         "File a reference-data change (closure, weather, fee) for another operator to check"});
  r.add({"GET", base + "/{ref}", entitled(identity::Level::kView),
         [p](const RequestContext& c) { return show(*p, c); }, "One reference-data change"});
  r.add({"POST", base + "/{ref}/approve", entitled(identity::Level::kCheck),
         [p](const RequestContext& c) { return step(*p, c, "approve"); },
         "Check and apply a change another operator filed"});
  r.add({"POST", base + "/{ref}/reject", entitled(identity::Level::kCheck),
         [p](const RequestContext& c) { return step(*p, c, "reject"); },
         "Refuse a change another operator filed, with the reason"});
  r.add({"POST", base + "/{ref}/withdraw", entitled(identity::Level::kMake),
         [p](const RequestContext& c) { return step(*p, c, "withdraw"); },
         "Withdraw a change one filed, before it is checked"});
}

}  // namespace cp::server
