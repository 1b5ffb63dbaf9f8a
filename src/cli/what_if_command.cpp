// connectpost eod what-if (issue 15 §5; eod/what_if.h, docs/eod.md "What-if").
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/output.h"
#include "eod/what_if.h"

namespace cp::cli {
namespace {

struct WhatIfOptions {
  std::string date;
  std::string as_of_rules;
  std::vector<std::string> settings;
  std::string account;
  bool json = false;
};

Json lines_json(const std::vector<eod::WhatIfLine>& lines) {
  Json out = Json::array();
  for (const auto& l : lines) {
    out.push_back({{"channel", l.channel},
                   {"who", l.reserve},
                   {"item", l.item},
                   {"currency", l.currency},
                   {"baseline", l.baseline.to_string()},
                   {"what_if", l.what_if.to_string()},
                   {"difference", l.difference().to_string()}});
  }
  return out;
}

void print_lines(const std::vector<eod::WhatIfLine>& lines, const char* who) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& l : lines) {
    rows.push_back({l.channel, l.reserve, l.item, l.currency, l.baseline.to_string_grouped(),
                    l.what_if.to_string_grouped(),
                    l.difference().sign() == 0 ? "" : l.difference().to_string_grouped()});
  }
  print_table(std::cout, {"CHANNEL", who, "ITEM", "CCY", "BASELINE", "WHAT-IF", "DIFFERENCE"},
              rows);
}

Result<void> what_if(const AppContext& context, const WhatIfOptions& options) {
  eod::WhatIfRequest request;
  CP_ASSIGN_OR_RETURN(request.date, Date::parse(options.date));
  if (options.as_of_rules.empty() && options.settings.empty()) {
    return invalid_input("say what to change: --as-of-rules DATE and/or --set KEY=VALUE",
                         "--as-of-rules");
  }
  if (!options.as_of_rules.empty()) {
    auto rules = Date::parse(options.as_of_rules);
    if (!rules.ok()) return invalid_input(rules.error().message, "--as-of-rules");
    request.as_of_rules = *rules;
  }
  for (const auto& setting : options.settings) {
    const size_t equals = setting.find('=');
    if (equals == std::string::npos || equals == 0) {
      return invalid_input("--set takes KEY=VALUE, got '" + setting + "'", "--set");
    }
    request.settings.emplace_back(setting.substr(0, equals), setting.substr(equals + 1));
  }
  request.account = options.account;
  request.data_dir = context.config.get("data_dir");
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(const eod::WhatIf result, eod::what_if(*db, request));
  if (options.json) {
    print_json(std::cout,
               {{"business_date", result.date.to_string()},
                {"rules_date", result.rules_date.to_string()},
                {"settings", result.settings},
                {"baseline_digest", result.baseline_digest},
                {"what_if_digest", result.what_if_digest},
                {"stored_digest", result.stored_digest ? Json(*result.stored_digest) : Json()},
                {"lines", lines_json(result.lines)},
                {"account_lines", lines_json(result.account_lines)}});
    return Ok{};
  }
  std::cout << "What-if of " << result.date.to_string() << " under the rules of "
            << result.rules_date.to_string();
  for (const auto& s : result.settings) std::cout << ", " << s;
  std::cout << " (nothing stored)\n";
  if (!result.stored_digest) {
    std::cout << "baseline: no stored run of this date; computed from its stored inputs\n";
  } else if (*result.stored_digest == result.baseline_digest) {
    std::cout << "baseline: the day under its own rules, digest " << result.baseline_digest
              << " = the stored run's\n";
  } else {
    std::cout << "baseline: digest " << result.baseline_digest << " differs from the stored run's "
              << *result.stored_digest << " (inputs or rules changed since it ran)\n";
  }
  std::cout << "\n";
  print_lines(result.lines, "RESERVE");
  if (!result.account_lines.empty()) {
    std::cout << "\n";
    print_lines(result.account_lines, "ACCOUNT");
  }
  return Ok{};
}

}  // namespace

void register_what_if_command(CLI::App& eod, AppContext& context) {
  auto options = std::make_shared<WhatIfOptions>();
  auto* command = eod.add_subcommand(
      "what-if",
      "Compute a stored day again under another date's rules or with parameters set, beside the "
      "day under its own rules, and print the differences; nothing is stored");
  command->add_option("--date", options->date, "The stored trade date, YYYY-MM-DD")->required();
  command->add_option("--as-of-rules", options->as_of_rules,
                      "Use this date's fee schedule and parameters, YYYY-MM-DD");
  command->add_option("--set", options->settings,
                      "KEY=VALUE: a parameter's value (data/parameters.csv), repeatable");
  command->add_option("--account", options->account, "Also the differences of this investor");
  command->add_flag("--json", options->json, "Print JSON");
  command->callback(
      [&context, options] { run_action(context, [&] { return what_if(context, *options); }); });
}

}  // namespace cp::cli
