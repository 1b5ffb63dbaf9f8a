#include "server/portal_reference.h"

#include "store/calendar_store.h"

namespace cp::server {

Result<PortalReference> load_portal_reference(PortalContext& portal) {
  PortalReference loaded;
  CP_ASSIGN_OR_RETURN(loaded.refdata, refdata::load_refdata(portal.data_dir));
  CP_ASSIGN_OR_RETURN(loaded.calendars, refdata::load_market_calendars(portal.data_dir));
  CP_RETURN_IF_ERROR(store::merge_calendar_additions(portal.auth.db, loaded.calendars));
  return loaded;
}

}  // namespace cp::server
