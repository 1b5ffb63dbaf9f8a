// connectpost tick | eligibility | orders replay
#include <iostream>

#include "calendar/southbound_calendar.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "investors/reassessment.h"
#include "investors/standing.h"
#include "refdata/refdata.h"
#include "store/calendar_store.h"
#include "store/import_store.h"
#include "store/investor_permission_store.h"
#include "trading/eligibility.h"
#include "trading/replay.h"
#include "trading/tick.h"

namespace cp::cli {
namespace {

struct TradingOptions {
  std::string price;
  std::string security;
  std::string date;
  std::string channel;
  std::string file;
  bool json = false;
};

Result<void> show_tick(const AppContext& context, const TradingOptions& options) {
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(options.date));
  auto price = Decimal::parse(options.price);
  if (!price.ok()) {
    Error error = std::move(price).error();
    error.field = "price";
    return error;
  }
  CP_ASSIGN_OR_RETURN(refdata::RefData data, refdata::load_refdata(context.config.get("data_dir")));
  CP_ASSIGN_OR_RETURN(trading::TickResult tick,
                      trading::check_tick(data.spread_table, date, *price));
  const bool in_table = !tick.tick.is_zero();
  if (options.json) {
    print_json(std::cout, {{"date", date.to_string()},
                           {"price", tick.price.to_string()},
                           {"tick", in_table ? Json(tick.tick.to_string()) : Json(nullptr)},
                           {"valid", tick.valid},
                           {"band", in_table ? Json({{"above", tick.band_from.to_string()},
                                                     {"up_to", tick.band_to.to_string()}})
                                             : Json(nullptr)},
                           {"reason", tick.reason.empty() ? Json(nullptr) : Json(tick.reason)}});
    return Ok{};
  }
  std::cout << "price  " << tick.price.to_string() << " on " << date.to_string() << "\n";
  if (in_table) {
    std::cout << "band   above " << tick.band_from.to_string() << " up to "
              << tick.band_to.to_string() << "\ntick   " << tick.tick.to_string() << "\n";
  }
  std::cout << "valid  " << (tick.valid ? "yes" : "no: " + tick.reason) << "\n";
  return Ok{};
}

// SPEC TRD-1, TRD-2: one security on one channel and date, with the rule that decided.
Result<void> show_eligibility(const AppContext& context, const TradingOptions& options) {
  CP_ASSIGN_OR_RETURN(Channel channel, parse_channel(options.channel));
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(options.date));
  CP_ASSIGN_OR_RETURN(refdata::RefData data, refdata::load_refdata(context.config.get("data_dir")));
  CP_ASSIGN_OR_RETURN(trading::EligibilityResult result,
                      trading::eligibility({data.securities, data.parameters, data.exclusions},
                                           options.security, channel, date));
  const std::string rule =
      std::string(result.rule) + (result.exclusion.empty() ? "" : " " + result.exclusion);
  if (options.json) {
    print_json(std::cout,
               {{"security", options.security},
                {"channel", std::string(channel_code(channel))},
                {"date", date.to_string()},
                {"eligible", result.status == trading::Eligibility::kEligible},
                {"status", trading::eligibility_name(result.status)},
                {"rule", rule},
                {"spec_rule", result.rule},
                {"exclusion", result.exclusion.empty() ? Json(nullptr) : Json(result.exclusion)},
                {"reason", result.reason},
                {"source", result.source}});
    return Ok{};
  }
  std::cout << options.security << " on the " << channel_code(channel) << " channel, "
            << date.to_string() << ": " << trading::eligibility_name(result.status) << "\n"
            << "rule    " << rule << "\nreason  " << result.reason << "\nsource  " << result.source
            << "\n";
  return Ok{};
}

std::string money_text(const Decimal& value) {
  return value.round(2, Rounding::kHalfUp).to_string_grouped();
}

// Each account's standing on the channel on `date`, from the permission registry
// (investors/standing.h).
Result<trading::Standings> standings_on(store::Database& db,
                                        const refdata::ParameterTable& parameters, Channel channel,
                                        Date date) {
  CP_ASSIGN_OR_RETURN(const investors::ReassessmentRules rules,
                      investors::reassessment_rules(parameters, date));
  CP_ASSIGN_OR_RETURN(const auto held, store::permissions_on_record(db, date));
  return investors::standings_on(held, channel, date, rules);
}

Result<void> replay(const AppContext& context, const TradingOptions& options) {
  CP_ASSIGN_OR_RETURN(Channel channel, parse_channel(options.channel));
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(options.date));
  const std::string data_dir = context.config.get("data_dir");
  CP_ASSIGN_OR_RETURN(refdata::RefData data, refdata::load_refdata(data_dir));
  CP_ASSIGN_OR_RETURN(refdata::MarketCalendarData markets,
                      refdata::load_market_calendars(data_dir));
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_RETURN_IF_ERROR(store::merge_calendar_additions(*db, markets));
  CP_ASSIGN_OR_RETURN(auto southbound,
                      calendar::SouthboundCalendar::build(markets, data.parameters, channel));
  CP_ASSIGN_OR_RETURN(const calendar::DayInfo* day, southbound.day(date));
  if (!day->southbound_trading) {
    return rule_violation(date.to_string() + " is not a Southbound trading day on the " +
                          options.channel + " channel: " + day->reason_text());
  }
  // CLR-15: the published reference rates of the day, as imported (connectpost import fx).
  CP_ASSIGN_OR_RETURN(auto fx, store::fx_rates_of(*db, date, channel));
  if (!fx) {
    return make_error(ErrorCode::kNotFound,
                      "no reference rates for " + date.to_string() + " on the " + options.channel +
                          " channel: import the day's fx.csv first (connectpost import fx)");
  }
  const trading::ReferenceRates rates{fx->reference_buy, fx->reference_sell};
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::open(options.file));
  CP_ASSIGN_OR_RETURN(auto events, trading::read_events(reader, data.securities, date));
  trading::Standings standings;
  if (events.names_accounts) {
    CP_ASSIGN_OR_RETURN(standings, standings_on(*db, data.parameters, channel, date));
  }
  auto report = trading::replay_day(events, data, *day, channel, rates, standings);
  if (!report.ok()) return std::move(report).error().in_file(options.file);

  if (options.json) {
    Json lines = Json::array();
    for (const auto& line : report->lines) {
      const auto& e = *line.event;
      lines.push_back(
          {{"line", e.line},
           {"time", trading::clock_text(e.at_s)},
           {"event", trading::event_kind_name(e.kind)},
           {"order_id", e.order_id.empty() ? Json(nullptr) : Json(e.order_id)},
           {"security", e.security.empty() ? Json(nullptr) : Json(e.security)},
           {"outcome", line.outcome},
           {"rule", line.rule.empty() ? Json(nullptr) : Json(line.rule)},
           {"message", line.message.empty() ? Json(nullptr) : Json(line.message)},
           {"quota_balance_rmb", line.quota_balance_rmb.round(2, Rounding::kHalfUp).to_string()},
           {"frozen_rmb", line.frozen_rmb.round(2, Rounding::kHalfUp).to_string()}});
    }
    Json vcm = Json::array();
    for (const auto& v : report->vcm) {
      vcm.push_back({{"security", v.security},
                     {"triggered_at", trading::clock_text(v.trigger.at_s)},
                     {"trigger_price", v.trigger.trigger_price.to_string()},
                     {"reference_price", v.trigger.reference.to_string()},
                     {"lower", trading::format_price(v.trigger.lower)},
                     {"upper", trading::format_price(v.trigger.upper)},
                     {"cooling_off_until", trading::clock_text(v.trigger.until_s)}});
    }
    print_json(std::cout, {{"date", date.to_string()},
                           {"channel", options.channel},
                           {"fx_rate", report->quota_rate.to_string()},
                           {"reference_buy", rates.buy.to_string()},
                           {"reference_sell", rates.sell.to_string()},
                           {"quota_start_rmb", report->quota_start_rmb.to_string()},
                           {"accepted", report->accepted},
                           {"rejected", report->rejected},
                           {"investor_checks", report->investor_checks},
                           {"events", lines},
                           {"vcm", vcm}});
    return Ok{};
  }
  std::cout << "Replay of " << options.file << " on " << date.to_string() << " (" << options.channel
            << "), quota RMB " << money_text(report->quota_start_rmb) << " at "
            << report->quota_rate.to_string() << " RMB/HKD; reference rates buy "
            << rates.buy.to_string() << ", sell " << rates.sell.to_string()
            << " (buys freeze at the sell rate)\n"
            << (report->investor_checks
                    ? "Investors checked against the permission registry (SUIT, SUIT-6)\n"
                    : "The file names no accounts: the market's rules only, no investor checks\n");
  std::vector<std::vector<std::string>> rows;
  for (const auto& line : report->lines) {
    const auto& e = *line.event;
    rows.push_back({trading::clock_text(e.at_s), trading::event_kind_name(e.kind), e.order_id,
                    e.security, e.side ? std::string(side_code(*e.side)) : "",
                    e.price ? e.price->to_string() : "",
                    e.quantity ? std::to_string(e.quantity) : "", line.outcome, line.rule,
                    money_text(line.quota_balance_rmb), money_text(line.frozen_rmb), line.message});
  }
  print_table(std::cout,
              {"TIME", "EVENT", "ORDER", "SECURITY", "SIDE", "PRICE", "QTY", "OUTCOME", "RULE",
               "QUOTA (RMB)", "FROZEN (RMB)", "MESSAGE"},
              rows, {5, 6, 9, 10});
  for (const auto& v : report->vcm) {
    std::cout << "VCM " << v.security << " at " << trading::clock_text(v.trigger.at_s) << ": "
              << v.trigger.trigger_price.to_string() << " vs reference "
              << v.trigger.reference.to_string() << ", cooling-off until "
              << trading::clock_text(v.trigger.until_s) << " within "
              << trading::format_price(v.trigger.lower) << " to "
              << trading::format_price(v.trigger.upper) << "\n";
  }
  std::cout << report->accepted << " accepted, " << report->rejected << " rejected\n";
  return Ok{};
}

}  // namespace

void register_trading_commands(CLI::App& app, AppContext& context) {
  auto options = std::make_shared<TradingOptions>();
  auto* tick = app.add_subcommand("tick", "The tick size of a price on a date, and its validity");
  tick->add_option("--price", options->price, "HKD price")->required();
  tick->add_option("--date", options->date, "YYYY-MM-DD")->required();
  tick->add_flag("--json", options->json, "Print JSON");
  tick->callback(
      [&context, options] { run_action(context, [&] { return show_tick(context, *options); }); });

  auto* eligible = app.add_subcommand(
      "eligibility", "Whether a security is on a channel's Southbound list on a date, and why");
  eligible->add_option("--channel", options->channel, "sh or sz")->required();
  eligible->add_option("--security", options->security, "Five-digit SEHK code")->required();
  eligible->add_option("--date", options->date, "YYYY-MM-DD")->required();
  eligible->add_flag("--json", options->json, "Print JSON");
  eligible->callback([&context, options] {
    run_action(context, [&] { return show_eligibility(context, *options); });
  });

  auto* orders = app.add_subcommand("orders", "Southbound order checks");
  orders->require_subcommand(1);
  auto* replay_command = orders->add_subcommand(
      "replay",
      "Replay a day's order events: each order accepted or rejected with its rule, the "
      "quota balance after each event, VCM triggers");
  replay_command->add_option("--channel", options->channel, "sh or sz")->required();
  replay_command->add_option("--date", options->date, "YYYY-MM-DD")->required();
  replay_command->add_option("file", options->file, "Events CSV (docs/formats.md)")->required();
  replay_command->add_flag("--json", options->json, "Print JSON");
  replay_command->callback(
      [&context, options] { run_action(context, [&] { return replay(context, *options); }); });
}

}  // namespace cp::cli
