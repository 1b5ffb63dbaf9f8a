#include "server/routes.h"

namespace cp::server {

void add_all_routes(App& app, AuthContext& auth) {
  add_basic_routes(app);
  add_auth_routes(app, auth);
}

}  // namespace cp::server
