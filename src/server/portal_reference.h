// The reference data a portal route judges by: the shipped data (PortalContext::data_dir) with
// the operators' calendar additions stored in the database merged in, as the command line loads
// it (cli/loaded_reference.h). Read per request, so an approved calendar change counts at once.
#pragma once

#include "refdata/market_calendar.h"
#include "refdata/refdata.h"
#include "server/portal_requests.h"

namespace cp::server {

struct PortalReference {
  refdata::RefData refdata;
  refdata::MarketCalendarData calendars;
};

Result<PortalReference> load_portal_reference(PortalContext& portal);

}  // namespace cp::server
