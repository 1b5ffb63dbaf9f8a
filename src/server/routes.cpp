#include "server/routes.h"

#include "server/admin_routes.h"
#include "server/password_reset_routes.h"
#include "server/self_service_routes.h"

namespace cp::server {

void add_all_routes(App& app, AuthContext& auth, const identity::RoleCatalogue& catalogue) {
  add_basic_routes(app);
  add_auth_routes(app, auth);
  add_admin_routes(app, auth, catalogue);
  add_self_service_routes(app, auth);
  add_password_reset_routes(app, auth);
}

}  // namespace cp::server
