// connectpost calendar | settlement-date | calendar add-closure | calendar add-weather
#include <cstdlib>
#include <iostream>

#include "calendar/settlement.h"
#include "calendar/southbound_calendar.h"
#include "cli/audited.h"
#include "cli/commands.h"
#include "cli/loaded_reference.h"
#include "cli/output.h"
#include "eod/reinstruct.h"
#include "refdata/refdata.h"
#include "store/calendar_store.h"

namespace cp::cli {
namespace {

struct CalendarOptions {
  std::string channel;
  std::string from;
  std::string to;
  std::string trade_date;
  bool json = false;
  // add-closure / add-weather
  std::string market;
  std::string date;
  std::string kind = "holiday";
  std::string reason;
  std::string source;
  std::string signal;
  std::string issued_at;
  std::string lifted_at;
  std::string effect;
};

using Loaded = LoadedReference;

Result<calendar::SouthboundCalendar> build(const Loaded& loaded, const std::string& channel_text) {
  if (channel_text.empty()) return invalid_input("--channel sh|sz is required", "channel");
  CP_ASSIGN_OR_RETURN(Channel channel, parse_channel(channel_text));
  return calendar::SouthboundCalendar::build(loaded.calendars, loaded.refdata.parameters, channel);
}

Json flag_or_null(const std::string& text) {
  return text.empty() ? Json(nullptr) : Json(text);
}
const char* yes_no(bool value) {
  return value ? "yes" : "-";
}

Result<void> show_calendar(const AppContext& context, const CalendarOptions& options) {
  if (options.from.empty() || options.to.empty()) {
    return invalid_input("--from and --to are required (YYYY-MM-DD)");
  }
  CP_ASSIGN_OR_RETURN(Date from, Date::parse(options.from));
  CP_ASSIGN_OR_RETURN(Date to, Date::parse(options.to));
  if (to < from) return invalid_input("--to " + options.to + " is before --from " + options.from);
  CP_ASSIGN_OR_RETURN(Loaded loaded, load_reference(context));
  CP_ASSIGN_OR_RETURN(auto southbound, build(loaded, options.channel));
  Json days = Json::array();
  std::vector<std::vector<std::string>> rows;
  for (Date date = from; date <= to; date = date.plus_days(1)) {
    CP_ASSIGN_OR_RETURN(const calendar::DayInfo* day, southbound.day(date));
    const std::string reason = day->reason_text();
    days.push_back({{"date", date.to_string()},
                    {"hk_trading", day->hk_trading},
                    {"mainland_trading", day->mainland_trading},
                    {"southbound_trading", day->southbound_trading},
                    {"half_day", day->half_day},
                    {"hk_settlement_day", day->hk_settlement_day},
                    {"southbound_settlement_day", day->southbound_settlement_day},
                    {"reason", flag_or_null(reason)},
                    {"weather", flag_or_null(day->weather.description)},
                    {"rule", day->rule}});
    rows.push_back({date.to_string(), yes_no(day->hk_trading), yes_no(day->mainland_trading),
                    yes_no(day->southbound_trading), yes_no(day->half_day),
                    yes_no(day->hk_settlement_day), yes_no(day->southbound_settlement_day),
                    reason});
  }
  if (options.json) {
    print_json(std::cout, {{"channel", options.channel}, {"days", days}});
  } else {
    print_table(std::cout,
                {"DATE", "HK TRADES", "MAINLAND", "SOUTHBOUND", "HALF DAY", "HK SETTLES",
                 "SB SETTLES", "REASON"},
                rows);
  }
  return Ok{};
}

Result<void> show_settlement_date(const AppContext& context, const CalendarOptions& options) {
  if (options.trade_date.empty()) return invalid_input("--trade-date is required", "trade_date");
  CP_ASSIGN_OR_RETURN(Date trade_date, Date::parse(options.trade_date));
  CP_ASSIGN_OR_RETURN(Loaded loaded, load_reference(context));
  CP_ASSIGN_OR_RETURN(auto southbound, build(loaded, options.channel));
  CP_ASSIGN_OR_RETURN(auto schedule, calendar::settlement_schedule(
                                         southbound, loaded.refdata.parameters, trade_date));
  Json flows = Json::array();
  std::vector<std::vector<std::string>> rows;
  for (const auto& flow : schedule.money_flows) {
    flows.push_back({{"flow", flow.flow},
                     {"day_offset", flow.day_offset},
                     {"hk_date", flow.hk_date.to_string()},
                     {"date", flow.date.to_string()},
                     {"cutoff_hkt", flow.cutoff_hkt.to_string()},
                     {"note", flag_or_null(flow.note)}});
    rows.push_back({flow.flow, "T+" + std::to_string(flow.day_offset), flow.date.to_string(),
                    flow.cutoff_hkt.to_string(), flow.note});
  }
  if (options.json) {
    print_json(std::cout,
               {{"trade_date", trade_date.to_string()},
                {"channel", options.channel},
                {"securities_settlement_date", schedule.securities_settlement_date.to_string()},
                {"entitlement",
                 {{"seller_entitled_through", schedule.seller_entitled_through.to_string()},
                  {"buyer_entitled_from", schedule.buyer_entitled_from.to_string()}}},
                {"money_flows", flows}});
    return Ok{};
  }
  std::cout << "trade date              " << trade_date.to_string() << " (" << options.channel
            << ")\n"
            << "securities settle       " << schedule.securities_settlement_date.to_string()
            << " (T+2 in HKSCC settlement days)\n"
            << "entitlements            seller through the evening of "
            << schedule.seller_entitled_through.to_string() << ", buyer from the evening of "
            << schedule.buyer_entitled_from.to_string() << "\n\n"
            << "Money settlement between CSDC and the broker (STL-2)\n";
  print_table(std::cout, {"FLOW", "DAY", "DATE", "CUT-OFF (HKT)", "NOTE"}, rows);
  return Ok{};
}

store::AddedBy added_by(const AppContext& context) {
  return {format_utc(context.clock.now()), context.actor()};
}

// After a change is stored: the latest EOD run's transfers instructed again if the change moved
// the days they are for (eod/reinstruct.h). A failed rerun leaves the change stored and says so.
Result<void> reinstruct(const AppContext& context, store::Database& db,
                        const eod::LatestRunDays& before) {
  eod::EodInputs inputs{context.config.get("data_dir"), &context.clock, 0, context.actor()};
  auto moved = eod::reinstruct_if_moved(db, before, inputs);
  if (!moved.ok()) {
    Error error = moved.error();
    error.message = "the calendar change is stored, but the transfers of the EOD run of " +
                    before.run_date->to_string() +
                    " could not be instructed again: " + error.message;
    return error;
  }
  if (*moved) {
    const auto& m = **moved;
    std::cout << "the EOD run of " << m.run_date.to_string()
              << " was redone: the transfers it instructs moved ("
              << eod::describe_move(m.before, m.after) << "); see `report transfer --date "
              << m.run_date.to_string() << "`\n";
  }
  return Ok{};
}

Result<void> add_closure(const AppContext& context, const CalendarOptions& options) {
  CP_ASSIGN_OR_RETURN(refdata::Market market, refdata::parse_market(options.market));
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(options.date));
  if (options.kind != "holiday" && options.kind != "half_day") {
    return invalid_input("--kind must be holiday or half_day", "kind");
  }
  if (options.kind == "half_day" && market != refdata::Market::kSehk) {
    return invalid_input("only SEHK has half days", "kind");
  }
  if (options.reason.empty() || options.source.empty()) {
    return invalid_input("--reason and --source are required: every calendar row has a source");
  }
  CP_ASSIGN_OR_RETURN(Loaded loaded, load_reference(context));
  CP_ASSIGN_OR_RETURN(const auto before,
                      eod::latest_run_days(*loaded.db, context.config.get("data_dir")));
  refdata::Closure closure{
      date,
      market,
      options.kind == "holiday" ? refdata::ClosureKind::kHoliday : refdata::ClosureKind::kHalfDay,
      options.reason,
      options.source,
      "database"};
  // The same checks as a file row (weekday, coverage, not listed yet) before anything is stored.
  CP_RETURN_IF_ERROR(loaded.calendars.add_closure(closure));
  CP_RETURN_IF_ERROR(
      audited(context, *loaded.db, "calendar.closure_added",
              "calendar:" + options.market + ":" + date.to_string(),
              {{"kind", options.kind}, {"reason", options.reason}, {"source", options.source}},
              [&] { return store::insert_closure(*loaded.db, closure, added_by(context)); }));
  std::cout << "added " << options.kind << " " << date.to_string() << " for " << options.market
            << "\n";
  return reinstruct(context, *loaded.db, before);
}

Result<void> add_weather(const AppContext& context, const CalendarOptions& options) {
  CP_ASSIGN_OR_RETURN(refdata::WeatherSignal signal, refdata::parse_weather_signal(options.signal));
  CP_ASSIGN_OR_RETURN(auto issued, refdata::parse_hkt_minute(options.issued_at));
  CP_ASSIGN_OR_RETURN(auto lifted, refdata::parse_hkt_minute(options.lifted_at));
  if (options.source.empty()) return invalid_input("--source is required", "source");
  CP_ASSIGN_OR_RETURN(Loaded loaded, load_reference(context));
  CP_ASSIGN_OR_RETURN(const auto before,
                      eod::latest_run_days(*loaded.db, context.config.get("data_dir")));
  refdata::WeatherEvent event{signal, issued, lifted, options.effect, options.source, "database"};
  CP_RETURN_IF_ERROR(loaded.calendars.add_weather(event));
  CP_RETURN_IF_ERROR(audited(
      context, *loaded.db, "calendar.weather_added", "calendar:weather:" + issued.to_string(),
      {{"signal", options.signal},
       {"lifted_at", lifted.to_string()},
       {"effect", options.effect},
       {"source", options.source}},
      [&] { return store::insert_weather(*loaded.db, event, added_by(context)); }));
  std::cout << "added " << options.signal << " from " << issued.to_string() << " to "
            << lifted.to_string() << "\n";
  return reinstruct(context, *loaded.db, before);
}

}  // namespace

void register_calendar_commands(CLI::App& app, AppContext& context) {
  auto options = std::make_shared<CalendarOptions>();
  auto* calendar = app.add_subcommand(
      "calendar", "The Southbound calendar of a channel, day by day, with the reason for each no");
  calendar->add_option("--channel", options->channel, "sh or sz");
  calendar->add_option("--from", options->from, "First date, YYYY-MM-DD");
  calendar->add_option("--to", options->to, "Last date, YYYY-MM-DD");
  calendar->add_flag("--json", options->json, "Print JSON");

  auto* closure = calendar->add_subcommand(
      "add-closure", "Add an ad-hoc closure or half day; everything derived changes accordingly");
  closure->add_option("--market", options->market, "sehk, sse or szse")->required();
  closure->add_option("--date", options->date, "YYYY-MM-DD")->required();
  closure->add_option("--kind", options->kind, "holiday or half_day")->capture_default_str();
  closure->add_option("--reason", options->reason, "Why, in words")->required();
  closure->add_option("--source", options->source, "The notice it comes from")->required();
  closure->callback(
      [&context, options] { run_action(context, [&] { return add_closure(context, *options); }); });

  auto* weather = calendar->add_subcommand("add-weather", "Add a severe-weather signal episode");
  weather->add_option("--signal", options->signal, "t8, black_rainstorm or extreme_conditions")
      ->required();
  weather->add_option("--issued-at", options->issued_at, "YYYY-MM-DD HH:MM (HKT)")->required();
  weather->add_option("--lifted-at", options->lifted_at, "YYYY-MM-DD HH:MM (HKT)")->required();
  weather->add_option("--effect", options->effect, "What the exchange did, in words");
  weather->add_option("--source", options->source, "The notice it comes from")->required();
  weather->callback(
      [&context, options] { run_action(context, [&] { return add_weather(context, *options); }); });

  calendar->callback([&context, options, closure, weather] {
    if (closure->parsed() || weather->parsed()) return;
    run_action(context, [&] { return show_calendar(context, *options); });
  });

  auto* settlement = app.add_subcommand(
      "settlement-date", "When a trade of a date settles: securities, money flows, entitlements");
  settlement->add_option("--channel", options->channel, "sh or sz")->required();
  settlement->add_option("--trade-date", options->trade_date, "YYYY-MM-DD")->required();
  settlement->add_flag("--json", options->json, "Print JSON");
  settlement->callback([&context, options] {
    run_action(context, [&] { return show_settlement_date(context, *options); });
  });
}

}  // namespace cp::cli
