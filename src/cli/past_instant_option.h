// `--at "YYYY-MM-DD HH:MM"` (Hong Kong time) of the commands that act on what is due by a time:
// now when empty; a time still to come is refused, since defaults and notices are facts of the
// past (an operator catching up gives the time the job should have run).
#pragma once

#include <string>

#include "core/date.h"

namespace cp::cli {

Result<UtcTime> past_instant_option(const std::string& text, const Clock& clock);

}  // namespace cp::cli
