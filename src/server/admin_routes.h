// Delegated administration over the API (issue 5 item 2; SPEC AUTH-1, PORTAL-3): a firm's
// administrator lists the firm's users and grants or revokes their business roles; the operator's
// administrator does so in any firm. The role rules and the delegation rules are the same as the
// command line's (identity/roles.h, identity/delegation.h); every change is audited.
//   GET    /api/v1/firms/{firm}/users
//   POST   /api/v1/firms/{firm}/users/{user}/roles         {"role": …}
//   DELETE /api/v1/firms/{firm}/users/{user}/roles/{role}
#pragma once

#include "identity/roles.h"
#include "server/app.h"
#include "server/auth_routes.h"

namespace cp::server {

void add_admin_routes(App& app, AuthContext& auth, const identity::RoleCatalogue& catalogue);

}  // namespace cp::server
