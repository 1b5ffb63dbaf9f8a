#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"
#include "refdata/refdata.h"
#include "store/refdata_store.h"

namespace cp::cli {
namespace {

struct RefdataOptions {
  std::string date;
  bool json = false;
};

Result<void> show(const AppContext& context, const RefdataOptions& options) {
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(options.date));
  CP_ASSIGN_OR_RETURN(refdata::RefData data, refdata::load_refdata(context.config.get("data_dir")));
  const auto in_force = data.parameters.table().all_in_force(date);
  if (options.json) {
    Json parameters = Json::array();
    for (const auto* entry : in_force) {
      const auto& p = entry->provenance;
      parameters.push_back(
          {{"key", entry->key},
           {"value", entry->row.value},
           {"unit", entry->row.unit},
           {"effective_from", p.effective_from.to_string()},
           {"effective_to", p.effective_to ? Json(p.effective_to->to_string()) : Json(nullptr)},
           {"source", p.source},
           {"note", entry->row.note},
           {"defined_at", p.location()}});
    }
    Json files = Json::array();
    for (const auto& file : data.files) files.push_back({{"path", file.path}, {"rows", file.rows}});
    print_json(std::cout,
               {{"date", date.to_string()}, {"parameters", parameters}, {"files", files}});
    return Ok{};
  }
  std::cout << "Parameters in force on " << date.to_string() << " (" << in_force.size() << ")\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto* entry : in_force) {
    const auto& p = entry->provenance;
    rows.push_back({entry->key, entry->row.value, entry->row.unit, p.effective_from.to_string(),
                    p.effective_to ? p.effective_to->to_string() : "-", p.source});
  }
  print_table(std::cout, {"KEY", "VALUE", "UNIT", "FROM", "TO", "SOURCE"}, rows);
  return Ok{};
}

Result<void> load(const AppContext& context) {
  // Parse everything first: a bad row stops here, before the database is touched.
  CP_ASSIGN_OR_RETURN(refdata::RefData data, refdata::load_refdata(context.config.get("data_dir")));
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(int64_t rows,
                      store::replace_reference_data(*db, data, format_utc(context.clock.now())));
  std::cout << "loaded " << rows << " reference-data rows from " << data.files.size()
            << " file(s) into " << db->describe() << '\n';
  return Ok{};
}

}  // namespace

void register_refdata_commands(CLI::App& app, AppContext& context) {
  auto* refdata = app.add_subcommand("refdata", "Reference data: parameters, calendars, fees");
  refdata->require_subcommand(1);
  auto options = std::make_shared<RefdataOptions>();

  auto* show_command =
      refdata->add_subcommand("show", "Print the reference data in force on a date, with sources");
  show_command->add_option("--date", options->date, "Business date, YYYY-MM-DD")->required();
  show_command->add_flag("--json", options->json, "Print JSON");
  show_command->callback(
      [&context, options] { run_action(context, [&] { return show(context, *options); }); });

  auto* load_command = refdata->add_subcommand(
      "load",
      "Check every file under the data directory and store it in the database, all or "
      "nothing");
  load_command->callback([&context] { run_action(context, [&] { return load(context); }); });
}

}  // namespace cp::cli
