// Who may change whose roles (SPEC AUTH-1, PORTAL-3; issue 5's traps): the platform operator
// (the command line, or a user with operator_admin) in any firm; a firm's delegated
// administrator (firm_admin) in that firm only, and never the administrator roles, which the
// operator grants; nobody their own roles.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "identity/roles.h"

namespace cp::identity {

struct Membership {
  std::string firm_id;
  FirmKind firm_kind = FirmKind::kBroker;
  std::set<std::string> roles;
};

// Who acts: the command line's operator, or a logged-in user with their memberships.
struct Actor {
  std::string user_id;  // empty for the command line
  bool platform_operator = false;
  std::vector<Membership> memberships;
};

// Whether the actor administers every firm: the command line, or an operator administrator.
bool administers_every_firm(const RoleCatalogue& catalogue, const Actor& actor);

// Refuses unless `actor` may grant or revoke `role` for `target_user_id` in `firm_id`. A firm the
// actor does not administer is refused as not found: a delegated administrator learns nothing
// about other firms.
Result<void> may_administer(const RoleCatalogue& catalogue, const Actor& actor,
                            const std::string& target_user_id, const std::string& firm_id,
                            const std::string& role);

}  // namespace cp::identity
