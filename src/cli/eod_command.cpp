// connectpost eod run | ledger check
#include <cstdlib>
#include <iomanip>
#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/progress_output.h"
#include "cli/transfer_output.h"
#include "eod/eod_run.h"
#include "store/ledger_check.h"

namespace cp::cli {
namespace {

struct EodOptions {
  std::string date;
  bool json = false;
};

std::string rmb(const Decimal& value) {
  return value.to_string_grouped();
}

Result<void> run(const AppContext& context, const EodOptions& options) {
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(options.date));
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  eod::EodInputs inputs{context.config.get("data_dir"), &context.clock, 0, context.actor()};
  ProgressPrinter progress(context, "eod run " + options.date);
  inputs.progress = &progress;
  if (const char* pause = std::getenv("CONNECTPOST_EOD_PAUSE_BEFORE_COMMIT_MS")) {
    inputs.pause_before_commit_ms = std::atoi(pause);  // test hook (docs/eod.md)
  }
  if (const char* pause = std::getenv("CONNECTPOST_EOD_PAUSE_WHILE_COMPUTING_MS")) {
    inputs.pause_while_computing_ms = std::atoi(pause);  // test hook (docs/eod.md)
  }
  CP_ASSIGN_OR_RETURN(eod::EodReport report, eod::run_eod(*db, date, inputs));
  if (options.json) {
    Json settlements = Json::array();
    for (const auto& s : report.settlements) {
      settlements.push_back({{"channel", channel_code(s.channel)},
                             {"reserve", money_kind_text(s.reserve)},
                             {"executions", s.obligation.executions},
                             {"buy_rmb", s.obligation.buy_rmb.to_string()},
                             {"sell_rmb", s.obligation.sell_rmb.to_string()},
                             {"net_rmb", s.obligation.net_rmb.to_string()},
                             {"commission_rmb", s.obligation.commission_rmb.to_string()},
                             {"flow", s.flow},
                             {"date", s.flow_date.to_string()},
                             {"cutoff_hkt", s.cutoff_hkt.to_string()}});
    }
    Json reserves = Json::array();
    for (const auto& r : report.reserves) {
      reserves.push_back({{"channel", channel_code(r.channel)},
                          {"reserve", money_kind_text(r.reserve)},
                          {"marks_hkd", r.risk.marks_hkd.to_string()},
                          {"margin_method", clearing::risk_margin_method_code(r.risk.method)},
                          {"margin_hkd", r.risk.margin_hkd.to_string()},
                          {"risk_funds_hkd", r.risk.risk_funds_hkd.to_string()},
                          {"risk_funds_rmb", r.risk.risk_funds_rmb.to_string()},
                          {"risk_funds_date", r.risk_funds_date.to_string()}});
    }
    Json delays = Json::array();
    for (const auto& d : report.delays) {
      delays.push_back({{"trade_date", d.trade_date.to_string()},
                        {"channel", channel_code(d.channel)},
                        {"account", d.account_id},
                        {"net_rmb", d.net_rmb.to_string()},
                        {"planned_date", d.planned_date.to_string()},
                        {"settlement_date", d.settlement_date.to_string()},
                        {"reason", d.reason}});
    }
    Json reissues = Json::array();
    for (const auto& r : report.reissues) {
      reissues.push_back(
          {{"channel", channel_code(r.channel)},
           {"reserve", money_kind_text(r.reserve)},
           {"still_due_rmb", r.reissue.still_due_rmb.to_string()},
           {"instructed_rmb",
            r.reissue.instructed_rmb ? Json(r.reissue.instructed_rmb->to_string()) : Json(nullptr)},
           {"recomputed_rmb", r.reissue.recomputed_rmb.to_string()},
           {"instruction", r.reissue.instruction}});
    }
    Json pre_clearing = Json::array();
    for (const auto& p : report.pre_clearing) {
      pre_clearing.push_back(
          {{"account", p.account_id},
           {"cash_rmb", p.result.cash_rmb.to_string()},
           {"unsettled_buys_rmb", p.result.unsettled_buys_rmb.to_string()},
           {"unsettled_sells_rmb", p.result.unsettled_sells_rmb.to_string()},
           {"portfolio_fee_rmb", p.inputs.portfolio_fee_rmb.to_string()},
           {"other_settled_since_rmb", p.result.other_settled_since_rmb.to_string()},
           {"other_unsettled_rmb", p.result.other_unsettled_rmb.to_string()},
           {"frozen_adjustment_rmb", p.result.frozen_adjustment_rmb.to_string()},
           {"available_southbound_rmb", p.result.available_southbound_rmb.to_string()},
           {"available_a_share_rmb", p.result.available_a_share_rmb.to_string()},
           {"notify", p.result.notify}});
    }
    Json transfers = Json::array();
    for (const auto& t : report.transfers) transfers.push_back(transfer_json(t));
    Json exceptions = Json::array();
    for (const auto& x : report.exceptions) {
      exceptions.push_back({{"kind", x.kind},
                            {"subject", x.subject},
                            {"amount_rmb", x.amount_rmb.to_string()},
                            {"penalty_rmb", x.penalty_rmb.to_string()},
                            {"interest_rmb", x.interest_rmb.to_string()},
                            {"action", x.action}});
    }
    print_json(std::cout,
               {{"business_date", date.to_string()},
                {"exceptions", exceptions},
                {"executions", report.executions},
                {"investors", report.investors},
                {"postings", report.postings},
                {"csdc", settlements},
                {"reserves", reserves},
                {"transfers", transfers},
                {"pre_clearing", pre_clearing},
                {"reissued_transfers", reissues},
                {"settlement_delays", delays},
                {"result_digest", report.digest},
                {"audit_head", std::to_string(report.audit_seq) + ":" + report.audit_hash}});
    return Ok{};
  }
  std::cout << "End-of-day clearing of " << date.to_string() << ": " << report.executions
            << " executions, " << report.investors << " investor obligations, " << report.postings
            << " postings\n\nNet trading money with CSDC (positive: the broker pays)\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : report.settlements) {
    rows.push_back({std::string(channel_code(s.channel)), money_kind_text(s.reserve),
                    std::to_string(s.obligation.executions), rmb(s.obligation.buy_rmb),
                    rmb(s.obligation.sell_rmb), rmb(s.obligation.net_rmb),
                    rmb(s.obligation.commission_rmb),
                    s.flow_date.to_string() + " " + s.cutoff_hkt.to_string()});
  }
  print_table(std::cout,
              {"CHANNEL", "RESERVE", "EXECUTIONS", "BUY (RMB)", "SELL (RMB)", "NET (RMB)",
               "COMMISSION (RMB)", "SETTLES"},
              rows, {2, 3, 4, 5, 6});
  std::cout << "\nRisk funds (CLR-9)\n";
  std::vector<std::vector<std::string>> risk_rows;
  for (const auto& r : report.reserves) {
    risk_rows.push_back({std::string(channel_code(r.channel)), money_kind_text(r.reserve),
                         r.risk.marks_hkd.to_string_grouped(),
                         clearing::risk_margin_method_code(r.risk.method),
                         r.risk.margin_hkd.to_string_grouped(), rmb(r.risk.risk_funds_rmb),
                         r.risk_funds_date.to_string()});
  }
  print_table(
      std::cout,
      {"CHANNEL", "RESERVE", "MARKS (HKD)", "MARGIN BY", "MARGIN (HKD)", "RISK FUNDS (RMB)", "DUE"},
      risk_rows, {2, 4, 5});
  print_transfers(std::cout, report.transfers);
  for (const auto& r : report.reissues) {
    std::cout << "Reissued (CLR-19): " << channel_code(r.channel) << " "
              << money_kind_text(r.reserve) << ": " << r.reissue.instruction << "\n";
  }
  if (!report.delays.empty()) {
    std::cout << "\nSettlement delays (CLR-18): " << report.delays.size()
              << " investor(s) to tell that their clearing date moved\n";
    for (const auto& d : report.delays) {
      std::cout << "  " << d.account_id << " " << channel_code(d.channel) << " "
                << d.trade_date.to_string() << ": " << d.planned_date.to_string() << " → "
                << d.settlement_date.to_string() << " (" << d.reason << ")\n";
    }
  }
  int64_t to_notify = 0;
  for (const auto& p : report.pre_clearing) to_notify += p.result.notify ? 1 : 0;
  std::cout << "\nPre-clearing (CLR-14): " << report.pre_clearing.size()
            << " client investors at stake, " << to_notify
            << " with available funds below zero to notify (report pre-clearing --date "
            << date.to_string() << ")\n";
  if (!report.exceptions.empty()) {
    std::cout << "\nExceptions\n";
    std::vector<std::vector<std::string>> exception_rows;
    for (const auto& x : report.exceptions) exception_rows.push_back({x.kind, x.subject, x.action});
    print_table(std::cout, {"KIND", "SUBJECT", "ACTION"}, exception_rows);
  }
  std::cout << "\nStages:";
  for (const auto& [stage, seconds] : report.stage_seconds) {
    std::cout << " " << stage << " " << std::fixed << std::setprecision(2) << seconds << " s;";
  }
  std::cout << "\nresult digest " << report.digest << " (a rerun gives the same)\n"
            << "audit head " << report.audit_seq << ":" << report.audit_hash
            << " (an anchor for audit verify --anchor)\n";
  return Ok{};
}

Result<void> check(const AppContext& context, const EodOptions& options) {
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(options.date));
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(const store::LedgerCheck result, store::check_ledger(*db, date));
  if (options.json) {
    print_json(std::cout, {{"business_date", date.to_string()},
                           {"ok", result.breaks.empty()},
                           {"breaks", result.breaks},
                           {"checks", result.checks},
                           {"notes", result.notes}});
  } else {
    std::cout << "ledger of " << date.to_string() << "\n";
    for (const auto& item : result.checks) std::cout << "  ok     " << item << "\n";
    for (const auto& item : result.notes) std::cout << "  note   " << item << "\n";
    for (const auto& item : result.breaks) std::cout << "  break: " << item << "\n";
  }
  if (!result.breaks.empty()) {
    return rule_violation(std::to_string(result.breaks.size()) + " ledger break(s) on " +
                          date.to_string());
  }
  return Ok{};
}

}  // namespace

void register_eod_commands(CLI::App& app, AppContext& context) {
  auto options = std::make_shared<EodOptions>();
  auto* eod = app.add_subcommand("eod", "The end-of-day clearing run");
  eod->require_subcommand(1);
  auto* run_command = eod->add_subcommand("run",
                                          "Clear a trade date: fees, commission, RMB "
                                          "amounts, investor and CSDC obligations, ledger");
  run_command->add_option("--date", options->date, "Trade date, YYYY-MM-DD")->required();
  run_command->add_flag("--json", options->json, "Print JSON");
  run_command->callback(
      [&context, options] { run_action(context, [&] { return run(context, *options); }); });
  register_what_if_command(*eod, context);

  auto* ledger = app.add_subcommand("ledger", "The double-entry journal");
  ledger->require_subcommand(1);
  auto* check_command =
      ledger->add_subcommand("check", "Verify a date's journal; exit 1 on a break");
  check_command->add_option("--date", options->date, "YYYY-MM-DD")->required();
  check_command->add_flag("--json", options->json, "Print JSON");
  check_command->callback(
      [&context, options] { run_action(context, [&] { return check(context, *options); }); });
}

}  // namespace cp::cli
