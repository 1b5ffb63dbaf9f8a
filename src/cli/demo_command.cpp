// connectpost demo: the main job on the embedded database — a generated trading day imported
// and cleared by the end-of-day run, with its summary.
#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>
#include <sstream>

#include "clearing/input_files.h"
#include "cli/audited.h"
#include "cli/commands.h"
#include "cli/demo_portal.h"
#include "cli/output.h"
#include "cli/progress_output.h"
#include "cli/transfer_output.h"
#include "eod/demo_data.h"
#include "eod/eod_run.h"
#include "refdata/refdata.h"
#include "risk/demo_risk.h"
#include "risk/risk_day.h"
#include "store/execution_store.h"
#include "store/import_store.h"
#include "store/migrations.h"
#include "store/obligation_store.h"
#include "store/refdata_store.h"
#include "store/risk_store.h"

namespace cp::cli {
namespace {

struct DemoOptions {
  std::string date = "2024-03-15";
  int accounts = 20'000;
  int executions = 200'000;
  uint64_t seed = 20241115;
  bool json = false;
  bool serve = false;  // then start the portal on it (make demo)
  std::string listen = "127.0.0.1:8080";
};

// The demo firms' HKSCC participant ids (cli/demo_portal.cpp gives B001 and B002 these).
const std::vector<std::string> kDemoParticipants = {"B01234", "C00019"};
// The trading days with positions and obligations, ending on the demo day: the home page's
// chart shows them (issue 16 item 8).
constexpr int64_t kDemoPositionDays = 40;

struct DemoMargin {
  std::string participant;
  Decimal total_requirement_hkd;
  size_t obligations = 0;
};

// Issue 16 item 8: a synthetic price history (labelled so in the output and the audit entry)
// walked back from the day's closes over the margin's scenario windows, CNS positions for the
// demo participants, and their obligations of the day.
Result<std::vector<DemoMargin>> load_demo_risk(const AppContext& context, store::Database& db,
                                               const refdata::RefData& data, Date date,
                                               const std::vector<clearing::ClosingPrice>& prices,
                                               uint64_t seed) {
  const std::string data_dir = context.config.get("data_dir");
  CP_ASSIGN_OR_RETURN(risk::RiskReference reference, risk::load_risk_reference(data_dir, db));
  CP_ASSIGN_OR_RETURN(risk::MarginParameters parameters,
                      risk::margin_parameters_on(reference.risk_parameters, date));
  const Date from = risk::closes_needed(parameters, reference.trading_days).from;
  std::vector<clearing::ClosingPrice> hkd_closes;
  for (const auto& close : prices) {
    auto security = data.securities.on(close.security_code, date);
    if (security.ok() && (*security)->row.currency == Currency::kHKD) hkd_closes.push_back(close);
  }
  CP_ASSIGN_OR_RETURN(risk::DemoRiskData market,
                      risk::generate_demo_risk(date, hkd_closes, reference.trading_days, from,
                                               kDemoParticipants, kDemoPositionDays, seed));
  std::vector<Date> position_days;
  for (const auto& p : market.positions) {
    if (position_days.empty() || position_days.back() != p.as_of) position_days.push_back(p.as_of);
  }
  std::vector<DemoMargin> out;
  CP_RETURN_IF_ERROR(audited(
      context, db, "demo.risk_loaded", "risk:" + date.to_string(),
      {{"price_history", "synthetic (demo)"},
       {"closes", market.history.size()},
       {"positions", market.positions.size()}},
      [&]() -> Result<void> {
        CP_RETURN_IF_ERROR(store::import_prices(db, market.history, "demo", true));
        CP_RETURN_IF_ERROR(store::import_cns_positions(db, market.positions));
        for (const Date day : position_days) {
          CP_ASSIGN_OR_RETURN(auto worked, risk::work_out_obligations(db, reference, day));
          if (day == date) {
            for (const auto& w : worked) {
              out.push_back({w.participant, w.margin.total_requirement_hkd, w.obligations.size()});
            }
            continue;  // the demo day's obligations stay open: the home page counts them down
          }
          // Earlier days were paid by direct debit half an hour before each deadline, so the
          // collateral on hand builds up as it would.
          std::vector<risk::PaymentRow> paid;
          for (const auto& w : worked) {
            for (const auto& o : w.obligations) {
              risk::PaymentRow row;
              row.payment_id = "DEMO-" + o.id;
              row.obligation_id = o.id;
              row.amount_hkd = o.amount_hkd;
              row.received_at_utc =
                  format_utc(from_hkt(o.deadline_date, o.deadline_hkt) - std::chrono::minutes(30));
              row.method = risk::PaymentMethod::kDirectDebit;
              paid.push_back(std::move(row));
            }
          }
          CP_ASSIGN_OR_RETURN(auto counts, store::record_payments(db, paid, "demo", "demo"));
          (void)counts;
        }
        return Ok{};
      }));
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Result<void> run_demo(const AppContext& context, const DemoOptions& options) {
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(options.date));
  if (options.accounts < 1 || options.executions < 1) {
    return invalid_input("--accounts and --executions must be at least 1");
  }
  const std::string data_dir = context.config.get("data_dir");
  // 1. Reference data, checked before anything is written.
  CP_ASSIGN_OR_RETURN(refdata::RefData data, refdata::load_refdata(data_dir));
  // 2. The database: created and migrated on first use.
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(auto schema, store::schema_status(*db, store::builtin_migrations()));
  CP_ASSIGN_OR_RETURN(int64_t refdata_rows,
                      store::replace_reference_data(*db, data, format_utc(context.clock.now())));
  // 3. The day's inputs, each all or nothing. Accounts and executions go straight to the store
  // (the generated accounts carry no A-share rate, so a later `import accounts` of the same ids
  // counts them as changed); prices, rates, cash, reserves and bank use the operator's imports.
  auto started = std::chrono::steady_clock::now();
  const auto demo =
      eod::generate_demo_data(date, options.accounts, options.executions, options.seed);
  CP_RETURN_IF_ERROR(clearing::check_reference_rates(demo.fx, data.parameters, "demo"));
  // The day's inputs in one transaction with their audit entry: all of them or none.
  auto load_inputs = [&]() -> Result<void> {
    CP_RETURN_IF_ERROR(store::insert_missing_accounts(*db, demo.accounts));
    CP_RETURN_IF_ERROR(store::replace_executions(*db, date, demo.executions));
    CP_RETURN_IF_ERROR(store::import_prices(*db, demo.prices, "demo", true));
    CP_RETURN_IF_ERROR(store::import_fx(*db, demo.fx, "demo", true));
    CP_RETURN_IF_ERROR(store::import_cash(*db, demo.cash, "demo"));
    CP_RETURN_IF_ERROR(store::import_reserves(*db, demo.reserves, "demo"));
    CP_RETURN_IF_ERROR(store::import_bank(*db, demo.bank, "demo"));
    return Ok{};
  };
  CP_RETURN_IF_ERROR(audited(
      context, *db, "demo.inputs_loaded", "eod:" + date.to_string(),
      {{"accounts", options.accounts}, {"executions", options.executions}, {"seed", options.seed}},
      load_inputs));
  const double load_seconds = seconds_since(started);
  // 4. The synthetic price history first: from 2022-06-13 CSDC's margin in the run reads it
  // (SPEC CLR-9, eod/csdc_margin.h), as HKSCC's margin of the demo participants does.
  CP_ASSIGN_OR_RETURN(auto margins,
                      load_demo_risk(context, *db, data, date, demo.prices, options.seed));
  // 5. The end-of-day run.
  started = std::chrono::steady_clock::now();
  ProgressPrinter progress(context, "demo eod run");
  CP_ASSIGN_OR_RETURN(
      eod::EodReport report,
      eod::run_eod(*db, date, {data_dir, &context.clock, 0, context.actor(), &progress}));
  const double eod_seconds = seconds_since(started);

  int64_t overdrafts = 0;
  for (const auto& x : report.exceptions) overdrafts += x.kind == "overdraft";
  if (options.json) {
    std::ostringstream table;  // the sign-in table is for people; JSON readers get no secrets
    CP_RETURN_IF_ERROR(seed_demo_portal(context, *db, table));
    Json csdc = Json::array();
    for (const auto& s : report.settlements) {
      csdc.push_back({{"channel", channel_code(s.channel)},
                      {"reserve", money_kind_text(s.reserve)},
                      {"net_rmb", s.obligation.net_rmb.to_string()},
                      {"flow", s.flow},
                      {"date", s.flow_date.to_string()}});
    }
    print_json(std::cout,
               {{"database", db->describe()},
                {"schema_version", schema.current_version},
                {"reference_data_rows", refdata_rows},
                {"business_date", date.to_string()},
                {"accounts", options.accounts},
                {"executions", report.executions},
                {"investors", report.investors},
                {"postings", report.postings},
                {"overdrafts", overdrafts},
                {"csdc", csdc},
                {"hkscc_margin",
                 [&] {
                   Json list = Json::array();
                   for (const auto& m : margins) {
                     list.push_back({{"participant", m.participant},
                                     {"total_requirement", m.total_requirement_hkd.to_string()},
                                     {"obligations", m.obligations}});
                   }
                   return list;
                 }()},
                {"result_digest", report.digest},
                {"audit_head", std::to_string(report.audit_seq) + ":" + report.audit_hash}});
    return Ok{};
  }
  std::cout << "connectpost demo\n"
            << "  database        " << db->describe() << " (schema version "
            << schema.current_version << "), " << refdata_rows << " reference-data rows\n"
            << "  inputs          " << Decimal::from_int(options.accounts).to_string_grouped()
            << " accounts, " << Decimal::from_int(report.executions).to_string_grouped()
            << " executions on " << date.to_string() << ", prices, FX, cash, reserves, bank ("
            << std::fixed << std::setprecision(2) << load_seconds << " s)\n"
            << "  end of day      " << Decimal::from_int(report.investors).to_string_grouped()
            << " investor obligations, " << Decimal::from_int(report.postings).to_string_grouped()
            << " journal postings, " << overdrafts << " overdrafts (" << eod_seconds << " s)\n\n"
            << "Net trading money with CSDC (positive: the broker pays)\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : report.settlements) {
    rows.push_back({std::string(channel_code(s.channel)), money_kind_text(s.reserve),
                    Decimal::from_int(s.obligation.executions).to_string_grouped(),
                    s.obligation.net_rmb.to_string_grouped(),
                    s.obligation.commission_rmb.to_string_grouped(),
                    s.flow_date.to_string() + " " + s.cutoff_hkt.to_string()});
  }
  print_table(std::cout,
              {"CHANNEL", "RESERVE", "EXECUTIONS", "NET (RMB)", "COMMISSION (RMB)", "SETTLES"},
              rows, {2, 3, 4});
  std::cout << "\nRisk funds (CLR-9)\n";
  std::vector<std::vector<std::string>> reserve_rows;
  for (const auto& r : report.reserves) {
    reserve_rows.push_back({std::string(channel_code(r.channel)), money_kind_text(r.reserve),
                            r.risk.risk_funds_rmb.to_string_grouped(),
                            r.risk_funds_date.to_string()});
  }
  print_table(std::cout, {"CHANNEL", "RESERVE", "RISK FUNDS (RMB)", "DUE"}, reserve_rows, {2});
  print_transfers(std::cout, report.transfers);
  std::cout << "\nHKSCC margin of the demo participants (issue 16; on a SYNTHETIC price history "
               "made for the demo)\n";
  std::vector<std::vector<std::string>> margin_rows;
  for (const auto& m : margins) {
    margin_rows.push_back({m.participant, m.total_requirement_hkd.to_string_grouped(),
                           std::to_string(m.obligations)});
  }
  print_table(std::cout, {"PARTICIPANT", "TOTAL REQUIREMENT (HKD)", "OBLIGATIONS"}, margin_rows,
              {1, 2});
  std::cout << "\n  result digest   " << report.digest << " (a rerun prints the same)\n"
            << "  audit head      " << report.audit_seq << ":" << report.audit_hash << "\n"
            << "  next            connectpost report statement --date " << date.to_string()
            << " --account SB00000001\n"
            << "                  connectpost ledger check --date " << date.to_string() << "\n"
            << "                  connectpost risk margin --participant B01234 --date "
            << date.to_string() << "\n";
  CP_RETURN_IF_ERROR(seed_demo_portal(context, *db, std::cout));
  if (!options.serve) {
    std::cout << "  start it with   connectpost serve   (make demo does)\n";
    return Ok{};
  }
  std::cout << "\nOpen http://" << options.listen
            << "/ and sign in as mia with the password and a code from the key above; Ctrl-C "
               "stops the portal.\n"
            << std::flush;
  db.reset();  // the server opens its own connection
  // The demo's EOD is Alpha Securities' book (its users see the book under stress).
  return serve_portal(context, options.listen, "web", "B001");
}

}  // namespace

void register_demo_command(CLI::App& app, AppContext& context) {
  auto options = std::make_shared<DemoOptions>();
  auto* demo = app.add_subcommand(
      "demo",
      "Create and migrate the database, import a generated trading day and run the "
      "end-of-day clearing; print its summary; seed the portal's demo firms, users, requests, "
      "events and documents");
  demo->add_option("--date", options->date, "Business date of the generated trades")
      ->capture_default_str();
  demo->add_option("--accounts", options->accounts, "Number of investor accounts")
      ->capture_default_str();
  demo->add_option("--executions", options->executions, "Number of executions")
      ->capture_default_str();
  demo->add_option("--seed", options->seed, "Seed of the generator")->capture_default_str();
  demo->add_flag("--json", options->json, "Print JSON");
  demo->add_flag("--serve", options->serve,
                 "Then start the portal on the demo database (until SIGTERM or Ctrl-C)");
  demo->add_option("--listen", options->listen, "ADDRESS:PORT of the portal with --serve")
      ->capture_default_str();
  demo->callback(
      [&context, options] { run_action(context, [&] { return run_demo(context, *options); }); });
}

}  // namespace cp::cli
