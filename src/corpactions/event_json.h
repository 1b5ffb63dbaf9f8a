// An announcement as JSON, one shape for the command line (`ca events --json`) and the portal's
// event lists and notices: dates as YYYY-MM-DD, instants as YYYY-MM-DDTHH:MM (HKT), amounts as
// decimal text, what the type has not as null.
#pragma once

#include <nlohmann/json.hpp>

#include "corpactions/corporate_action.h"

namespace cp::corpactions {

nlohmann::ordered_json event_json(const CorporateAction& action);

}  // namespace cp::corpactions
