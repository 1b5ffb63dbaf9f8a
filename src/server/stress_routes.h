// Stress tests in the portal (SPEC ORG-4; issue 16 item 7; docs/risk.md):
//   GET /api/v1/firms/{firm}/risk/stress?date=D[&shock=CODE=RATIO,...]
//       the firm's HKSCC participant's CNS positions under the scenario library of D (HKSCC's
//       ±22 %, structured products ±100 %, the worst day of the HVaR look-back) and, with
//       `shock`, one user-defined scenario of up to 20 securities' own shocks; each with its
//       loss, the margin HKSCC holds and the shortfall (risk:view, the firm's own)
//   GET /api/v1/firms/{firm}/book/stress?date=D
//   POST /api/v1/firms/{firm}/exports/book-stress.csv|.xlsx?date=D  (audited downloads)
//       the broker's Southbound book under stress from the EOD run of D, per channel and reserve
//       account, against the risk funds CSDC holds (report book-stress; settlement:view). Only
//       the firm named by the book_firm key has a book here; any other: 404.
#pragma once

#include "server/app.h"
#include "server/portal_requests.h"

namespace cp::server {

// At most this many securities in a user-defined scenario.
inline constexpr size_t kStressShocksMax = 20;

void add_stress_routes(App& app, PortalContext& portal);

}  // namespace cp::server
