// connectpost investor check --account A --channel sh|sz --date D [--json]: whether an investor
// may be granted the Southbound permission on a channel, every rule with its evidence and reason
// (issue 18; investors/suitability.h). The evidence comes in by `import asset-snapshots`,
// `questionnaires`, `knowledge-tests`, `trading-warnings`, `investor-profiles` and
// `permission-documents` (docs/formats.md "Investor evidence").
#include <iostream>

#include "calendar/southbound_calendar.h"
#include "cli/commands.h"
#include "cli/loaded_reference.h"
#include "cli/output.h"
#include "investors/asset_window.h"
#include "investors/suitability.h"
#include "store/investor_evidence_store.h"

namespace cp::cli {
namespace {

struct InvestorOptions {
  std::string account;
  std::string channel;
  std::string date;
  bool json = false;
};

Result<void> check(const AppContext& context, const InvestorOptions& options) {
  CP_ASSIGN_OR_RETURN(LoadedReference loaded, load_reference(context));
  CP_ASSIGN_OR_RETURN(const Channel channel, parse_channel(options.channel));
  CP_ASSIGN_OR_RETURN(const Date date, Date::parse(options.date));
  CP_ASSIGN_OR_RETURN(const investors::ChannelRules rules,
                      investors::channel_rules(loaded.refdata.parameters, channel, date));
  CP_ASSIGN_OR_RETURN(auto southbound, calendar::SouthboundCalendar::build(
                                           loaded.calendars, loaded.refdata.parameters, channel));
  CP_ASSIGN_OR_RETURN(const std::vector<Date> window,
                      investors::asset_window(southbound, date, rules.asset_window_days));
  CP_ASSIGN_OR_RETURN(
      const investors::Evidence evidence,
      store::investor_evidence(*loaded.db, options.account, channel, date, window.front()));
  const investors::Assessment assessment = investors::assess(rules, evidence, date, window);
  if (options.json) {
    Json rules_json = Json::array();
    for (const auto& r : assessment.rules) {
      rules_json.push_back({{"rule", investors::rule_code(r.rule)},
                            {"passed", r.passed},
                            {"evidence", r.evidence},
                            {"reason", r.reason}});
    }
    print_json(std::cout, {{"account", options.account},
                           {"channel", channel_code(channel)},
                           {"date", date.to_string()},
                           {"eligible", assessment.eligible},
                           {"rules", rules_json}});
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

}  // namespace

void register_investor_commands(CLI::App& app, AppContext& context) {
  auto* investor = app.add_subcommand("investor", "Investors' Southbound permission");
  investor->require_subcommand(1);
  auto options = std::make_shared<InvestorOptions>();
  auto* check_command = investor->add_subcommand(
      "check", "Whether the permission may be granted: every rule, its evidence and reason");
  check_command->add_option("--account", options->account, "The investor's account")->required();
  check_command->add_option("--channel", options->channel, "sh or sz")->required();
  check_command->add_option("--date", options->date, "The application date, YYYY-MM-DD")
      ->required();
  check_command->add_flag("--json", options->json, "Print JSON");
  check_command->callback(
      [&context, options] { run_action(context, [&] { return check(context, *options); }); });
}

}  // namespace cp::cli
