// Every state change an operator makes from the command line leaves an audit entry in the same
// transaction (SPEC ORG-3, PORTAL-12): the change and its trace commit together or not at all.
#pragma once

#include <functional>
#include <string>

#include "cli/app_context.h"
#include "cli/output.h"

namespace cp::cli {

// Runs `change` in a transaction (inner transactions join it), appends an entry
// {actor: context.actor(), action, object, detail} and commits.
Result<void> audited(const AppContext& context, store::Database& db, const std::string& action,
                     const std::string& object, const Json& detail,
                     const std::function<Result<void>()>& change);

}  // namespace cp::cli
