// A signed-in user's own credentials (issue 5; docs/identity.md):
//   POST /api/v1/me/totp          {password}       → a new authenticator app's secret and QR code
//        (SVG), pending until confirmed; the password again, so a borrowed session cannot
//        swap the second factor
//   POST /api/v1/me/totp/confirm  {code}           → the pending app becomes the user's
//   POST /api/v1/me/password      {current_password, new_password} → the new password; every
//        session ends and this browser gets a new one
#pragma once

#include "server/auth_routes.h"

namespace cp::server {

void add_self_service_routes(App& app, AuthContext& auth);

}  // namespace cp::server
