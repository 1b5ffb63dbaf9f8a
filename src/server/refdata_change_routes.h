// The operator's reference-data changes (issue 6 item 7; server/refdata_changes.h): one
// operator files a change, a second one checks it, and only that check applies it, in the same
// transaction as its audit entry. Routes in the operator firm named in the path:
//   GET  /api/v1/operator/{firm}/refdata-changes              refdata:view   ?status=
//   POST /api/v1/operator/{firm}/refdata-changes              refdata:make   {kind, ...fields}
//   GET  /api/v1/operator/{firm}/refdata-changes/{ref}        refdata:view
//   POST /api/v1/operator/{firm}/refdata-changes/{ref}/approve   refdata:check  applies it
//   POST /api/v1/operator/{firm}/refdata-changes/{ref}/reject    refdata:check  {reason}
//   POST /api/v1/operator/{firm}/refdata-changes/{ref}/withdraw  refdata:make   the maker only
// The checker is never the maker (checked on identity, whatever their roles).
#pragma once

#include "server/app.h"
#include "server/portal_requests.h"

namespace cp::server {

void add_refdata_change_routes(App& app, PortalContext& portal);

}  // namespace cp::server
