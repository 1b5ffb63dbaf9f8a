#include "cli/app_context.h"

#include <pwd.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/logging.h"
#include "store/migrations.h"

namespace cp::cli {

std::string AppContext::actor() const {
  // The effective user, not $USER, which the caller can set to anything.
  const passwd* entry = ::getpwuid(::geteuid());
  return "cli:" + std::string(entry != nullptr ? entry->pw_name : std::to_string(::geteuid()));
}

Result<std::unique_ptr<store::Database>> AppContext::connect_database() const {
  CP_ASSIGN_OR_RETURN(auto db, store::open_database(config.get("db")));
  if (const std::string& key_file = config.get("secret_key_file"); !key_file.empty()) {
    CP_ASSIGN_OR_RETURN(store::SecretKey key, store::load_secret_key(key_file));
    db->set_secret_key(key);
  }
  return db;
}

Result<std::unique_ptr<store::Database>> AppContext::open_database() const {
  CP_ASSIGN_OR_RETURN(auto db, connect_database());
  CP_ASSIGN_OR_RETURN(int applied, store::migrate(*db, clock));
  if (applied > 0) spdlog::info("applied {} migration(s) to {}", applied, db->describe());
  return db;
}

void run_action(AppContext& context, const std::function<Result<void>()>& action) {
  bool json_errors = false;  // known once the configuration is resolved
  auto report = [&](const Error& error) {
    context.exit_code = exit_code_for(error.code);
    if (json_errors) {
      // One JSON line a scheduler can parse: the exit code, the reason word and where.
      nlohmann::ordered_json line = {
          {"level", "error"}, {"message", error.message}, {"exit_code", context.exit_code}};
      if (!error.reason.empty()) line["reason"] = error.reason;
      if (!error.file.empty()) line["file"] = error.file;
      if (error.line > 0) line["line"] = error.line;
      if (error.column > 0) line["column"] = error.column;
      if (!error.field.empty()) line["field"] = error.field;
      std::cerr << line.dump() << '\n';
      return;
    }
    std::cerr << "connectpost: error: " << error.to_string() << '\n';
  };
  try {
    ConfigSources sources;
    sources.config_file = context.config_file;
    sources.flags = context.flags;
    sources.getenv = [](const char* name) { return std::getenv(name); };
    auto config = resolve_config(sources);
    if (!config.ok()) return report(config.error());
    context.config = std::move(config).value();
    json_errors = context.config.get("log_format") == "json";
    auto logging = setup_logging(context.config.get("log_level"), context.config.get("log_format"));
    if (!logging.ok()) return report(logging.error());
    auto result = action();
    if (!result.ok()) report(result.error());
  } catch (const DecimalOverflow& overflow) {
    report(make_error(ErrorCode::kOverflow, overflow.what()));
  } catch (const std::exception& exception) {
    report(make_error(ErrorCode::kInternal, std::string("unexpected: ") + exception.what()));
  }
}

}  // namespace cp::cli
