#include "identity/delegation.h"

namespace cp::identity {
namespace {

bool administers_all_firms(const RoleCatalogue& catalogue, const Actor& actor) {
  if (actor.platform_operator) return true;
  for (const auto& m : actor.memberships) {
    if (m.firm_kind == FirmKind::kOperator && catalogue.entitles(m.roles, "users", Level::kAdmin)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool administers_every_firm(const RoleCatalogue& catalogue, const Actor& actor) {
  return administers_all_firms(catalogue, actor);
}

Result<void> may_administer(const RoleCatalogue& catalogue, const Actor& actor,
                            const std::string& target_user_id, const std::string& firm_id,
                            const std::string& role) {
  if (!actor.user_id.empty() && actor.user_id == target_user_id) {
    return rule_violation("no one grants or revokes their own roles", "user");
  }
  if (administers_all_firms(catalogue, actor)) return Ok{};
  for (const auto& m : actor.memberships) {
    if (m.firm_id != firm_id || !catalogue.entitles(m.roles, "users", Level::kAdmin)) continue;
    const RoleDefinition* definition = catalogue.find(role);
    if (definition != nullptr) {
      for (const auto& e : definition->entitlements) {
        if (e.category == "users") {
          return rule_violation("administrator roles (" + role +
                                    ") are granted by the platform operator (SPEC AUTH-1)",
                                "role");
        }
      }
    }
    return Ok{};
  }
  return make_error(ErrorCode::kNotFound, "firm " + firm_id + " not found");
}

}  // namespace cp::identity
