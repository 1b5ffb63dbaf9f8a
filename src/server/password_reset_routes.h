// Password reset by emailed one-time link (issue 5; docs/identity.md):
//   POST /api/v1/password-reset          {user}                → 202 alike for every login; a
//        user with a registered address is mailed a link (public_url/reset.html#token=…, valid
//        auth.password_reset_minutes, once)
//   POST /api/v1/password-reset/confirm  {token, new_password}  → the new password; every session
//        and sign-in attempt of the user ends. Signing in still takes the second factor.
#pragma once

#include "server/auth_routes.h"

namespace cp::server {

void add_password_reset_routes(App& app, AuthContext& auth);

}  // namespace cp::server
