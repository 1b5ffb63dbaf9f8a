// Every route the server answers, registered in one place: `connectpost serve` and the test
// that holds docs/openapi.yaml to the routes (openapi_test.cpp) use the same list.
#pragma once

#include "identity/roles.h"
#include "server/app.h"
#include "server/auth_routes.h"
#include "server/portal_requests.h"

namespace cp::server {

void add_all_routes(App& app, AuthContext& auth, const identity::RoleCatalogue& catalogue,
                    PortalContext& portal);

}  // namespace cp::server
