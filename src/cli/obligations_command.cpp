// connectpost obligations: clearing participants' money obligations to HKSCC (issue 16;
// risk/money_obligations.h, docs/risk.md).
//   obligations --participant P --date D [--json]   what arose for P on D, with status
//   obligations run --date D                         works them out for every participant
//   obligations check-defaults [--at "D HH:MM"]      marks the unpaid past their deadline (MO-2)
//   obligations notify [--at "D HH:MM"]              reports issued, deadlines within the hour
#include <filesystem>
#include <iostream>

#include "cli/audited.h"
#include "cli/commands.h"
#include "cli/firm_notices.h"
#include "cli/output.h"
#include "cli/past_instant_option.h"
#include "refdata/parameters.h"
#include "risk/obligation_json.h"
#include "risk/prepayment.h"
#include "risk/risk_day.h"
#include "store/obligation_store.h"
#include "store/risk_store.h"

namespace cp::cli {
namespace {

struct ObligationOptions {
  std::string participant;
  std::string date;
  std::string at;
  bool json = false;
};

Result<void> show(const AppContext& context, const ObligationOptions& options) {
  if (options.participant.empty() || options.date.empty()) {
    return invalid_input(
        "--participant and --date are required (or: obligations run, "
        "obligations check-defaults)");
  }
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(options.date));
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(auto list, store::obligations_of(*db, options.participant, date));
  const UtcTime now = context.clock.now();
  if (options.json) {
    Json out = Json::array();
    for (const auto& o : list) out.push_back(risk::obligation_json(o, now));
    print_json(
        std::cout,
        {{"participant", options.participant}, {"date", date.to_string()}, {"obligations", out}});
    return Ok{};
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : list) {
    const risk::Obligation& o = s.obligation;
    rows.push_back({risk::obligation_kind_code(o.kind), o.amount_hkd.to_string_grouped(),
                    risk::payment_channel_code(o.channel),
                    o.deadline_date.to_string() + " " + o.deadline_hkt.to_string(),
                    o.report + " " + o.report_date.to_string() + " " + o.report_hkt.to_string(),
                    risk::obligation_status(s, now)});
  }
  std::cout << "participant " << options.participant << ", obligations arising on "
            << date.to_string() << " (HKD, times HKT)\n\n";
  print_table(std::cout, {"OBLIGATION", "AMOUNT", "CHANNEL", "DEADLINE", "REPORT", "STATUS"}, rows,
              {1});
  return Ok{};
}

Result<void> run(const AppContext& context, const ObligationOptions& options) {
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(options.date));
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(risk::RiskReference reference,
                      risk::load_risk_reference(context.config.get("data_dir"), *db));
  CP_ASSIGN_OR_RETURN(auto participants, store::participants_with_positions(*db, date));
  if (participants.empty()) {
    return make_error(ErrorCode::kNotFound,
                      "no CNS positions as of " + date.to_string() + " (import cns-positions)");
  }
  int64_t count = 0;
  std::vector<std::vector<std::string>> rows;
  CP_RETURN_IF_ERROR(audited(
      context, *db, "obligations.run", "obligations:" + date.to_string(),
      {{"date", date.to_string()}, {"participants", participants.size()}}, [&]() -> Result<void> {
        CP_ASSIGN_OR_RETURN(auto worked, risk::work_out_obligations(*db, reference, date));
        for (const auto& w : worked) {
          for (const auto& o : w.obligations) {
            rows.push_back({w.participant, risk::obligation_kind_code(o.kind),
                            o.amount_hkd.to_string_grouped(),
                            o.deadline_date.to_string() + " " + o.deadline_hkt.to_string()});
            ++count;
          }
        }
        return Ok{};
      }));
  std::cout << count << " obligations of " << participants.size() << " participants arising on "
            << date.to_string() << "\n\n";
  print_table(std::cout, {"PARTICIPANT", "OBLIGATION", "AMOUNT (HKD)", "DEADLINE (HKT)"}, rows,
              {2});
  return Ok{};
}

// MO-5: the shares allocated to P on settlement day D, on hold or released, and why.
Result<void> show_shares(const AppContext& context, const ObligationOptions& options) {
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(options.date));
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(auto rows, store::cns_positions_of(*db, options.participant, date));
  std::vector<risk::Allocation> allocations;
  for (const auto& row : rows) {
    if (row.settlement_date == date && row.quantity > 0) {
      allocations.push_back({row.security, row.quantity});
    }
  }
  Decimal due;
  std::vector<risk::DayPayment> payments;
  CP_ASSIGN_OR_RETURN(auto obligations, store::obligations_of(*db, options.participant, date));
  risk::PrepaymentRules rules;
  // With nothing owed (a receivable, or no obligations run yet) the shares come with the day's
  // settlement at the schedule's deadline.
  CP_ASSIGN_OR_RETURN(risk::RiskReference reference,
                      risk::load_risk_reference(context.config.get("data_dir"), *db));
  CP_ASSIGN_OR_RETURN(const auto* rule,
                      reference.schedule.rule(risk::ObligationKind::kSehkTradesMoney, date));
  rules.debit_deadline_hkt = rule->row.deadline_hkt;
  for (const auto& o : obligations) {
    if (o.obligation.kind != risk::ObligationKind::kSehkTradesMoney) continue;
    due = o.obligation.amount_hkd;
    rules.debit_deadline_hkt = o.obligation.deadline_hkt;
    CP_ASSIGN_OR_RETURN(payments, store::payments_on(*db, o.obligation.id, date));
  }
  const refdata::ParameterTable& parameters = reference.risk_parameters;
  CP_ASSIGN_OR_RETURN(rules.chats_cutoff_hkt,
                      parameters.time("prepayment.sehk.chats_cutoff", date));
  CP_ASSIGN_OR_RETURN(rules.others_cutoff_hkt,
                      parameters.time("prepayment.sehk.others_cutoff", date));
  const auto releases = risk::share_releases(allocations, due, payments, rules);
  if (options.json) {
    Json out = Json::array();
    for (const auto& r : releases) {
      out.push_back({{"security", r.security},
                     {"quantity", r.quantity},
                     {"state", risk::release_state_code(r.state)},
                     {"released_at",
                      r.released_hkt
                          ? Json(date.to_string() + "T" + r.released_hkt->to_string() + ":00+08:00")
                          : Json(nullptr)}});
    }
    print_json(std::cout, {{"participant", options.participant},
                           {"date", date.to_string()},
                           {"money_due", due.to_string()},
                           {"allocations", out}});
    return Ok{};
  }
  std::vector<std::vector<std::string>> table;
  for (const auto& r : releases) {
    table.push_back({r.security, std::to_string(r.quantity), risk::release_state_code(r.state),
                     r.released_hkt ? r.released_hkt->to_string() : "-"});
  }
  std::cout << "participant " << options.participant << ", allocations of " << date.to_string()
            << " against HKD " << due.to_string_grouped() << " (MO-5)\n\n";
  print_table(std::cout, {"SECURITY", "SHARES", "STATE", "RELEASED (HKT)"}, table, {1});
  return Ok{};
}

Result<void> check_defaults(const AppContext& context, const ObligationOptions& options) {
  CP_ASSIGN_OR_RETURN(UtcTime now, past_instant_option(options.at, context.clock));
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  std::vector<store::StoredObligation> defaulted;
  Json ids = Json::array();
  FirmNotices notices(context);
  CP_RETURN_IF_ERROR(audited(
      context, *db, "obligations.defaults", "obligations", {{"at", format_utc(now)}},
      [&]() -> Result<void> {
        CP_ASSIGN_OR_RETURN(defaulted, store::mark_defaults(*db, format_utc(now)));
        for (const auto& d : defaulted) {
          ids.push_back(d.obligation.id);
          // MO-2: an event of default under CCASS General Rule 3701; the firm's users are told.
          CP_ASSIGN_OR_RETURN(int64_t told, notices.tell(*db, d, risk::default_notice(d), now));
          (void)told;
        }
        return Ok{};
      }));
  if (options.json) {
    print_json(std::cout, {{"at", format_utc(now)}, {"defaulted", ids}});
  } else {
    std::cout << defaulted.size() << " obligation(s) in default at " << format_hkt(now) << "\n";
    for (const auto& d : defaulted) std::cout << "  " << d.obligation.id << "\n";
  }
  return Ok{};
}

}  // namespace

void register_obligations_commands(CLI::App& app, AppContext& context) {
  auto options = std::make_shared<ObligationOptions>();
  auto* obligations = app.add_subcommand(
      "obligations", "Clearing participants' money obligations to HKSCC (docs/risk.md)");
  obligations->require_subcommand(0, 1);
  obligations->add_option("--participant", options->participant, "HKSCC participant id");
  obligations->add_option("--date", options->date, "The date they arose, YYYY-MM-DD");
  obligations->add_flag("--json", options->json, "Print JSON");
  obligations->callback([&context, options, obligations] {
    if (!obligations->get_subcommands().empty()) return;
    run_action(context, [&] { return show(context, *options); });
  });
  auto* run_command = obligations->add_subcommand(
      "run", "Work out every participant's obligations of a date from its statement (audited)");
  run_command->add_option("--date", options->date, "YYYY-MM-DD")->required();
  run_command->callback(
      [&context, options] { run_action(context, [&] { return run(context, *options); }); });
  auto* shares = obligations->add_subcommand(
      "shares", "The shares allocated on a settlement day: on hold, or released (MO-5)");
  shares->add_option("--participant", options->participant, "HKSCC participant id")->required();
  shares->add_option("--date", options->date, "The settlement day, YYYY-MM-DD")->required();
  shares->add_flag("--json", options->json, "Print JSON");
  shares->callback(
      [&context, options] { run_action(context, [&] { return show_shares(context, *options); }); });
  auto* defaults = obligations->add_subcommand(
      "check-defaults", "Mark obligations unpaid at their deadline as events of default (MO-2)");
  defaults->add_option("--at", options->at, "\"YYYY-MM-DD HH:MM\" HKT (default: now)");
  defaults->add_flag("--json", options->json, "Print JSON");
  defaults->callback([&context, options] {
    run_action(context, [&] { return check_defaults(context, *options); });
  });
  register_obligation_notices_command(*obligations, context);
}

}  // namespace cp::cli
