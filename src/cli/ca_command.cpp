// connectpost ca events | entitlements --event E | elect | elections | transfers: the corporate
// actions announced, who is entitled to what, elections, and CSDC's non-trade transfers (issue 17;
// corpactions/). Announcements, CSDC's clearing and its transfer data come in by `import
// ca-events`, `import ca-payments` and `import non-trade-transfers`.
#include <algorithm>
#include <iostream>

#include "calendar/southbound_calendar.h"
#include "cli/audited.h"
#include "cli/commands.h"
#include "cli/loaded_reference.h"
#include "cli/output.h"
#include "cli/past_instant_option.h"
#include "corpactions/ca_run.h"
#include "corpactions/election_run.h"
#include "corpactions/event_json.h"
#include "store/ca_store.h"
#include "store/non_trade_store.h"

namespace cp::cli {
namespace {

using corpactions::CorporateAction;
using corpactions::event_json;

// Every transfer: none was cleared before Southbound began, none long after now.
const Date kSouthboundBefore = Date::from_ymd(2014, 11, 16).value();
const Date kFarFuture = Date::from_ymd(2199, 12, 31).value();

struct CaOptions {
  std::string event_id;
  std::string channel;
  std::string account;
  std::vector<std::string> choices;  // option=quantity
  std::string at;
  bool totals = false;
  bool json = false;
};

// Per channel: the holders and the sums the broker reconciles with CSDC's clearing (the money it
// receives is the net RMB of its accounts).
Json totals_json(const corpactions::EntitlementReport& report) {
  Json out = Json::array();
  for (const auto& part : report.channels) {
    int64_t accounts = 0;
    int64_t holding = 0;
    int64_t securities = 0;
    Decimal gross_ccy;
    Decimal gross_rmb;
    Decimal tax_rmb;
    Decimal net_rmb;
    for (size_t i = 0; i < report.entitlements.size(); ++i) {
      const auto& e = report.entitlements[i];
      if (e.channel != part.channel) continue;
      ++accounts;
      holding += e.holding;
      securities += e.securities;
      gross_ccy += e.cash_ccy;
      if (const auto& money = report.money[i]) {
        gross_rmb += money->gross_rmb;
        tax_rmb += money->enterprise_tax_rmb + money->individual_tax_rmb;
        net_rmb += money->net_rmb;
      }
    }
    out.push_back({{"channel", channel_code(part.channel)},
                   {"accounts", accounts},
                   {"holding", holding},
                   {"securities", securities},
                   {"gross_ccy", gross_ccy.to_string()},
                   {"gross_rmb", part.payment ? Json(gross_rmb.to_string()) : Json(nullptr)},
                   {"tax_rmb", part.payment ? Json(tax_rmb.to_string()) : Json(nullptr)},
                   {"net_rmb", part.payment ? Json(net_rmb.to_string()) : Json(nullptr)}});
  }
  return out;
}

std::string date_text(const std::optional<Date>& date) {
  return date ? date->to_string() : "";
}

std::string terms_of(const CorporateAction& a) {
  std::string terms;
  if (a.rate) terms += std::string(currency_code(*a.currency)) + " " + a.rate->to_string();
  if (a.ratio) {
    terms += (terms.empty() ? "" : ", ") + std::to_string(a.ratio->new_units) + ":" +
             std::to_string(a.ratio->old_units);
  }
  if (a.price) {
    terms += (terms.empty() ? "" : ", ") + std::string("at ") +
             std::string(currency_code(*a.currency)) + " " + a.price->to_string();
  }
  if (!a.options.empty()) {
    terms += (terms.empty() ? "" : ", ") + corpactions::options_text(a.options) + " by " +
             a.csdc_deadline->to_string();
  }
  return terms;
}

Result<void> list_events(const AppContext& context, const CaOptions& options) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(const auto events, store::ca_events(*db));
  if (options.json) {
    Json out = Json::array();
    for (const auto& a : events) out.push_back(event_json(a));
    print_json(std::cout, out);
    return Ok{};
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : events) {
    rows.push_back({a.event_id, std::string(corpactions::action_type_code(a.type)), a.security_code,
                    date_text(a.ex_date), a.holders_date().to_string(), date_text(a.payment_date),
                    terms_of(a)});
  }
  print_table(std::cout, {"EVENT", "TYPE", "SECURITY", "EX", "RECORD", "PAYMENT", "TERMS"}, rows);
  return Ok{};
}

Result<void> show_entitlements(const AppContext& context, const CaOptions& options) {
  CP_ASSIGN_OR_RETURN(LoadedReference loaded, load_reference(context));
  CP_ASSIGN_OR_RETURN(const auto report,
                      corpactions::entitlement_report(*loaded.db, loaded.refdata, loaded.calendars,
                                                      options.event_id));
  const CorporateAction& a = report.action;
  const bool take_up = a.type == corpactions::ActionType::kRightsIssue ||
                       a.type == corpactions::ActionType::kOpenOffer;
  if (options.totals) {
    const Json totals = totals_json(report);
    if (options.json) {
      print_json(std::cout, {{"event", event_json(a)},
                             {"holders_date", report.holders_date.to_string()},
                             {"totals", totals}});
      return Ok{};
    }
    std::vector<std::vector<std::string>> rows;
    for (const Json& t : totals) {
      const auto text = [](const Json& v) {
        return v.is_null() ? std::string("-") : v.is_string() ? v.get<std::string>() : v.dump();
      };
      rows.push_back({text(t["channel"]), text(t["accounts"]), text(t["holding"]),
                      text(t["securities"]), text(t["gross_ccy"]), text(t["gross_rmb"]),
                      text(t["tax_rmb"]), text(t["net_rmb"])});
    }
    print_table(
        std::cout,
        {"CH", "ACCOUNTS", "HOLDING", "SECURITIES", "GROSS", "GROSS RMB", "TAX RMB", "NET RMB"},
        rows, {1, 2, 3, 4, 5, 6, 7});
    return Ok{};
  }
  const auto part_of = [&](Channel channel) -> const corpactions::ChannelPart* {
    for (const auto& part : report.channels) {
      if (part.channel == channel) return &part;
    }
    return nullptr;
  };
  if (options.json) {
    Json channels = Json::array();
    for (const auto& part : report.channels) {
      channels.push_back(
          {{"channel", channel_code(part.channel)},
           {"rmb_per_unit",
            part.payment ? Json(part.payment->rmb_per_unit.to_string()) : Json(nullptr)},
           {"clearing_date",
            part.payment ? Json(part.payment->clearing_date.to_string()) : Json(nullptr)},
           {"payable_date",
            part.settlement_date ? Json(part.settlement_date->to_string()) : Json(nullptr)},
           {"tradable_from",
            part.tradable_from ? Json(part.tradable_from->to_string()) : Json(nullptr)}});
    }
    // The head as one object, then the accounts streamed one line each: two million rows never
    // stand in memory as one document.
    std::string head = Json{
        {"event", event_json(a)},
        {"holders_date", report.holders_date.to_string()},
        {"board_lot", report.board_lot},
        {"channels",
         channels}}.dump();
    head.pop_back();  // the closing brace: the entitlements follow
    std::cout << head << ",\"entitlements\":[";
    // Each line written as text, a buffer at a time: a JSON object per line took 12.7 s for two
    // million. The bytes are the object's (its keys in this order; the one free text, the
    // account id, escaped by the JSON library; codes and numbers need no escaping).
    std::string out;
    const auto text = [&out](std::string_view key, std::string_view value) {
      out.append(",\"").append(key).append("\":\"").append(value).append("\"");
    };
    const auto number = [&out](std::string_view key, int64_t value) {
      out.append(",\"").append(key).append("\":").append(std::to_string(value));
    };
    for (size_t i = 0; i < report.entitlements.size(); ++i) {
      const auto& e = report.entitlements[i];
      const auto& money = report.money[i];
      const auto* part = part_of(e.channel);
      out.append(i == 0 ? "\n{\"channel\":\"" : ",\n{\"channel\":\"")
          .append(channel_code(e.channel))
          .append("\",\"account_id\":")
          .append(Json(e.account_id).dump());
      text("account_type", account_type_code(e.account_type));
      number("holding", e.holding);
      number("securities", e.securities);
      text("fraction", e.fraction_numerator == 0 ? std::string("0")
                                                 : std::to_string(e.fraction_numerator) + "/" +
                                                       std::to_string(a.ratio->old_units));
      number("odd_lot", e.odd_lot);
      number("votes", e.votes);
      number("scrip_elected", e.scrip_elected);
      if (take_up) number("taken_up", e.taken_up);
      text("gross_ccy", e.cash_ccy.to_string());
      if (money) {
        text("rate", part->payment->rmb_per_unit.to_string());
        text("gross_rmb", money->gross_rmb.to_string());
        text("enterprise_tax_rmb", money->enterprise_tax_rmb.to_string());
        text("tax_rmb", money->individual_tax_rmb.to_string());
        text("tax_withheld_by", corpactions::withholding_agent_code(money->individual_tax_agent));
        text("net_rmb", money->net_rmb.to_string());
        text("payable_date", part->settlement_date->to_string());
      }
      out.push_back('}');
      if (out.size() >= (1 << 20)) {
        std::cout << out;
        out.clear();
      }
    }
    std::cout << out << "\n]}\n";
    return Ok{};
  }
  std::cout << "event " << a.event_id << ": " << corpactions::action_type_code(a.type) << " of "
            << a.security_code << " (" << terms_of(a) << "), holders at the close of "
            << report.holders_date.to_string() << "\n";
  for (const auto& part : report.channels) {
    const bool has_holders =
        std::any_of(report.entitlements.begin(), report.entitlements.end(),
                    [&](const corpactions::Entitlement& e) { return e.channel == part.channel; });
    if (!has_holders && !part.payment) continue;  // nobody holds it there, nothing cleared
    std::cout << channel_code(part.channel) << ": ";
    if (part.payment) {
      std::cout << "CSDC cleared on " << part.payment->clearing_date.to_string() << " at "
                << part.payment->rmb_per_unit.to_string() << " RMB per "
                << currency_code(part.payment->currency) << ", payable "
                << part.settlement_date->to_string();
    } else if (a.currency) {
      std::cout << "CSDC's clearing not yet received (import ca-payments)";
    }
    if (part.tradable_from) std::cout << "tradable from " << part.tradable_from->to_string();
    std::cout << "\n";
  }
  std::cout << "\n";
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < report.entitlements.size(); ++i) {
    const auto& e = report.entitlements[i];
    const auto& money = report.money[i];
    std::vector<std::string> row{std::string(channel_code(e.channel)), e.account_id,
                                 std::string(account_type_code(e.account_type)),
                                 std::to_string(e.holding)};
    if (a.currency && a.rate) {
      row.push_back(e.cash_ccy.to_string_grouped());
      row.push_back(money ? money->gross_rmb.to_string_grouped() : "-");
      row.push_back(
          money ? (money->enterprise_tax_rmb + money->individual_tax_rmb).to_string_grouped()
                : "-");
      row.push_back(money ? money->net_rmb.to_string_grouped() : "-");
    } else if (a.type == corpactions::ActionType::kVote) {
      row.push_back(std::to_string(e.votes));
    } else if (take_up) {
      row.push_back(std::to_string(e.securities));
      row.push_back(std::to_string(e.taken_up));
      row.push_back(money ? money->net_rmb.to_string_grouped() : "-");
    } else {
      row.push_back(std::to_string(e.securities));
      row.push_back(e.odd_lot == 0 ? "" : std::to_string(e.odd_lot));
    }
    rows.push_back(std::move(row));
  }
  std::vector<std::string> header{"CH", "ACCOUNT", "TYPE", "HOLDING"};
  if (a.currency && a.rate) {
    header.insert(header.end(), {"GROSS " + std::string(currency_code(*a.currency)), "GROSS RMB",
                                 "TAX RMB", "NET RMB"});
  } else if (a.type == corpactions::ActionType::kVote) {
    header.push_back("VOTES");
  } else if (take_up) {
    header.insert(header.end(), {"RIGHTS", "TAKEN UP", "PAID RMB"});
  } else {
    header.insert(header.end(), {"SECURITIES", "ODD LOT"});
  }
  print_table(std::cout, header, rows, {3, 4, 5, 6, 7});
  return Ok{};
}

// An investor's instruction, given now or at --at (Hong Kong time: a counter's paper
// instruction entered later), checked and stored; audited.
Result<void> elect(const AppContext& context, const CaOptions& options) {
  CP_ASSIGN_OR_RETURN(LoadedReference loaded, load_reference(context));
  corpactions::ElectionInstruction instruction;
  CP_ASSIGN_OR_RETURN(instruction.channel, parse_channel(options.channel));
  instruction.account_id = options.account;
  std::string joined;
  for (const std::string& choice : options.choices) joined += (joined.empty() ? "" : ";") + choice;
  CP_ASSIGN_OR_RETURN(instruction.choices, corpactions::parse_choices(joined));
  CP_ASSIGN_OR_RETURN(const UtcTime at, past_instant_option(options.at, context.clock));
  instruction.at = corpactions::hkt_minute(at);
  int64_t sequence = 0;
  CP_RETURN_IF_ERROR(audited(context, *loaded.db, "ca.elect", "ca_event:" + options.event_id,
                             {{"channel", options.channel},
                              {"account", options.account},
                              {"choices", corpactions::choices_text(instruction.choices)},
                              {"at", instruction.at.to_string()}},
                             [&]() -> Result<void> {
                               CP_ASSIGN_OR_RETURN(
                                   sequence, corpactions::elect(*loaded.db, loaded.refdata,
                                                                loaded.calendars, options.event_id,
                                                                instruction, context.actor()));
                               return Ok{};
                             }));
  std::cout << "instruction " << sequence << " of event " << options.event_id << ": "
            << options.account << " " << corpactions::choices_text(instruction.choices) << " at "
            << instruction.at.to_string() << " HKT\n";
  return Ok{};
}

Result<void> show_elections(const AppContext& context, const CaOptions& options) {
  CP_ASSIGN_OR_RETURN(LoadedReference loaded, load_reference(context));
  CP_ASSIGN_OR_RETURN(
      const auto report,
      corpactions::election_report(*loaded.db, loaded.refdata, loaded.calendars, options.event_id));
  if (options.json) {
    Json instructions = Json::array();
    for (const auto& i : report.instructions) {
      instructions.push_back({{"sequence", i.sequence},
                              {"channel", channel_code(i.channel)},
                              {"account_id", i.account_id},
                              {"choices", corpactions::choices_text(i.choices)},
                              {"at", i.at.to_string()}});
    }
    Json filed = Json::array();
    for (const auto& f : report.filed) {
      filed.push_back({{"channel", channel_code(f.channel)},
                       {"account_id", f.account_id},
                       {"instructed", corpactions::choices_text(f.instructed)},
                       {"eligible", f.eligible},
                       {"status", corpactions::election_status_code(f.status)},
                       {"filed", corpactions::choices_text(f.filed)},
                       {"reason", f.reason}});
    }
    Json totals = Json::array();
    for (const auto& t : report.totals) {
      totals.push_back({{"channel", channel_code(t.channel)},
                        {"option", corpactions::election_option_code(t.option)},
                        {"quantity", t.quantity},
                        {"accounts", t.accounts}});
    }
    print_json(std::cout, {{"event", event_json(report.action)},
                           {"holders_date", report.holders_date.to_string()},
                           {"instructions", instructions},
                           {"filed", filed},
                           {"totals", totals}});
    return Ok{};
  }
  const auto& a = report.action;
  std::cout << "event " << a.event_id << ": " << corpactions::action_type_code(a.type) << " of "
            << a.security_code << ", CSDC's deadline " << a.csdc_deadline->to_string()
            << " HKT, holders at the close of " << report.holders_date.to_string() << "\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& f : report.filed) {
    rows.push_back({std::string(channel_code(f.channel)), f.account_id,
                    corpactions::choices_text(f.instructed), std::to_string(f.eligible),
                    std::string(corpactions::election_status_code(f.status)),
                    corpactions::choices_text(f.filed), f.reason});
  }
  print_table(std::cout, {"CH", "ACCOUNT", "INSTRUCTED", "HELD", "STATUS", "FILED", "WHY"}, rows,
              {3});
  std::cout << "\nto CSDC:\n";
  std::vector<std::vector<std::string>> totals;
  for (const auto& t : report.totals) {
    totals.push_back({std::string(channel_code(t.channel)),
                      std::string(corpactions::election_option_code(t.option)),
                      std::to_string(t.quantity), std::to_string(t.accounts)});
  }
  print_table(std::cout, {"CH", "OPTION", "QUANTITY", "ACCOUNTS"}, totals, {2, 3});
  return Ok{};
}

// CSDC's non-trade transfers imported (CLR-10): what each moves and the day its fees settle.
Result<void> show_transfers(const AppContext& context, const CaOptions& options) {
  CP_ASSIGN_OR_RETURN(LoadedReference loaded, load_reference(context));
  CP_ASSIGN_OR_RETURN(
      const auto transfers,
      store::non_trade_transfers_between(*loaded.db, std::nullopt, kSouthboundBefore, kFarFuture));
  Json out = Json::array();
  std::vector<std::vector<std::string>> rows;
  for (const auto& t : transfers) {
    CP_ASSIGN_OR_RETURN(auto southbound,
                        calendar::SouthboundCalendar::build(loaded.calendars,
                                                            loaded.refdata.parameters, t.channel));
    CP_ASSIGN_OR_RETURN(const Date settles,
                        corpactions::fee_settlement_date(southbound, t.clearing_date));
    const bool moves = corpactions::moves_shares(t.reason);
    const std::string reason(corpactions::transfer_reason_code(t.reason));
    out.push_back({{"transfer_id", t.transfer_id},
                   {"reason", reason},
                   {"channel", channel_code(t.channel)},
                   {"clearing_date", t.clearing_date.to_string()},
                   {"from_account", t.from_account},
                   {"to_account", t.to_account},
                   {"security_code", t.security_code},
                   {"quantity", t.quantity},
                   {"moves_shares", moves},
                   {"fee_account", t.fee_account},
                   {"transfer_fee_rmb", t.transfer_fee_rmb.to_string()},
                   {"stamp_duty_rmb", t.stamp_duty_rmb.to_string()},
                   {"fee_settlement_date", settles.to_string()}});
    rows.push_back(
        {t.transfer_id, reason, std::string(channel_code(t.channel)), t.clearing_date.to_string(),
         t.from_account + (moves ? " → " + t.to_account : " (stays)"), t.security_code,
         std::to_string(t.quantity), t.fee_account,
         (t.transfer_fee_rmb + t.stamp_duty_rmb).to_string_grouped(), settles.to_string()});
  }
  if (options.json) {
    print_json(std::cout, {{"transfers", out}});
    return Ok{};
  }
  print_table(std::cout,
              {"TRANSFER", "REASON", "CH", "CLEARED", "SHARES", "SECURITY", "QUANTITY", "PAYS",
               "FEES RMB", "SETTLES"},
              rows, {6, 8});
  return Ok{};
}

}  // namespace

void register_ca_commands(CLI::App& app, AppContext& context) {
  auto* ca = app.add_subcommand("ca", "Corporate actions: announcements and entitlements");
  ca->require_subcommand(1);
  auto options = std::make_shared<CaOptions>();
  auto* events = ca->add_subcommand("events", "The announced corporate actions");
  events->add_flag("--json", options->json, "Print JSON");
  events->callback(
      [&context, options] { run_action(context, [&] { return list_events(context, *options); }); });
  auto* entitlements = ca->add_subcommand(
      "entitlements", "Per account: holding, entitlement, gross, tax, net RMB, payable date");
  entitlements->add_option("--event", options->event_id, "The event id")->required();
  entitlements->add_flag("--totals", options->totals,
                         "Only the sums per channel (what CSDC's clearing is reconciled with)");
  entitlements->add_flag("--json", options->json, "Print JSON");
  entitlements->callback([&context, options] {
    run_action(context, [&] { return show_entitlements(context, *options); });
  });
  auto* elect_command = ca->add_subcommand(
      "elect", "An investor's election instruction (the last prevails), checked and audited");
  elect_command->add_option("--event", options->event_id, "The event id")->required();
  elect_command->add_option("--channel", options->channel, "sh or sz")->required();
  elect_command->add_option("--account", options->account, "The investor's account")->required();
  elect_command
      ->add_option("--choice", options->choices, "OPTION=QUANTITY, e.g. take_up=400 (repeatable)")
      ->required();
  elect_command->add_option("--at", options->at,
                            "When it was given, \"YYYY-MM-DD HH:MM\" Hong Kong time (default now)");
  elect_command->callback(
      [&context, options] { run_action(context, [&] { return elect(context, *options); }); });
  auto* transfers = ca->add_subcommand(
      "transfers", "CSDC's non-trade transfers: the shares each moves and when its fees settle");
  transfers->add_flag("--json", options->json, "Print JSON");
  transfers->callback([&context, options] {
    run_action(context, [&] { return show_transfers(context, *options); });
  });
  auto* elections = ca->add_subcommand(
      "elections", "Every instruction, each account's as filed, and the totals to CSDC");
  elections->add_option("--event", options->event_id, "The event id")->required();
  elections->add_flag("--json", options->json, "Print JSON");
  elections->callback([&context, options] {
    run_action(context, [&] { return show_elections(context, *options); });
  });
}

}  // namespace cp::cli
