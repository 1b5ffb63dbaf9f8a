#include "cli/loaded_reference.h"

#include "store/calendar_store.h"

namespace cp::cli {

Result<LoadedReference> load_reference(const AppContext& context) {
  LoadedReference loaded;
  const std::string data_dir = context.config.get("data_dir");
  CP_ASSIGN_OR_RETURN(loaded.refdata, refdata::load_refdata(data_dir));
  CP_ASSIGN_OR_RETURN(loaded.calendars, refdata::load_market_calendars(data_dir));
  CP_ASSIGN_OR_RETURN(loaded.db, context.open_database());
  CP_RETURN_IF_ERROR(store::merge_calendar_additions(*loaded.db, loaded.calendars));
  return loaded;
}

}  // namespace cp::cli
