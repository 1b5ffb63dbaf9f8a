// connectpost report statement|csdc|transfer|exceptions|fees --date D [--format csv|xlsx|json]
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "eod/reports.h"

namespace cp::cli {
namespace {

struct ReportOptions {
  std::string name;
  std::string date;
  std::string format = "csv";
  std::string out;
  std::string account;
  bool json = false;
};

Result<void> report(const AppContext& context, const ReportOptions& options) {
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(options.date));
  const std::string format = options.json ? "json" : options.format;
  if (format != "csv" && format != "xlsx" && format != "json") {
    return invalid_input("--format must be csv, xlsx or json", "format");
  }
  if (format == "xlsx" && options.out.empty()) {
    return invalid_input("an XLSX report needs --out FILE", "out");
  }
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(eod::Report built,
                      eod::build_report(*db, options.name, date, options.account));
  if (format == "xlsx") {
    CP_RETURN_IF_ERROR(eod::write_report_xlsx(built, options.out));
    std::cout << "wrote " << built.rows.size() << " rows to " << options.out << "\n";
    return Ok{};
  }
  const std::string text = format == "csv" ? eod::report_csv(built) : eod::report_json(built);
  if (options.out.empty()) {
    std::cout << text;
    return Ok{};
  }
  std::ofstream file(options.out, std::ios::binary);
  file << text;
  if (!file) return make_error(ErrorCode::kInternal, "cannot write " + options.out);
  std::cout << "wrote " << built.rows.size() << " rows to " << options.out << "\n";
  return Ok{};
}

}  // namespace

void register_report_command(CLI::App& app, AppContext& context) {
  auto options = std::make_shared<ReportOptions>();
  auto* command = app.add_subcommand(
      "report",
      "EOD reports of a date from the stored results: statement, csdc, transfer, "
      "exceptions, fees");
  command->add_option("name", options->name, "statement | csdc | transfer | exceptions | fees")
      ->required();
  command->add_option("--date", options->date, "Business date, YYYY-MM-DD")->required();
  command->add_option("--format", options->format, "csv (default), xlsx or json");
  command->add_flag("--json", options->json, "Same as --format json");
  command->add_option("--out", options->out, "Write to this file (required for xlsx)");
  command->add_option("--account", options->account, "Statement of one investor");
  command->callback(
      [&context, options] { run_action(context, [&] { return report(context, *options); }); });
}

}  // namespace cp::cli
