// connectpost risk margin: a clearing participant's HKSCC margin and marks on a date, every
// component shown (issue 16; risk/margin.h).
#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "cli/output.h"
#include "risk/chinaclear_leg.h"
#include "risk/margin.h"
#include "risk/margin_json.h"
#include "risk/risk_day.h"
#include "risk/risk_reports.h"
#include "store/risk_store.h"

namespace cp::cli {
namespace {

struct MarginOptions {
  std::string participant;
  std::string date;
  std::vector<std::string> shocks;  // risk stress --shock CODE=RATIO
  std::string hkd_per_cny;          // risk margin: the ChinaClear leg at this rate
  std::string report;               // risk report: the HKSCC report id
  std::string format = "csv";
  std::string out;
  bool json = false;
};

void print_margin(const risk::MarginFigures& m) {
  std::cout << "participant " << m.participant << ", " << m.valuation_date.to_string()
            << ", regime " << risk::margin_regime_code(m.regime) << " (HKD)\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : m.positions) {
    rows.push_back({p.security, risk::margin_tier_code(p.tier), p.sub_portfolio,
                    std::to_string(p.quantity), p.quantity == 0 ? "-" : p.close_hkd.to_string(),
                    p.market_value_hkd.to_string_grouped(),
                    p.contract_value_hkd.to_string_grouped(), p.mtm_hkd.to_string_grouped()});
  }
  print_table(std::cout,
              {"SECURITY", "TIER", "PORTFOLIO", "QUANTITY", "CLOSE", "MARKET VALUE",
               "CONTRACT VALUE", "MTM"},
              rows, {3, 4, 5, 6, 7});
  std::cout << "\n";
  std::vector<std::vector<std::string>> lines;
  auto line = [&](const std::string& name, const Decimal& value) {
    lines.push_back({name, value.to_string_grouped()});
  };
  if (m.regime == risk::MarginRegime::kVarPlatform) {
    for (const auto& s : m.sub_portfolios) {
      line("HVaR " + s.name + " (worst " + std::to_string(m.hvar_tail) + ")", s.hvar_hkd);
      line("SVaR " + s.name + " (worst " + std::to_string(m.svar_tail) + ")", s.svar_hkd);
    }
    line("weighted", m.weighted_hkd);
    line("floor (base " + m.floor_base_hkd.to_string_grouped() + ")", m.floor_hkd);
    line("portfolio margin", m.portfolio_margin_hkd);
    line("flat-rate margin", m.flat_rate_margin_hkd);
    line("LRA instrument level", m.lra_instrument_hkd);
    line("LRA portfolio level", m.lra_portfolio_hkd);
    line("holiday add-on (H " + std::to_string(m.holiday_days) + ")", m.holiday_addon_hkd);
    line("aggregated", m.aggregated_hkd);
  } else {
    line("margin position", m.margin_position_hkd);
    line("margin position x rate x multiplier", m.rate_margin_hkd);
  }
  line("rounded", m.rounded_hkd);
  line("favourable MTM", m.favourable_mtm_hkd);
  line("net margin", m.net_margin_hkd);
  line("margin credit", m.margin_credit_hkd);
  line("net margin after credit", m.net_margin_after_credit_hkd);
  line("MTM requirement", m.mtm_requirement_hkd);
  line("total requirement", m.total_requirement_hkd);
  print_table(std::cout, {"COMPONENT", "HKD"}, lines, {1});
}

// The participant's day with the reference data it was worked out from.
struct LoadedDay {
  Date date;
  risk::RiskReference reference;
  risk::ParticipantDay day;
};

Result<LoadedDay> load_day(const AppContext& context, const MarginOptions& options) {
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(options.date));
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(risk::RiskReference reference,
                      risk::load_risk_reference(context.config.get("data_dir"), *db));
  CP_ASSIGN_OR_RETURN(risk::ParticipantDay day,
                      risk::participant_day(*db, reference, options.participant, date));
  return LoadedDay{date, std::move(reference), std::move(day)};
}

Result<void> show_margin(const AppContext& context, const MarginOptions& options) {
  CP_ASSIGN_OR_RETURN(LoadedDay loaded, load_day(context, options));
  const risk::MarginFigures& figures = loaded.day.margin;
  std::optional<risk::ChinaClearLeg> leg;
  if (!options.hkd_per_cny.empty()) {
    auto rate = Decimal::parse(options.hkd_per_cny, 8);
    if (!rate.ok() || rate->sign() <= 0) {
      return invalid_input("--hkd-per-cny must be a positive rate", "hkd_per_cny");
    }
    const auto& parameters = loaded.reference.risk_parameters;
    CP_ASSIGN_OR_RETURN(Decimal base, parameters.ratio("chinaclear.fx_haircut_base", loaded.date));
    CP_ASSIGN_OR_RETURN(Decimal buffer,
                        parameters.ratio("chinaclear.fx_haircut_buffer", loaded.date));
    const Decimal haircut = base + buffer;
    if (haircut.is_negative() || haircut >= Decimal::from_int(1)) {
      return invalid_input("chinaclear.fx_haircut_base + chinaclear.fx_haircut_buffer is " +
                               haircut.to_string() + ": a haircut lies in [0, 1)",
                           "chinaclear.fx_haircut_base");
    }
    leg = risk::chinaclear_leg(figures, *rate, haircut);
  }
  if (options.json) {
    Json out = risk::margin_json(figures);
    if (leg) {
      out["chinaclear"] = {{"currency", "CNY"},
                           {"hkd_per_cny", leg->hkd_per_cny.to_string()},
                           {"haircut", leg->haircut.to_string()},
                           {"margin", leg->margin_cny.to_string()},
                           {"mtm_requirement", leg->mtm_requirement_cny.to_string()},
                           {"total", leg->total_cny.to_string()}};
    }
    print_json(std::cout, out);
  } else {
    print_margin(figures);
    if (leg) {
      std::cout << "\nChinaClear leg in CNY at HKD " << leg->hkd_per_cny.to_string()
                << " per CNY, haircut " << leg->haircut.to_string() << " (requirements up)\n";
      print_table(std::cout, {"COMPONENT", "CNY"},
                  {{"margin", leg->margin_cny.to_string_grouped()},
                   {"MTM requirement", leg->mtm_requirement_cny.to_string_grouped()},
                   {"total", leg->total_cny.to_string_grouped()}},
                  {1});
    }
  }
  return Ok{};
}

Result<void> show_stress(const AppContext& context, const MarginOptions& options) {
  CP_ASSIGN_OR_RETURN(LoadedDay loaded, load_day(context, options));
  const Date date = loaded.date;
  const risk::RiskReference& reference = loaded.reference;
  const risk::ParticipantDay& day = loaded.day;
  risk::StressInputs inputs =
      risk::participant_stress_inputs(day.margin, reference.refdata.securities);
  inputs.rows = reference.stress.rows_on(date);
  if (!options.shocks.empty()) {
    // The operator's shocks make one scenario of their own (user-defined, ORG-4).
    for (const std::string& shock : options.shocks) {
      CP_ASSIGN_OR_RETURN(risk::StressRow row, risk::parse_security_shock(shock, "user_defined"));
      inputs.rows.push_back(row);
    }
  }
  CP_ASSIGN_OR_RETURN(auto results, risk::run_stress_tests(inputs));
  if (options.json) {
    Json out = Json::array();
    for (const auto& r : results) {
      out.push_back({{"scenario", r.scenario},
                     {"description", r.description},
                     {"pnl", r.pnl_hkd.to_string()},
                     {"loss", r.loss_hkd.to_string()},
                     {"collateral", r.collateral_hkd.to_string()},
                     {"shortfall", r.shortfall_hkd.to_string()}});
    }
    print_json(std::cout, {{"participant", options.participant},
                           {"date", date.to_string()},
                           {"currency", "HKD"},
                           {"worst_day", day.margin.hvar_worst_day
                                             ? Json(day.margin.hvar_worst_day->to_string())
                                             : Json(nullptr)},
                           {"scenarios", out}});
    return Ok{};
  }
  std::cout << "participant " << options.participant << ", " << date.to_string()
            << ": stress tests of the CNS positions (HKD)\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : results) {
    rows.push_back({r.scenario, r.description, r.pnl_hkd.to_string_grouped(),
                    r.loss_hkd.to_string_grouped(), r.collateral_hkd.to_string_grouped(),
                    r.shortfall_hkd.to_string_grouped()});
  }
  print_table(std::cout, {"SCENARIO", "SHOCK", "P&L", "LOSS", "COLLATERAL", "SHORTFALL"}, rows,
              {2, 3, 4, 5});
  return Ok{};
}

Result<void> show_report(const AppContext& context, const MarginOptions& options) {
  if (options.format != "csv" && options.format != "json" && options.format != "xlsx") {
    return invalid_input("--format must be csv, xlsx or json", "format");
  }
  if (options.format == "xlsx" && options.out.empty()) {
    return invalid_input("an XLSX report needs --out FILE", "out");
  }
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(options.date));
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(risk::RiskReference reference,
                      risk::load_risk_reference(context.config.get("data_dir"), *db));
  CP_ASSIGN_OR_RETURN(eod::Report report,
                      risk::build_risk_report(*db, reference, options.report, options.participant,
                                              date, context.clock.now()));
  if (options.format == "xlsx") {
    CP_RETURN_IF_ERROR(eod::write_report_xlsx(report, options.out));
    std::cout << "wrote " << report.rows.size() << " rows to " << options.out << "\n";
    return Ok{};
  }
  const std::string text =
      options.format == "csv" ? eod::report_csv(report) : eod::report_json(report);
  if (options.out.empty()) {
    std::cout << text;
    return Ok{};
  }
  std::ofstream file(options.out, std::ios::binary);
  file << text;
  if (!file) return make_error(ErrorCode::kInternal, "cannot write " + options.out);
  std::cout << "wrote " << report.rows.size() << " rows to " << options.out << "\n";
  return Ok{};
}

}  // namespace

void register_risk_commands(CLI::App& app, AppContext& context) {
  auto* risk = app.add_subcommand("risk", "HKSCC margin and marks of clearing participants");
  risk->require_subcommand(1);
  auto options = std::make_shared<MarginOptions>();
  auto* margin = risk->add_subcommand(
      "margin", "A participant's margin on a date with every component (docs/risk.md)");
  margin->add_option("--participant", options->participant, "HKSCC participant id")->required();
  margin->add_option("--date", options->date, "Valuation date, YYYY-MM-DD")->required();
  margin->add_option("--hkd-per-cny", options->hkd_per_cny,
                     "Also the ChinaClear leg in CNY at this rate, with the FX haircut");
  margin->add_flag("--json", options->json, "Print JSON");
  margin->callback(
      [&context, options] { run_action(context, [&] { return show_margin(context, *options); }); });
  auto* report = risk->add_subcommand(
      "report",
      "A report under its HKSCC id: RMAMR01/RMAMR03 (the margin) or an obligation "
      "report of seed 001 (CCMPY02, CCLTN05, …)");
  report->add_option("id", options->report, "RMAMR01, RMAMR03, CCMPY01, CCMPY02, …")->required();
  report->add_option("--participant", options->participant, "HKSCC participant id")->required();
  report->add_option("--date", options->date, "YYYY-MM-DD")->required();
  report->add_option("--format", options->format, "csv (default), xlsx or json");
  report->add_option("--out", options->out, "Write to this file (required for xlsx)");
  report->callback(
      [&context, options] { run_action(context, [&] { return show_report(context, *options); }); });
  auto* stress = risk->add_subcommand(
      "stress", "Stress tests of a participant's positions against the margin held (ORG-4)");
  stress->add_option("--participant", options->participant, "HKSCC participant id")->required();
  stress->add_option("--date", options->date, "Valuation date, YYYY-MM-DD")->required();
  stress->add_option("--shock", options->shocks,
                     "CODE=RATIO, e.g. 00700=-0.35: a user-defined scenario (repeatable)");
  stress->add_flag("--json", options->json, "Print JSON");
  stress->callback(
      [&context, options] { run_action(context, [&] { return show_stress(context, *options); }); });
}

}  // namespace cp::cli
