// The clearing house's side of the portal (issue 6 item 7): queues per operator team, and the
// steps receive, assign, start, complete and reject, audited like the participants' steps.
// Every route needs the process entitlement in the operator firm named in the path.
//   GET  /api/v1/operator/{firm}/queue                   team, status, service, q, … as search
//   GET  /api/v1/operator/{firm}/requests/{ref}          any firm's request
//   POST /api/v1/operator/{firm}/requests/{ref}/{action} receive | assign | start | complete |
//                                                        reject  {version, reason, assignee}
//   GET  /api/v1/operator/{firm}/requests/{ref}/attachments/{id}, …/audit
#pragma once

#include "server/app.h"
#include "server/portal_requests.h"

namespace cp::server {

void add_operator_routes(App& app, PortalContext& portal);

}  // namespace cp::server
