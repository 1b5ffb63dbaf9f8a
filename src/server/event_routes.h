// Seminars and events (SPEC PORTAL-10; issue 6 item 5):
//   GET  /api/v1/firms/{firm}/events                              events the firm is invited to
//   POST /api/v1/firms/{firm}/events/{event}/registrations        {session, attendee_name,
//                                                                 attendee_email}
//   POST /api/v1/firms/{firm}/events/{event}/registrations/{id}/cancel
//   POST /api/v1/operator/{firm}/events                           create, with sessions
//   POST /api/v1/operator/{firm}/events/{event}/cancel
//   GET  /api/v1/operator/{firm}/events/{event}/registrations
// A confirmation (or waitlist) mail goes to the attendee with the session's details; an online
// session's joining details only there, never in the list.
#pragma once

#include "server/app.h"
#include "server/portal_requests.h"

namespace cp::server {

void add_event_routes(App& app, PortalContext& portal);

}  // namespace cp::server
