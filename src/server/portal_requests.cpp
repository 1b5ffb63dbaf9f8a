#include "server/portal_requests.h"

#include <algorithm>

#include "portal/request_data.h"
#include "server/json_body.h"
#include "server/portal_notifications.h"
#include "server/request_summary_json.h"
#include "store/audit_store.h"
#include "store/identity_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::json;
using workflow::Action;
using workflow::Status;

Result<const portal::ServiceDefinition*> service_of(const PortalContext& portal,
                                                    const std::string& service_id) {
  const portal::ServiceDefinition* service = portal.services.find(service_id);
  if (service == nullptr) {
    return make_error(ErrorCode::kNotFound, "no e-service '" + service_id + "'");
  }
  return service;
}

Result<portal::UserFacts> user_facts(PortalContext& portal, const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(auto user, store::find_user(portal.auth.db, user_id));
  if (!user) return make_error(ErrorCode::kNotFound, "no user '" + user_id + "'");
  return portal::UserFacts{user->display_name, user->email};
}

Result<portal::FirmProfile> profile_of(PortalContext& portal, const std::string& firm_id) {
  CP_ASSIGN_OR_RETURN(auto profile, store::find_firm_profile(portal.auth.db, firm_id));
  if (!profile) return make_error(ErrorCode::kNotFound, "no firm '" + firm_id + "'");
  return *profile;
}

std::optional<std::string> open_key_for(const portal::ServiceDefinition& service,
                                        const store::StoredRequest& request, const Json& data) {
  const auto subject = portal::subject_of(service, data);
  if (!subject) return std::nullopt;
  return request.firm_id + "|" + service.id + "|" + *subject;
}

Json string_list(const std::vector<std::string>& items) {
  Json out = Json::array();
  for (const std::string& item : items) out.push_back(item);
  return out;
}

// Writes the changed request, its timeline entry and its audit entry together.
Result<void> record(PortalContext& portal, const store::StoredRequest& request,
                    const std::string& actor, const std::string& action, Status from,
                    const std::string& reason, const Json& changes, bool update,
                    const std::function<Result<void>()>& more = {}) {
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(portal.auth.db));
  if (update) CP_RETURN_IF_ERROR(store::update_request(portal.auth.db, request));
  if (more) CP_RETURN_IF_ERROR(more());
  CP_RETURN_IF_ERROR(store::add_makers(portal.auth.db, request));
  CP_RETURN_IF_ERROR(
      store::add_request_event(portal.auth.db, request.request_id,
                               {0, request.updated_at, actor, action, workflow::status_code(from),
                                workflow::status_code(request.status), reason, changes.dump()}));
  const Json detail = {{"service", request.service_id},
                       {"from", workflow::status_code(from)},
                       {"to", workflow::status_code(request.status)},
                       {"reason", reason},
                       {"changes", changes},
                       {"version", request.version}};
  CP_RETURN_IF_ERROR(store::append_audit(portal.auth.db, portal.auth.clock,
                                         {"user:" + actor, request.firm_id, "request." + action,
                                          "request:" + request.reference, detail.dump()}));
  return tx.commit();
}

}  // namespace

workflow::Actor actor_in(const PortalContext& portal, const Principal& principal,
                         const std::string& firm_id, const portal::ServiceDefinition& service) {
  workflow::Actor actor{principal.user_id, false, false, false};
  for (const identity::Membership& m : principal.memberships) {
    if (m.firm_id == firm_id) {
      actor.can_make = actor.can_make || portal.roles.entitles(m.roles, service.make.category,
                                                               identity::Level::kMake);
      actor.can_check = actor.can_check || portal.roles.entitles(m.roles, service.check.category,
                                                                 identity::Level::kCheck);
    }
    if (m.firm_kind == identity::FirmKind::kOperator) {
      actor.can_process = actor.can_process || portal.roles.entitles(m.roles, service.category,
                                                                     identity::Level::kProcess);
    }
  }
  return actor;
}

bool is_book_firm(const PortalContext& portal, const RequestContext& c) {
  return !portal.book_firm.empty() && c.params.at("firm") == portal.book_firm;
}

Result<bool> firm_may_file(PortalContext& portal, const std::string& firm_id,
                           const portal::ServiceDefinition& service) {
  CP_ASSIGN_OR_RETURN(auto firm, store::find_firm(portal.auth.db, firm_id));
  if (!firm || service.firm_kinds.count(firm->kind) == 0) return false;
  CP_ASSIGN_OR_RETURN(portal::FirmProfile profile, profile_of(portal, firm_id));
  return std::any_of(
      service.clearing_houses.begin(), service.clearing_houses.end(),
      [&](const std::string& house) { return profile.participant_ids.count(house) != 0; });
}

Result<store::StoredRequest> create_request(PortalContext& portal, const Principal& principal,
                                            const std::string& firm_id,
                                            const std::string& service_id, const Json& data) {
  CP_ASSIGN_OR_RETURN(const portal::ServiceDefinition* service, service_of(portal, service_id));
  if (!actor_in(portal, principal, firm_id, *service).can_make) {
    return rule_violation("preparing '" + service->title.en + "' needs the " +
                          service->make.category + ":make entitlement in " + firm_id);
  }
  CP_ASSIGN_OR_RETURN(bool may_file, firm_may_file(portal, firm_id, *service));
  if (!may_file) {
    std::string houses;
    for (const std::string& h : service->clearing_houses) houses += (houses.empty() ? "" : "/") + h;
    return rule_violation(firm_id + " does not file '" + service->title.en +
                          "': it is for participants of " + houses + " of the kinds it names");
  }
  CP_ASSIGN_OR_RETURN(portal::UserFacts user, user_facts(portal, principal.user_id));
  CP_ASSIGN_OR_RETURN(portal::FirmProfile profile, profile_of(portal, firm_id));
  const Json filled = portal::apply_auto_fill(*service, data, profile, user);
  const std::string now = format_utc(portal.auth.clock.now());
  store::StoredRequest request;
  request.firm_id = firm_id;
  request.service_id = service->id;
  request.operator_team = service->operator_team;
  request.data = filled.dump();
  request.search_text = portal::search_text(*service, "", filled);
  request.created_by = principal.user_id;
  request.created_at = request.updated_at = now;
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(portal.auth.db));
  CP_ASSIGN_OR_RETURN(request, store::insert_request(portal.auth.db, request));
  CP_RETURN_IF_ERROR(record(portal, request, principal.user_id, "create", Status::kDraft, "",
                            string_list(portal::changed_fields(Json::object(), filled)), false));
  CP_RETURN_IF_ERROR(tx.commit());
  return request;
}

Result<store::StoredRequest> load_request(PortalContext& portal, const std::string& firm_id,
                                          const std::string& reference) {
  CP_ASSIGN_OR_RETURN(auto request, store::find_request(portal.auth.db, reference));
  // Another firm's request is "not found", word for word: its existence is not revealed.
  if (!request || (!firm_id.empty() && request->firm_id != firm_id)) {
    return make_error(ErrorCode::kNotFound, "no such request");
  }
  return *request;
}

Json problems_of(PortalContext& portal, const store::StoredRequest& request) {
  Json out = Json::array();
  const portal::ServiceDefinition* service = portal.services.find(request.service_id);
  if (service == nullptr) return out;
  const Json data = stored_json(request.data);
  for (const portal::FieldError& e : service->validator->validate(data)) {
    out.push_back({{"pointer", e.pointer}, {"message", e.message}});
  }
  auto attached = store::list_attachments(portal.auth.db, request.request_id);
  std::vector<std::string> slots;
  if (attached.ok()) {
    for (const store::Attachment& a : *attached) slots.push_back(a.slot);
  }
  for (const std::string& slot : portal::missing_attachments(*service, slots)) {
    out.push_back(
        {{"pointer", "#attachments/" + slot}, {"message", "this attachment is required"}});
  }
  return out;
}

Result<store::StoredRequest> take_step(PortalContext& portal, const Principal& principal,
                                       store::StoredRequest request, const StepInput& input) {
  CP_ASSIGN_OR_RETURN(const portal::ServiceDefinition* service,
                      service_of(portal, request.service_id));
  if (input.version != 0 && input.version != request.version) {
    return make_error(ErrorCode::kConflict,
                      "request " + request.reference + " changed since you loaded it (version " +
                          std::to_string(request.version) + "); reload it and try again");
  }
  const workflow::Actor actor = actor_in(portal, principal, request.firm_id, *service);
  const workflow::RequestFacts facts{request.status, request.makers, request.assignee};
  CP_ASSIGN_OR_RETURN(workflow::Step step,
                      workflow::next_step(facts, input.action, actor, input.reason));
  const Status from = request.status;
  const std::string now = format_utc(portal.auth.clock.now());
  const Json before = stored_json(request.data);
  Json changes = Json::array();
  bool makes = false;  // the actor becomes one of the request's makers
  switch (input.action) {
    case Action::kSave:
    case Action::kSubmit: {
      CP_ASSIGN_OR_RETURN(portal::UserFacts user, user_facts(portal, principal.user_id));
      CP_ASSIGN_OR_RETURN(portal::FirmProfile profile, profile_of(portal, request.firm_id));
      // Submitting without data sends what was saved (re-filled from the profile as it is now).
      const Json sent =
          input.action == Action::kSave || !input.data.is_null() ? input.data : before;
      const Json after = portal::apply_auto_fill(*service, sent, profile, user);
      changes = string_list(portal::changed_fields(before, after));
      request.data = after.dump();
      request.search_text = portal::search_text(*service, request.reference, after);
      makes = true;
      if (input.action == Action::kSubmit) {
        const Json problems = problems_of(portal, request);
        if (!problems.empty()) {
          return invalid_input("the request has " + std::to_string(problems.size()) +
                                   " problem(s) to fix before it can be submitted",
                               "data");
        }
        request.submitted_by = principal.user_id;
        request.submitted_at = now;
        request.open_key = open_key_for(*service, request, after);
      }
      break;
    }
    case Action::kWithdraw:
    case Action::kComplete:
    case Action::kReject:
      request.open_key.reset();
      break;
    case Action::kApprove:
    case Action::kReturn:
      request.checked_by = principal.user_id;
      request.checked_at = now;
      break;
    case Action::kAssign: {
      const std::string assignee = input.assignee.empty() ? principal.user_id : input.assignee;
      CP_ASSIGN_OR_RETURN(auto memberships, store::memberships_of(portal.auth.db, assignee));
      const bool processes = std::any_of(memberships.begin(), memberships.end(), [&](auto& m) {
        return m.firm_kind == identity::FirmKind::kOperator &&
               portal.roles.entitles(m.roles, service->category, identity::Level::kProcess);
      });
      if (!processes) {
        return rule_violation("'" + assignee + "' is not in the operations team", "assignee");
      }
      request.assignee = assignee;
      changes = Json::array({"assignee"});
      break;
    }
    case Action::kStart:
      if (request.assignee.empty()) request.assignee = principal.user_id;
      break;
    case Action::kReceive:
      break;
  }
  if (step.needs_reason || !input.reason.empty()) request.reason = input.reason;
  request.status = step.to;
  request.updated_at = now;
  request.version += 1;
  if (makes) request.makers.insert(principal.user_id);
  CP_RETURN_IF_ERROR(record(portal, request, principal.user_id, workflow::action_code(input.action),
                            from, input.reason, changes, true));
  if (portal.notifier != nullptr && from != request.status) {
    portal.notifier->request_changed(portal, *service, request, principal.user_id, from);
  }
  return request;
}

Result<Json> request_json(PortalContext& portal, const Principal& principal,
                          const store::StoredRequest& request) {
  const portal::ServiceDefinition* service = portal.services.find(request.service_id);
  // The list's summary, then what only the detail view shows.
  Json out = Json::parse(request_summary_text(portal.services, request));
  if (service == nullptr) return out;
  out["data"] = stored_json(request.data);
  out["makers"] = Json(request.makers);
  Json actions = Json::array();
  const workflow::Actor actor = actor_in(portal, principal, request.firm_id, *service);
  for (Action a :
       workflow::available_actions({request.status, request.makers, request.assignee}, actor)) {
    actions.push_back(workflow::action_code(a));
  }
  out["actions"] = actions;
  out["problems"] = problems_of(portal, request);
  CP_ASSIGN_OR_RETURN(auto events, store::request_events(portal.auth.db, request.request_id));
  Json timeline = Json::array();
  for (const store::RequestEvent& e : events) {
    timeline.push_back({{"seq", e.seq},
                        {"at", e.at},
                        {"actor", e.actor},
                        {"action", e.action},
                        {"from", e.from_status},
                        {"to", e.to_status},
                        {"reason", e.reason},
                        {"changes", stored_json(e.changes)}});
  }
  out["timeline"] = timeline;
  CP_ASSIGN_OR_RETURN(auto attachments,
                      store::list_attachments(portal.auth.db, request.request_id));
  Json files = Json::array();
  for (const store::Attachment& a : attachments) {
    files.push_back({{"id", a.attachment_id},
                     {"slot", a.slot},
                     {"file_name", a.file_name},
                     {"content_type", a.content_type},
                     {"size_bytes", a.size_bytes},
                     {"sha256", a.sha256_hex},
                     {"uploaded_by", a.uploaded_by},
                     {"uploaded_at", a.uploaded_at}});
  }
  out["attachments"] = files;
  return out;
}

Result<store::Attachment> attach_file(PortalContext& portal, const Principal& principal,
                                      store::StoredRequest request, const std::string& slot_name,
                                      const std::string& file_name, const std::string& bytes) {
  CP_ASSIGN_OR_RETURN(const portal::ServiceDefinition* service,
                      service_of(portal, request.service_id));
  const workflow::Actor actor = actor_in(portal, principal, request.firm_id, *service);
  CP_RETURN_IF_ERROR(workflow::next_step({request.status, request.makers, request.assignee},
                                         Action::kSave, actor, ""));
  const auto slot =
      std::find_if(service->attachments.begin(), service->attachments.end(),
                   [&](const portal::AttachmentSlot& s) { return s.name == slot_name; });
  if (slot == service->attachments.end()) {
    return invalid_input("'" + service->id + "' has no attachment '" + slot_name + "'", "slot");
  }
  CP_ASSIGN_OR_RETURN(
      portal::AttachmentCheck check,
      portal::check_attachment(*slot, file_name, bytes, portal.max_attachment_bytes));
  const Status from = request.status;
  request.updated_at = format_utc(portal.auth.clock.now());
  request.version += 1;
  request.makers.insert(principal.user_id);
  store::Attachment stored{0, slot_name, file_name,         check.content_type,
                           0, "",        principal.user_id, request.updated_at};
  CP_RETURN_IF_ERROR(record(
      portal, request, principal.user_id, "attach", from, "",
      Json::array({slot_name + ": " + file_name}), true, [&]() -> Result<void> {
        CP_ASSIGN_OR_RETURN(
            stored, store::add_attachment(portal.auth.db, request.request_id, stored, bytes));
        return {};
      }));
  return stored;
}

Result<void> detach_file(PortalContext& portal, const Principal& principal,
                         store::StoredRequest request, int64_t attachment_id) {
  CP_ASSIGN_OR_RETURN(const portal::ServiceDefinition* service,
                      service_of(portal, request.service_id));
  const workflow::Actor actor = actor_in(portal, principal, request.firm_id, *service);
  CP_RETURN_IF_ERROR(workflow::next_step({request.status, request.makers, request.assignee},
                                         Action::kSave, actor, ""));
  const Status from = request.status;
  request.updated_at = format_utc(portal.auth.clock.now());
  request.version += 1;
  request.makers.insert(principal.user_id);
  std::string removed;
  return record(
      portal, request, principal.user_id, "detach", from, "",
      Json::array({"attachment " + std::to_string(attachment_id)}), true, [&]() -> Result<void> {
        CP_ASSIGN_OR_RETURN(
            auto gone, store::remove_attachment(portal.auth.db, request.request_id, attachment_id,
                                                principal.user_id, portal.auth.clock.now()));
        removed = gone.file_name;
        return {};
      });
}

}  // namespace cp::server
