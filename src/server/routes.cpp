#include "server/routes.h"

#include "server/admin_routes.h"
#include "server/ca_routes.h"
#include "server/counter_routes.h"
#include "server/document_routes.h"
#include "server/event_routes.h"
#include "server/obligation_desk_routes.h"
#include "server/opening_routes.h"
#include "server/operator_routes.h"
#include "server/order_check_routes.h"
#include "server/password_reset_routes.h"
#include "server/portal_routes.h"
#include "server/refdata_change_routes.h"
#include "server/request_routes.h"
#include "server/risk_routes.h"
#include "server/self_service_routes.h"
#include "server/stress_routes.h"

namespace cp::server {

void add_all_routes(App& app, AuthContext& auth, const identity::RoleCatalogue& catalogue,
                    PortalContext& portal) {
  add_basic_routes(app);
  add_auth_routes(app, auth);
  add_admin_routes(app, auth, catalogue);
  add_self_service_routes(app, auth);
  add_password_reset_routes(app, auth);
  add_portal_routes(app, portal);
  add_request_routes(app, portal);
  add_operator_routes(app, portal);
  add_refdata_change_routes(app, portal);
  add_event_routes(app, portal);
  add_document_routes(app, portal);
  add_risk_routes(app, portal);
  add_obligation_desk_routes(app, portal);
  add_stress_routes(app, portal);
  add_ca_routes(app, portal);
  add_opening_routes(app, portal);
  add_counter_routes(app, portal);
  add_order_check_routes(app, portal);
}

}  // namespace cp::server
