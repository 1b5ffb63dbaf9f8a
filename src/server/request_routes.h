// The participant side of the portal's requests (issue 6; SPEC PORTAL-4..9, PORTAL-12), every
// route scoped to a firm the user belongs to (another firm's anything is 404):
//   GET  /api/v1/firms/{firm}/services                  the e-services the firm may file
//   POST /api/v1/firms/{firm}/requests                  {service, data} → a draft
//   GET  /api/v1/firms/{firm}/requests                  search: status, service, q, reference,
//                                                       from, to, mine, limit, offset
//   GET  /api/v1/firms/{firm}/requests/{ref}            the request, timeline, actions, problems
//   PUT  /api/v1/firms/{firm}/requests/{ref}            {data, version} → saved
//   POST /api/v1/firms/{firm}/requests/{ref}/{action}   submit | withdraw | approve | return
//   POST /api/v1/firms/{firm}/requests/{ref}/attachments?slot=&name=   the file as the body
//   GET|DELETE …/attachments/{id}                       download (logged) | remove (recorded)
//   GET  /api/v1/firms/{firm}/requests/{ref}/audit      the request's audit trail
//   GET  /api/v1/firms/{firm}/tasks                     to check, to fix, my drafts
//   GET  /api/v1/firms/{firm}/exports/requests.csv|.xlsx  the filtered list
#pragma once

#include "server/app.h"
#include "server/portal_requests.h"

namespace cp::server {

void add_request_routes(App& app, PortalContext& portal);

// For the operator's routes: any firm's request's attachment and audit trail.
HttpResponse download_attachment(PortalContext& portal, const RequestContext& c);
HttpResponse request_audit_trail(PortalContext& portal, const RequestContext& c);

// The query's filters as the store takes them (shared with the operator's queue); an error
// names the parameter.
Result<store::RequestQuery> request_query(const HttpRequest& request);

}  // namespace cp::server
