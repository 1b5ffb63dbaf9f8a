// connectpost report
// statement|csdc|transfer|exceptions|fees|pre-clearing|risk-funds|book-stress|ca-credits
//   --date D [--format csv|xlsx|json]
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/transfer_output.h"
#include "eod/report_format.h"
#include "store/eod_report_store.h"
#include "store/transfer_store.h"

namespace cp::cli {
namespace {

// Prints `text`, or writes it to `out` and says how many rows went there.
Result<void> write_text(const std::string& text, const std::string& out, size_t rows) {
  if (out.empty()) {
    std::cout << text;
    return Ok{};
  }
  std::ofstream file(out, std::ios::binary);
  file << text;
  if (!file) return make_error(ErrorCode::kInternal, "cannot write " + out);
  std::cout << "wrote " << rows << " rows to " << out << "\n";
  return Ok{};
}

struct ReportOptions {
  std::string name;
  std::string date;
  std::string settlement_date;
  std::string format = "csv";
  std::string out;
  std::string account;
  bool json = false;
};

Result<void> report(const AppContext& context, const ReportOptions& options) {
  // The transfer report may be asked for by the settlement day it instructs (CLR-11).
  const bool by_settlement_date = !options.settlement_date.empty();
  if (by_settlement_date == !options.date.empty()) {
    return invalid_input("give --date, or --settlement-date for the transfer report", "date");
  }
  if (by_settlement_date && options.name != "transfer") {
    return invalid_input("--settlement-date is for the transfer report only", "settlement-date");
  }
  CP_ASSIGN_OR_RETURN(Date date,
                      Date::parse(by_settlement_date ? options.settlement_date : options.date));
  const std::string format = options.json ? "json" : options.format;
  if (format != "csv" && format != "xlsx" && format != "json") {
    return invalid_input("--format must be csv, xlsx or json", "format");
  }
  if (format == "xlsx" && options.out.empty()) {
    return invalid_input("an XLSX report needs --out FILE", "out");
  }
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  if (options.name == "transfer" && format == "json") {
    // Each instruction as an object, its trade dates as a list (cli/transfer_output.h).
    CP_ASSIGN_OR_RETURN(eod::Report built, by_settlement_date
                                               ? store::transfer_report(*db, date, true)
                                               : store::build_report(*db, "transfer", date));
    CP_ASSIGN_OR_RETURN(auto transfers, store::load_transfers(*db, date, by_settlement_date));
    Json rows = Json::array();
    for (const auto& t : transfers) rows.push_back(transfer_json(t));
    std::ostringstream text;
    print_json(text, {{"report", "transfer"}, {"title", built.title}, {"rows", rows}});
    return write_text(text.str(), options.out, transfers.size());
  }
  CP_ASSIGN_OR_RETURN(eod::Report built,
                      by_settlement_date
                          ? store::transfer_report(*db, date, true)
                          : store::build_report(*db, options.name, date, options.account));
  if (format == "xlsx") {
    CP_RETURN_IF_ERROR(eod::write_report_xlsx(built, options.out));
    std::cout << "wrote " << built.rows.size() << " rows to " << options.out << "\n";
    return Ok{};
  }
  const std::string text = format == "csv" ? eod::report_csv(built) : eod::report_json(built);
  return write_text(text, options.out, built.rows.size());
}

}  // namespace

void register_report_command(CLI::App& app, AppContext& context) {
  auto options = std::make_shared<ReportOptions>();
  auto* command = app.add_subcommand(
      "report",
      "EOD reports of a date from the stored results: statement, csdc, transfer, "
      "exceptions, fees, pre-clearing, risk-funds (CLR-9), book-stress (ORG-4), ca-credits "
      "(CLR-7)");
  command
      ->add_option("name", options->name,
                   "statement | csdc | transfer | exceptions | fees | pre-clearing | risk-funds | "
                   "book-stress | ca-credits")
      ->required();
  command->add_option("--date", options->date, "Business date, YYYY-MM-DD");
  command->add_option("--settlement-date", options->settlement_date,
                      "transfer only: the settlement day's instructions, YYYY-MM-DD");
  command->add_option("--format", options->format, "csv (default), xlsx or json");
  command->add_flag("--json", options->json, "Same as --format json");
  command->add_option("--out", options->out, "Write to this file (required for xlsx)");
  command->add_option("--account", options->account, "Statement of one investor");
  command->callback(
      [&context, options] { run_action(context, [&] { return report(context, *options); }); });
}

}  // namespace cp::cli
