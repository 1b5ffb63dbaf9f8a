// Logging to standard error with spdlog, as text or as JSON lines (one object per line, for log
// shippers). Timestamps are UTC. Secrets are never passed to the logger.
#pragma once

#include <string>

#include "core/result.h"

namespace cp::cli {

// level: trace|debug|info|warn|error|off; format: text|json.
Result<void> setup_logging(const std::string& level, const std::string& format);

}  // namespace cp::cli
