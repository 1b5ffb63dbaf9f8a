// The order-check API for the broker's order system (issue 18 item 10; SPEC SUIT-1, SUIT-2,
// SUIT-6, TRD-1..6): one order checked at the server's present moment (HKT) by the same rules as
// `orders replay` (trading/replay.h) — the investor's standing from the permission registry
// (no permission refuses; an expired assessment refuses buys, not sells), the phase, the
// security's eligibility, board lots and ticks. What only the exchange knows live (the quota
// already used today, a VCM cooling-off, the closing auction's book) is not known here: the
// check starts from the day's full quota and a quiet market, and says which rule decided.
//
//   POST /api/v1/firms/{firm}/order-checks  {account, channel, security, side, price, quantity}
#pragma once

#include "server/app.h"
#include "server/portal_requests.h"

namespace cp::server {

void add_order_check_routes(App& app, PortalContext& portal);

}  // namespace cp::server
