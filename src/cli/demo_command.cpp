#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"
#include "eod/demo_data.h"
#include "eod/trade_summary_job.h"
#include "refdata/refdata.h"
#include "store/execution_store.h"
#include "store/migrations.h"
#include "store/refdata_store.h"

namespace cp::cli {
namespace {

struct DemoOptions {
  std::string date = "2024-03-15";
  int accounts = 20'000;
  int executions = 200'000;
  uint64_t seed = 20241115;
  bool json = false;
};

std::string grouped(int64_t value) {
  return Decimal::from_int(value).to_string_grouped();
}

Result<void> run_demo(const AppContext& context, const DemoOptions& options) {
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(options.date));
  if (options.accounts < 1 || options.executions < 1) {
    return invalid_input("--accounts and --executions must be at least 1");
  }
  // 1. Reference data, checked before anything is written.
  CP_ASSIGN_OR_RETURN(refdata::RefData data, refdata::load_refdata(context.config.get("data_dir")));
  // 2. The database: created and migrated on first use.
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(auto schema, store::schema_status(*db, store::builtin_migrations()));
  CP_ASSIGN_OR_RETURN(int64_t refdata_rows,
                      store::replace_reference_data(*db, data, format_utc(context.clock.now())));
  // 3. The day's demo trades, replacing any earlier demo trades of that date.
  const auto started = std::chrono::steady_clock::now();
  const auto demo =
      eod::generate_demo_data(date, options.accounts, options.executions, options.seed);
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(*db));
  CP_ASSIGN_OR_RETURN(int64_t new_accounts, store::insert_missing_accounts(*db, demo.accounts));
  CP_ASSIGN_OR_RETURN(int64_t loaded, store::replace_executions(*db, date, demo.executions));
  CP_RETURN_IF_ERROR(tx.commit());
  const double load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  // 4. The end-of-day job.
  CP_ASSIGN_OR_RETURN(auto report, eod::run_trade_summary(*db, date, context.clock));

  const auto in_force = data.parameters.table().all_in_force(date);
  if (options.json) {
    Json rows = Json::array();
    for (const auto& row : report.rows) {
      rows.push_back({{"channel", channel_code(row.channel)},
                      {"side", side_code(row.side)},
                      {"executions", row.executions},
                      {"quantity", row.quantity},
                      {"consideration_hkd", row.consideration_hkd.to_string()},
                      {"accounts", row.accounts}});
    }
    print_json(std::cout, {{"database", db->describe()},
                           {"schema_version", schema.current_version},
                           {"reference_data_rows", refdata_rows},
                           {"parameters_in_force", in_force.size()},
                           {"business_date", date.to_string()},
                           {"accounts", options.accounts},
                           {"executions", loaded},
                           {"summary", rows},
                           {"result_digest", report.digest}});
    return Ok{};
  }

  std::cout << "connectpost demo\n"
            << "  database         " << db->describe() << " (schema version "
            << schema.current_version << ")\n"
            << "  reference data   " << refdata_rows << " rows loaded; " << in_force.size()
            << " parameters in force on " << date.to_string() << "\n"
            << "  demo trades      " << grouped(options.accounts) << " accounts ("
            << grouped(new_accounts) << " new), " << grouped(loaded) << " executions for "
            << date.to_string() << ", stored in " << std::fixed << std::setprecision(2)
            << load_seconds << " s\n\n"
            << "End-of-day trade summary for " << date.to_string() << "\n";
  std::vector<std::vector<std::string>> table;
  Decimal total_consideration;
  int64_t total_executions = 0;
  for (const auto& row : report.rows) {
    table.push_back({std::string(channel_code(row.channel)), std::string(side_code(row.side)),
                     grouped(row.executions), grouped(row.quantity),
                     row.consideration_hkd.to_string_grouped(), grouped(row.accounts)});
    total_consideration += row.consideration_hkd;
    total_executions += row.executions;
  }
  table.push_back(
      {"all", "", grouped(total_executions), "", total_consideration.to_string_grouped(), ""});
  print_table(std::cout,
              {"CHANNEL", "SIDE", "EXECUTIONS", "SHARES", "CONSIDERATION (HKD)", "ACCOUNTS"}, table,
              {2, 3, 4, 5});
  std::cout << "\n  stages           load " << std::setprecision(3) << report.seconds_load
            << " s, compute " << report.seconds_compute << " s, store " << report.seconds_store
            << " s\n"
            << "  result digest    " << report.digest
            << " (FNV-1a of the result rows; a rerun prints the same)\n";
  return Ok{};
}

}  // namespace

void register_demo_command(CLI::App& app, AppContext& context) {
  auto options = std::make_shared<DemoOptions>();
  auto* demo = app.add_subcommand(
      "demo",
      "Create and migrate the database, load reference data and a generated trading day, "
      "run the end-of-day job and print its summary");
  demo->add_option("--date", options->date, "Business date of the generated trades")
      ->capture_default_str();
  demo->add_option("--accounts", options->accounts, "Number of investor accounts")
      ->capture_default_str();
  demo->add_option("--executions", options->executions, "Number of executions")
      ->capture_default_str();
  demo->add_option("--seed", options->seed, "Seed of the generator")->capture_default_str();
  demo->add_flag("--json", options->json, "Print JSON");
  demo->callback(
      [&context, options] { run_action(context, [&] { return run_demo(context, *options); }); });
}

}  // namespace cp::cli
