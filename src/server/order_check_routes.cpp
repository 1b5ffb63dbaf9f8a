#include "server/order_check_routes.h"

#include "calendar/southbound_calendar.h"
#include "investors/standing.h"
#include "server/portal_reference.h"
#include "server/route_support.h"
#include "store/import_store.h"
#include "store/investor_permission_store.h"
#include "trading/replay.h"

namespace cp::server {
namespace {

using Json = nlohmann::ordered_json;

const Access kOrderCheck = Access::entitled("trading", identity::Level::kView, "firm");

constexpr size_t kAccountLengthMax = 40;  // as an order file's account (trading/replay.h)

// A quantity as a JSON whole number or its digits.
std::optional<int64_t> quantity_of(const nlohmann::json& value) {
  if (value.is_number_integer()) return value.get<int64_t>();
  if (!value.is_string()) return std::nullopt;
  const std::string text = value.get<std::string>();
  if (text.empty() || text.size() > 12) return std::nullopt;
  int64_t out = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    out = out * 10 + (c - '0');
  }
  return out;
}

Result<HttpResponse> check(PortalContext& portal, const RequestContext& c) {
  if (!is_book_firm(portal, c)) return not_found();
  auto body = json_fields(c.request, {"account", "channel", "security", "side", "price"});
  if (!body || !body->contains("quantity")) {
    return error_response(400, "bad_request",
                          "a JSON object with account, channel, security, side, price and "
                          "quantity is required");
  }
  trading::ReplayEvent order;
  order.line = 1;
  order.kind = trading::EventKind::kOrder;
  order.order_id = "check";
  order.account = (*body)["account"].get<std::string>();
  if (order.account.empty() || order.account.size() > kAccountLengthMax) {
    return field_refusal(invalid_input("an account of 1 to 40 characters", "account"));
  }
  auto channel = parse_channel((*body)["channel"].get<std::string>());
  if (!channel.ok()) return field_refusal(invalid_input(channel.error().message, "channel"));
  auto side = parse_side((*body)["side"].get<std::string>());
  if (!side.ok()) return field_refusal(invalid_input(side.error().message, "side"));
  order.side = *side;
  auto price = Decimal::parse((*body)["price"].get<std::string>(), 3);
  if (!price.ok() || price->is_zero() || price->is_negative()) {
    return field_refusal(
        invalid_input("a price in HKD above zero with at most 3 decimals", "price"));
  }
  order.price = *price;
  const auto quantity = quantity_of((*body)["quantity"]);
  if (!quantity || *quantity <= 0) {
    return field_refusal(invalid_input("a whole number of shares above zero", "quantity"));
  }
  order.quantity = *quantity;
  order.security = (*body)["security"].get<std::string>();

  CP_ASSIGN_OR_RETURN(PortalReference reference, load_portal_reference(portal));
  const HktDateTime now = to_hkt(portal.auth.clock.now());
  order.at_s = now.time.seconds_since_midnight();
  if (!reference.refdata.securities.on(order.security, now.date).ok()) {
    return field_refusal(invalid_input(
        "no security " + order.security + " in the securities master on " + now.date.to_string(),
        "security"));
  }
  CP_ASSIGN_OR_RETURN(auto southbound,
                      calendar::SouthboundCalendar::build(reference.calendars,
                                                          reference.refdata.parameters, *channel));
  CP_ASSIGN_OR_RETURN(const calendar::DayInfo* day, southbound.day(now.date));
  if (!day->southbound_trading) {
    return error_response(422, "refused",
                          now.date.to_string() + " is not a Southbound trading day on " +
                              std::string(channel_code(*channel)) + ": " + day->reason_text());
  }
  // CLR-15: the day's published reference rates, as the replay needs them for the quota.
  CP_ASSIGN_OR_RETURN(auto fx, store::fx_rates_of(portal.auth.db, now.date, *channel));
  if (!fx) {
    return error_response(409, "conflict",
                          "no reference rates for " + now.date.to_string() +
                              " on this channel: import the day's fx.csv first");
  }
  // The investor's standing from the registry (SUIT, SUIT-6), as `orders replay` reads it.
  CP_ASSIGN_OR_RETURN(const investors::ReassessmentRules rules,
                      investors::reassessment_rules(reference.refdata.parameters, now.date));
  CP_ASSIGN_OR_RETURN(const auto held, store::permissions_on_record(portal.auth.db, now.date));
  const trading::Standings standings = investors::standings_on(held, *channel, now.date, rules);
  trading::ReplayEvents events;
  events.events.push_back(order);
  events.names_accounts = true;
  CP_ASSIGN_OR_RETURN(const trading::ReplayReport report,
                      trading::replay_day(events, reference.refdata, *day, *channel,
                                          {fx->reference_buy, fx->reference_sell}, standings));
  const trading::ReplayLine& line = report.lines.front();
  const auto standing = standings.find(order.account);
  return json_response_ordered(
      200,
      Json{{"account", order.account},
           {"channel", channel_code(*channel)},
           {"date", now.date.to_string()},
           {"time", trading::clock_text(order.at_s)},
           {"accepted", line.outcome == "accepted"},
           {"rule", line.rule.empty() ? Json(nullptr) : Json(line.rule)},
           {"message", line.message.empty() ? Json(nullptr) : Json(line.message)},
           {"permitted", standing != standings.end()},
           {"buys_refused", standing != standings.end() && !standing->second.buys_refused.empty()
                                ? Json(standing->second.buys_refused)
                                : Json(nullptr)}});
}

}  // namespace

void add_order_check_routes(App& app, PortalContext& portal) {
  PortalContext* p = &portal;
  app.router().add({"POST", "/api/v1/firms/{firm}/order-checks", kOrderCheck,
                    [p](const RequestContext& c) { return or_refusal(check(*p, c)); },
                    "Checks one order now as `orders replay` does: the investor's standing from "
                    "the permission registry and the order's own rules"});
}

}  // namespace cp::server
