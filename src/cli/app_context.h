// What every command needs: the resolved configuration, the clock, the database. Commands are
// registered by module (commands.h) and run through run_action(), which turns a Result error or
// an exception into a message on standard error and the documented exit code.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "cli/config.h"
#include "core/date.h"
#include "store/database.h"

namespace cp::cli {

struct AppContext {
  // Raw global options, filled in by CLI11 while parsing.
  std::optional<std::string> config_file;
  std::map<std::string, std::string> flags;

  Config config;
  SystemClock clock;
  int exit_code = 0;

  // Opens the configured database and applies pending migrations (refusing a newer schema).
  Result<std::unique_ptr<store::Database>> open_database() const;
  // Another connection to it, with the secret key, for a server thread (no migrations: the
  // first connection applied them).
  Result<std::unique_ptr<store::Database>> connect_database() const;
  // Who acts, for the audit trail: "cli:<operating-system user>".
  std::string actor() const;
};

// Resolves configuration and logging, then runs `action`; records the exit code.
void run_action(AppContext& context, const std::function<Result<void>()>& action);

}  // namespace cp::cli
