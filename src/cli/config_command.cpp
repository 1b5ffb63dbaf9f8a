#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"
#include "store/database.h"

namespace cp::cli {

void register_config_commands(CLI::App& app, AppContext& context) {
  auto* config = app.add_subcommand("config", "Inspect the configuration");
  config->require_subcommand(1);
  auto* show = config->add_subcommand(
      "show", "Print every setting, its value and where it came from (default, file, env, flag)");
  auto json = std::make_shared<bool>(false);
  show->add_flag("--json", *json, "Print JSON");
  show->callback([&context, json] {
    run_action(context, [&context, json]() -> Result<void> {
      std::vector<std::vector<std::string>> rows;
      Json out = Json::array();
      for (const auto& entry : context.config.entries()) {
        const std::string value = entry.secret ? store::redact_url(entry.value) : entry.value;
        rows.push_back({entry.key, value, entry.origin});
        out.push_back({{"key", entry.key}, {"value", value}, {"origin", entry.origin}});
      }
      if (*json) {
        print_json(std::cout, out);
      } else {
        print_table(std::cout, {"KEY", "VALUE", "ORIGIN"}, rows);
      }
      return Ok{};
    });
  });
}

}  // namespace cp::cli
