// HKSCC's desk for participants' money obligations (issue 16 items 4 and 6), on the operator's
// firm id like the other operator routes:
//   GET  /api/v1/operator/{firm}/obligations[?date=D]     every participant's, overdue first
//   GET  /api/v1/operator/{firm}/payments[?state=]        payments entered by hand
//   POST /api/v1/operator/{firm}/payments                 enter one (risk:make), audited
//   POST /api/v1/operator/{firm}/payments/{id}/approve    a second operator checks it (risk:check);
//   POST /api/v1/operator/{firm}/payments/{id}/reject     approval records the payment; audited
#pragma once

#include "server/app.h"
#include "server/portal_requests.h"

namespace cp::server {

void add_obligation_desk_routes(App& app, PortalContext& portal);

}  // namespace cp::server
