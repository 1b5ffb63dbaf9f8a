// The back office's counter in the portal (issue 18 item 3; SPEC SUIT-3, SUIT-5;
// investors/counter.h): a member of the book firm's staff files an opening (an institution's,
// with the agreement it signed at the counter; or any investor whose evidence is on record) or a
// closing of an account's Southbound permission; another decides it. The approval runs the rules
// that day — every suitability rule of the investor's type, or the closing check — and grants,
// closes, or records the refusal with its reasons. Every step audited and archived (SUIT-7).
//
//   GET  /api/v1/firms/{firm}/counter/requests                 (counter:view)
//   POST /api/v1/firms/{firm}/counter/requests                 {kind, account, channel, note}
//   POST /api/v1/firms/{firm}/counter/requests/{id}/approve    (counter:check; not the maker)
//   POST /api/v1/firms/{firm}/counter/requests/{id}/reject     {reason} (counter:check)
//   POST /api/v1/firms/{firm}/counter/requests/{id}/withdraw   (counter:make; the maker)
#pragma once

#include "server/app.h"
#include "server/portal_requests.h"

namespace cp::server {

void add_counter_routes(App& app, PortalContext& portal);

}  // namespace cp::server
