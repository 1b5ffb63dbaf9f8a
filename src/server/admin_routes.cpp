#include "server/admin_routes.h"

#include <nlohmann/json.hpp>

#include "server/route_support.h"
#include "store/audit_store.h"
#include "store/identity_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::json;

identity::Actor actor_of(const Principal& principal) {
  return {principal.user_id, false, principal.memberships};
}

HttpResponse list_users(AuthContext& auth, const RequestContext& c) {
  const std::string& firm = c.params.at("firm");
  auto users = store::list_users(auth.db, firm);
  if (!users.ok()) return refusal(users.error());
  Json out = Json::array();
  for (const auto& user : *users) {
    auto memberships = store::memberships_of(auth.db, user.user_id);
    if (!memberships.ok()) return refusal(memberships.error());
    Json roles = Json::array();
    for (const auto& m : *memberships) {
      if (m.firm_id == firm) roles = m.roles;  // only this firm's: the others are not theirs
    }
    out.push_back({{"user", user.user_id},
                   {"name", user.display_name},
                   {"status", user.status},
                   {"roles", roles}});
  }
  HttpResponse response;
  response.body = Json{{"firm", firm}, {"users", out}}.dump();
  return response;
}

HttpResponse change_role(AuthContext& auth, const identity::RoleCatalogue& catalogue,
                         const RequestContext& c, bool grant) {
  const std::string& firm = c.params.at("firm");
  const std::string& user = c.params.at("user");
  std::string role;
  if (grant) {
    const auto body = json_fields(c.request, {"role"});
    if (!body) return error_response(400, "bad_request", R"(send {"role": "…"})");
    role = (*body)["role"];
  } else {
    role = c.params.at("role");
  }
  const identity::Actor actor = actor_of(*c.principal);
  bool changed = false;
  auto tx = store::Transaction::begin(auth.db);
  if (!tx.ok()) return refusal(tx.error());
  Result<bool> done =
      grant ? store::grant_role(auth.db, catalogue, actor, user, firm, role, auth.clock.now())
            : store::revoke_role(auth.db, catalogue, actor, user, firm, role);
  if (!done.ok()) return refusal(done.error());
  changed = *done;
  if (changed) {
    auto entry =
        store::append_audit(auth.db, auth.clock,
                            {"user:" + actor.user_id, firm, grant ? "role.granted" : "role.revoked",
                             "user:" + user, Json{{"firm", firm}, {"role", role}}.dump()});
    if (!entry.ok()) return refusal(entry.error());
  }
  if (auto committed = tx->commit(); !committed.ok()) return refusal(committed.error());
  HttpResponse response;
  response.body = Json{{"user", user}, {"firm", firm}, {"role", role}, {"changed", changed}}.dump();
  return response;
}

// A firm's administrator registers a user's designated email (SPEC AUTH-1): at once for a
// business user; pending the operator's approval when the user is an administrator (the
// operator's own administrators register without waiting).
HttpResponse set_user_email(AuthContext& auth, const identity::RoleCatalogue& catalogue,
                            const RequestContext& c) {
  const std::string& firm = c.params.at("firm");
  const std::string& user = c.params.at("user");
  const auto body = json_fields(c.request, {"email"});
  if (!body) return error_response(400, "bad_request", R"(send {"email": "…"})");
  const std::string email = (*body)["email"];
  // The target must be a member of the firm the administrator manages: else nothing is there.
  auto memberships = store::memberships_of(auth.db, user);
  if (!memberships.ok()) return refusal(memberships.error());
  // The address is the user's, across firms: only an administrator of every firm the user is in
  // (or the operator's) may change it, or one firm could take over another's user's codes.
  const identity::Actor actor = actor_of(*c.principal);
  bool member = false;
  bool all_administered = true;
  for (const auto& m : *memberships) {
    member = member || m.firm_id == firm;
    all_administered = all_administered &&
                       identity::may_administer(catalogue, actor, user, m.firm_id, "viewer").ok();
  }
  if (!member || !all_administered) return error_response(404, "not_found", "no such resource");
  auto administrator = store::is_administrator(auth.db, catalogue, user);
  if (!administrator.ok()) return refusal(administrator.error());
  bool operator_admin = false;
  for (const auto& m : c.principal->memberships) {
    operator_admin =
        operator_admin || (m.firm_kind == identity::FirmKind::kOperator &&
                           catalogue.entitles(m.roles, "users", identity::Level::kAdmin));
  }
  const bool pending = *administrator && !operator_admin;
  // SPEC AUTH-2: registration opens on its date, administrators' later than users'.
  if (auto open = identity::may_register_email(auth.policy.migration, to_hkt(auth.clock.now()).date,
                                               *administrator);
      !open.ok()) {
    return refusal(open.error());
  }
  auto tx = store::Transaction::begin(auth.db);
  if (!tx.ok()) return refusal(tx.error());
  if (auto set = store::set_email(auth.db, user, email, pending); !set.ok()) {
    return refusal(set.error());
  }
  auto entry = store::append_audit(
      auth.db, auth.clock,
      {"user:" + c.principal->user_id, firm, "user.email_registered", "user:" + user,
       Json{{"status", pending ? "pending" : "registered"}}.dump()});
  if (!entry.ok()) return refusal(entry.error());
  if (auto committed = tx->commit(); !committed.ok()) return refusal(committed.error());
  HttpResponse response;
  response.body = Json{{"user", user}, {"email_status", pending ? "pending" : "registered"}}.dump();
  return response;
}

}  // namespace

void add_admin_routes(App& app, AuthContext& auth, const identity::RoleCatalogue& catalogue) {
  Router& router = app.router();
  const Access admin = Access::entitled("users", identity::Level::kAdmin, "firm");
  router.add({"GET", "/api/v1/firms/{firm}/users", admin,
              [&auth](const RequestContext& c) { return list_users(auth, c); },
              "The firm's users with their roles in it (the firm's administrators, the operator)"});
  router.add({"POST", "/api/v1/firms/{firm}/users/{user}/roles", admin,
              [&auth, &catalogue](const RequestContext& c) {
                return change_role(auth, catalogue, c, true);
              },
              "Grant a role in the firm (role and delegation rules checked; audited)"});
  router.add(
      {"POST", "/api/v1/firms/{firm}/users/{user}/email", admin,
       [&auth, &catalogue](const RequestContext& c) { return set_user_email(auth, catalogue, c); },
       "Register a user's designated 2FA email (an administrator's waits for the operator)"});
  router.add({"DELETE", "/api/v1/firms/{firm}/users/{user}/roles/{role}", admin,
              [&auth, &catalogue](const RequestContext& c) {
                return change_role(auth, catalogue, c, false);
              },
              "Revoke a role in the firm (delegation rules checked; audited)"});
}

}  // namespace cp::server
