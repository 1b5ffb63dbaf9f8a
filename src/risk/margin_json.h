// A margin's figures as JSON, for `connectpost risk margin --json` and the API (issue 16
// Interfaces): amounts as decimal strings in HKD, every intermediate figure named.
#pragma once

#include <nlohmann/json.hpp>

#include "risk/margin.h"

namespace cp::risk {

nlohmann::ordered_json margin_json(const MarginFigures& figures);

}  // namespace cp::risk
