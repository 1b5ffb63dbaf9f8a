// The document centre (SPEC PORTAL-11; issue 6 item 6):
//   GET  /api/v1/firms/{firm}/documents                            what the firm's kind may see
//   GET  /api/v1/firms/{firm}/documents/{code}/versions/{version}  download, logged
//   POST /api/v1/operator/{firm}/documents                         {code, category, title,
//                                                                  firm_kinds}
//   POST /api/v1/operator/{firm}/documents/{code}/versions?name=&notes=   the file as the body
#pragma once

#include "server/app.h"
#include "server/portal_requests.h"

namespace cp::server {

void add_document_routes(App& app, PortalContext& portal);

}  // namespace cp::server
