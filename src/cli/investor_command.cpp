// connectpost investor check --account A --channel sh|sz --date D [--json]: whether an investor
// may be granted the Southbound permission on a channel, every rule with its evidence and reason
// (issue 18; investors/suitability.h). The evidence comes in by `import asset-snapshots`,
// `questionnaires`, `knowledge-tests`, `trading-warnings`, `investor-profiles` and
// `permission-documents` (docs/formats.md "Investor evidence").
//
// connectpost investor closing-check --account A --channel sh|sz --date D [--json]: whether the
// counter may close the permission on D (SPEC SUIT-5; investors/closing.h), from the trades the
// store holds — the EOD's results, or the executions imported before a date has run.
//
// The registry's commands (grant, close, permissions, reassessments) are in
// cli/investor_permission_command.cpp.
#include <iostream>

#include "cli/commands.h"
#include "cli/investor_steps.h"

namespace cp::cli {
namespace {

Result<void> check(const AppContext& context, const InvestorOptions& options) {
  CP_ASSIGN_OR_RETURN(InvestorRequest request, open_request(context, options));
  const auto& [loaded, channel, date] = request;
  CP_ASSIGN_OR_RETURN(const investors::Assessment assessment,
                      assess_investor(loaded, options.account, channel, date));
  if (options.json) {
    print_json(std::cout, assessment_json(assessment, options.account, channel, date));
    return Ok{};
  }
  std::cout << "account " << options.account << " on " << channel_code(channel) << ", "
            << date.to_string() << ": " << (assessment.eligible ? "eligible" : "not eligible")
            << "\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : assessment.rules) {
    rows.push_back(
        {std::string(investors::rule_code(r.rule)), r.passed ? "yes" : "no", r.evidence, r.reason});
  }
  print_table(std::cout, {"RULE", "PASSED", "EVIDENCE", "WHY NOT"}, rows);
  return Ok{};
}

Result<void> closing_check(const AppContext& context, const InvestorOptions& options) {
  CP_ASSIGN_OR_RETURN(InvestorRequest request, open_request(context, options));
  const auto& [loaded, channel, today] = request;
  CP_ASSIGN_OR_RETURN(const ClosingOutcome outcome,
                      check_closing_of(loaded, options.account, channel, today));
  if (options.json) {
    print_json(std::cout, closing_json(outcome, options.account, channel, today));
    return Ok{};
  }
  std::cout << "account " << options.account << " on " << channel_code(channel) << ", "
            << today.to_string() << ": closing " << (outcome.check.allowed ? "allowed" : "refused")
            << "\n";
  for (const std::string& reason : outcome.check.reasons) std::cout << "  - " << reason << "\n";
  if (outcome.trades.empty()) return Ok{};
  std::cout << "\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& t : outcome.trades) {
    rows.push_back({t.trade_id, t.trade_date.to_string(), std::string(side_code(t.side)),
                    t.securities_settlement_date.to_string(), t.money_settlement_date.to_string(),
                    t.amount_rmb ? t.amount_rmb->to_string_grouped() : "not yet cleared"});
  }
  print_table(std::cout, {"TRADE", "DATE", "SIDE", "SECURITIES SETTLE", "MONEY SETTLES", "RMB"},
              rows);
  return Ok{};
}

// --account, --channel, --date (required) and --json on `command`.
void add_investor_options(CLI::App* command, InvestorOptions& options, const char* date_help) {
  command->add_option("--account", options.account, "The investor's account")->required();
  command->add_option("--channel", options.channel, "sh or sz")->required();
  command->add_option("--date", options.date, date_help)->required();
  command->add_flag("--json", options.json, "Print JSON");
}

}  // namespace

void register_investor_commands(CLI::App& app, AppContext& context) {
  auto* investor = app.add_subcommand("investor", "Investors' Southbound permission");
  investor->require_subcommand(1);
  auto options = std::make_shared<InvestorOptions>();
  auto* check_command = investor->add_subcommand(
      "check", "Whether the permission may be granted: every rule, its evidence and reason");
  add_investor_options(check_command, *options, "The application date, YYYY-MM-DD");
  check_command->callback(
      [&context, options] { run_action(context, [&] { return check(context, *options); }); });
  auto* closing = investor->add_subcommand(
      "closing-check", "Whether the counter may close the permission: the trades still settling");
  add_investor_options(closing, *options, "The day of closing, YYYY-MM-DD");
  closing->callback([&context, options] {
    run_action(context, [&] { return closing_check(context, *options); });
  });
  register_investor_permission_commands(*investor, context);
}

}  // namespace cp::cli
