// connectpost investor check --account A --channel sh|sz --date D [--json]: whether an investor
// may be granted the Southbound permission on a channel, every rule with its evidence and reason
// (issue 18; investors/suitability.h). The evidence comes in by `import asset-snapshots`,
// `questionnaires`, `knowledge-tests`, `trading-warnings`, `investor-profiles` and
// `permission-documents` (docs/formats.md "Investor evidence").
//
// connectpost investor closing-check --account A --channel sh|sz --date D [--json]: whether the
// counter may close the permission on D (SPEC SUIT-5; investors/closing.h), from the trades the
// store holds — the EOD's results, or the executions imported before a date has run.
#include <iostream>

#include "calendar/settlement.h"
#include "calendar/southbound_calendar.h"
#include "cli/commands.h"
#include "cli/loaded_reference.h"
#include "cli/output.h"
#include "investors/asset_window.h"
#include "investors/closing.h"
#include "investors/suitability.h"
#include "store/investor_evidence_store.h"
#include "store/investor_trades_store.h"

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

Json trade_json(const investors::TradeOnRecord& t) {
  return {{"trade_id", t.trade_id},
          {"trade_date", t.trade_date.to_string()},
          {"side", side_code(t.side)},
          {"securities_settlement_date", t.securities_settlement_date.to_string()},
          {"money_settlement_date", t.money_settlement_date.to_string()},
          {"amount_rmb", t.amount_rmb ? Json(t.amount_rmb->to_string()) : Json(nullptr)}};
}

Result<void> closing_check(const AppContext& context, const InvestorOptions& options) {
  CP_ASSIGN_OR_RETURN(LoadedReference loaded, load_reference(context));
  CP_ASSIGN_OR_RETURN(const Channel channel, parse_channel(options.channel));
  CP_ASSIGN_OR_RETURN(const Date today, Date::parse(options.date));
  CP_RETURN_IF_ERROR(store::investor_type(*loaded.db, options.account));
  CP_ASSIGN_OR_RETURN(auto southbound, calendar::SouthboundCalendar::build(
                                           loaded.calendars, loaded.refdata.parameters, channel));
  CP_ASSIGN_OR_RETURN(const auto schedules, investors::unsettled_trade_dates(
                                                southbound, loaded.refdata.parameters, today));
  investors::TodaysTrades todays = investors::TodaysTrades::kNoTrading;
  std::vector<investors::TradeOnRecord> trades;
  for (const calendar::SettlementSchedule& schedule : schedules) {
    CP_ASSIGN_OR_RETURN(
        const store::AccountTradesOfDay day,
        store::account_trades(*loaded.db, schedule.trade_date, channel, options.account));
    if (schedule.trade_date == today) {
      todays =
          day.imported ? investors::TodaysTrades::kKnown : investors::TodaysTrades::kNotImported;
    }
    for (const auto& trade : day.trades) trades.push_back(investors::on_record(trade, schedule));
  }
  const investors::ClosingCheck checked = investors::check_closing(trades, today, todays);
  if (options.json) {
    Json trades_json = Json::array();
    for (const auto& t : trades) trades_json.push_back(trade_json(t));
    print_json(std::cout, {{"account", options.account},
                           {"channel", channel_code(channel)},
                           {"date", today.to_string()},
                           {"allowed", checked.allowed},
                           {"reasons", checked.reasons},
                           {"trades", trades_json}});
    return Ok{};
  }
  std::cout << "account " << options.account << " on " << channel_code(channel) << ", "
            << today.to_string() << ": closing " << (checked.allowed ? "allowed" : "refused")
            << "\n";
  for (const std::string& reason : checked.reasons) std::cout << "  - " << reason << "\n";
  if (trades.empty()) return Ok{};
  std::cout << "\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& t : trades) {
    rows.push_back({t.trade_id, t.trade_date.to_string(), std::string(side_code(t.side)),
                    t.securities_settlement_date.to_string(), t.money_settlement_date.to_string(),
                    t.amount_rmb ? t.amount_rmb->to_string_grouped() : "not yet cleared"});
  }
  print_table(std::cout, {"TRADE", "DATE", "SIDE", "SECURITIES SETTLE", "MONEY SETTLES", "RMB"},
              rows);
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
  auto* closing = investor->add_subcommand(
      "closing-check", "Whether the counter may close the permission: the trades still settling");
  closing->add_option("--account", options->account, "The investor's account")->required();
  closing->add_option("--channel", options->channel, "sh or sz")->required();
  closing->add_option("--date", options->date, "The day of closing, YYYY-MM-DD")->required();
  closing->add_flag("--json", options->json, "Print JSON");
  closing->callback([&context, options] {
    run_action(context, [&] { return closing_check(context, *options); });
  });
}

}  // namespace cp::cli
