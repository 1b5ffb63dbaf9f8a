// The portal's catalogue and each user's notifications (issue 6; SPEC PORTAL-5, PORTAL-8):
//   GET  /api/v1/catalog                         every e-service, for the pages' menus
//   GET  /api/v1/catalog/{service}               one service's file: schema, auto-fill, slots
//   GET  /api/v1/me/notifications[?unread=1]     my inbox, newest first, and the unread count
//   POST /api/v1/me/notifications/{id}/read      mark one read (another user's is 404)
//   GET|PUT /api/v1/me/notification-settings     {email_mode: each | digest | none}
#pragma once

#include "server/app.h"
#include "server/portal_requests.h"

namespace cp::server {

void add_portal_routes(App& app, PortalContext& portal);

}  // namespace cp::server
