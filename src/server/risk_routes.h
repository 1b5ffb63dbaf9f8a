// A participant's HKSCC margin and money obligations (issue 16 Interfaces; docs/risk.md):
//   GET /api/v1/firms/{firm}/risk/margin?date=D        every component of the day-end margin
//   GET /api/v1/firms/{firm}/obligations?date=D        what arose on D; without a date, what is
//                                                     due from now for 30 days and what is
//                                                     overdue, earliest deadline first
//   GET /api/v1/firms/{firm}/risk/history?days=60      the day-end margin, marks and collateral
//                                                     of each day an obligations run stored
// The firm's HKSCC participant id (its profile) names the participant: a firm sees its own, the
// operator's staff any firm's (the router's firm scope). A firm without an HKSCC participant id
// has nothing here (404).
#pragma once

#include "server/app.h"
#include "server/portal_requests.h"

namespace cp::server {

void add_risk_routes(App& app, PortalContext& portal);

}  // namespace cp::server
