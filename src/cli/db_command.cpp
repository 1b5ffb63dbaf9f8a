#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"
#include "store/migrations.h"

namespace cp::cli {

void register_db_commands(CLI::App& app, AppContext& context) {
  auto* db = app.add_subcommand("db", "The database: schema version and migrations");
  db->require_subcommand(1);

  auto* migrate = db->add_subcommand("migrate", "Apply pending migrations (all or none)");
  migrate->callback([&context] {
    run_action(context, [&context]() -> Result<void> {
      CP_ASSIGN_OR_RETURN(auto database, store::open_database(context.config.get("db")));
      CP_ASSIGN_OR_RETURN(int applied, store::migrate(*database, context.clock));
      std::cout << "applied " << applied << " migration(s) to " << database->describe() << '\n';
      return Ok{};
    });
  });

  auto* status = db->add_subcommand("status", "Print the schema version and pending migrations");
  auto json = std::make_shared<bool>(false);
  status->add_flag("--json", *json, "Print JSON");
  status->callback([&context, json] {
    run_action(context, [&context, json]() -> Result<void> {
      CP_ASSIGN_OR_RETURN(auto database, store::open_database(context.config.get("db")));
      CP_ASSIGN_OR_RETURN(auto state, store::schema_status(*database, store::builtin_migrations()));
      if (*json) {
        print_json(std::cout, {{"database", database->describe()},
                               {"backend", store::backend_name(database->backend())},
                               {"current_version", state.current_version},
                               {"latest_version", state.latest_version},
                               {"pending", state.pending}});
      } else {
        std::cout << "database:        " << database->describe() << "\n"
                  << "schema version:  " << state.current_version << " (this binary knows up to "
                  << state.latest_version << ")\n"
                  << "pending:         " << state.pending.size() << " migration(s)\n";
      }
      return Ok{};
    });
  });
}

}  // namespace cp::cli
