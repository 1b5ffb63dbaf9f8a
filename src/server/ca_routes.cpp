#include "server/ca_routes.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <set>

#include "corpactions/election_run.h"
#include "corpactions/event_json.h"
#include "refdata/market_calendar.h"
#include "refdata/refdata.h"
#include "server/json_body.h"
#include "server/portal_notifications.h"
#include "server/portal_reference.h"
#include "server/route_support.h"
#include "store/audit_store.h"
#include "store/ca_election_store.h"
#include "store/ca_store.h"
#include "store/investor_account_store.h"
#include "store/notification_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::ordered_json;
using corpactions::CorporateAction;
using corpactions::HktInstant;
using Eligible = std::map<std::pair<Channel, std::string>, int64_t>;

const Access kEventsView = Access::entitled("refdata", identity::Level::kView, "firm");
const Access kElectionsView = Access::entitled("elections", identity::Level::kView, "firm");
const Access kElectionsMake = Access::entitled("elections", identity::Level::kMake, "firm");

// Where an event stands for its holders at `now`: before the window, in it, after it; an event
// without elections is "notice" until it is paid.
std::string window_state(const CorporateAction& a, const HktInstant& now) {
  if (!a.takes_elections()) return "notice";
  if (now < *a.election_open) return "not_open";
  if (now > *a.csdc_deadline) return "closed";
  return "open";
}

// Whether the holders still need to see the event: its window has not closed, or — without
// elections — it has not been paid.
bool still_current(const CorporateAction& a, const HktInstant& now) {
  if (a.takes_elections()) return a.csdc_deadline->date >= now.date;
  const Date last = a.payment_date.value_or(a.holders_date());
  return last >= now.date;
}

Result<HttpResponse> list_events(PortalContext& portal, const RequestContext& c) {
  if (!in_operator_firm(c)) return not_found();
  CP_ASSIGN_OR_RETURN(auto events, store::ca_events(portal.auth.db));
  Json out = Json::array();
  // Newest record date first: the store gives them oldest first.
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    out.push_back(corpactions::event_json(*it));
  }
  return json_response(200, {{"firm", c.params.at("firm")}, {"events", out}});
}

Result<HttpResponse> notices(PortalContext& portal, const RequestContext& c) {
  if (!is_book_firm(portal, c)) return not_found();
  const std::string& firm = c.params.at("firm");
  CP_ASSIGN_OR_RETURN(auto accounts,
                      store::investor_accounts(portal.auth.db, firm, c.principal->user_id));
  const HktInstant now = corpactions::hkt_minute(portal.auth.clock.now());
  Json out = Json::array();
  if (!accounts.empty()) {
    CP_ASSIGN_OR_RETURN(auto events, store::ca_events(portal.auth.db));
    std::optional<PortalReference> reference;
    const std::set<std::string> mine(accounts.begin(), accounts.end());
    for (auto it = events.rbegin(); it != events.rend() && out.size() < kNoticesMax; ++it) {
      const CorporateAction& a = *it;
      if (!still_current(a, now)) continue;
      if (!reference) {
        CP_ASSIGN_OR_RETURN(reference, load_portal_reference(portal));
      }
      CP_ASSIGN_OR_RETURN(const Eligible eligible,
                          corpactions::eligible_at_instant(portal.auth.db, reference->refdata,
                                                           reference->calendars, a, now));
      CP_ASSIGN_OR_RETURN(auto given, store::ca_elections_of(portal.auth.db, a.event_id));
      std::erase_if(given, [&](const auto& i) { return !mine.count(i.account_id); });
      const auto prevailing = corpactions::prevailing(std::move(given));
      Json holdings = Json::array();
      for (const auto& [key, quantity] : eligible) {
        if (quantity <= 0 || !mine.count(key.second)) continue;
        Json instruction = nullptr;
        for (const auto& i : prevailing) {
          if (i.channel == key.first && i.account_id == key.second) {
            instruction = {{"sequence", i.sequence},
                           {"choices", corpactions::choices_text(i.choices)},
                           {"at", i.at.to_string()}};
          }
        }
        holdings.push_back({{"account", key.second},
                            {"channel", channel_code(key.first)},
                            {"eligible", quantity},
                            {"instruction", instruction}});
      }
      if (holdings.empty()) continue;
      const auto security = reference->refdata.securities.on(a.security_code, a.holders_date());
      out.push_back({{"event", corpactions::event_json(a)},
                     {"security_name", security.ok() ? Json((*security)->row.name) : Json(nullptr)},
                     {"window", window_state(a, now)},
                     {"holdings", holdings}});
    }
  }
  return json_response(
      200, {{"firm", firm}, {"now", now.to_string()}, {"accounts", accounts}, {"notices", out}});
}

Result<HttpResponse> elect(PortalContext& portal, const RequestContext& c) {
  if (!is_book_firm(portal, c)) return not_found();
  const std::string& firm = c.params.at("firm");
  const std::string& event_id = c.params.at("event");
  auto body = json_fields(c.request, {"account", "channel", "choices"});
  if (!body) {
    return error_response(400, "bad_request",
                          "a JSON object with account, channel and choices is required");
  }
  const std::string account = (*body)["account"].get<std::string>();
  CP_ASSIGN_OR_RETURN(auto accounts,
                      store::investor_accounts(portal.auth.db, firm, c.principal->user_id));
  // Someone else's account reads as nothing at all, like another firm's request.
  if (std::find(accounts.begin(), accounts.end(), account) == accounts.end()) return not_found();
  corpactions::ElectionInstruction instruction;
  instruction.account_id = account;
  auto channel = parse_channel((*body)["channel"].get<std::string>());
  if (!channel.ok()) return field_refusal(invalid_input(channel.error().message, "channel"));
  instruction.channel = *channel;
  auto choices = corpactions::parse_choices((*body)["choices"].get<std::string>());
  if (!choices.ok()) return field_refusal(choices.error());
  instruction.choices = std::move(choices).value();
  instruction.at = corpactions::hkt_minute(portal.auth.clock.now());
  CP_ASSIGN_OR_RETURN(PortalReference reference, load_portal_reference(portal));
  int64_t sequence = 0;
  auto done = audited_change(
      portal.auth, "user:" + c.principal->user_id, "ca.elect", "ca_event:" + event_id,
      nlohmann::json{{"firm", firm},
                     {"channel", channel_code(instruction.channel)},
                     {"account", account},
                     {"choices", corpactions::choices_text(instruction.choices)},
                     {"at", instruction.at.to_string()}},
      [&]() -> Result<void> {
        CP_ASSIGN_OR_RETURN(
            sequence, corpactions::elect(portal.auth.db, reference.refdata, reference.calendars,
                                         event_id, instruction, "user:" + c.principal->user_id));
        return Ok{};
      });
  if (!done.ok()) {
    const Error& e = done.error();
    if (e.code == ErrorCode::kRuleViolation || e.code == ErrorCode::kInvalidInput) {
      return field_refusal(invalid_input(e.message, e.field));
    }
    return refusal(e);
  }
  return json_response(201, {{"event_id", event_id},
                             {"sequence", sequence},
                             {"account", account},
                             {"channel", channel_code(instruction.channel)},
                             {"choices", corpactions::choices_text(instruction.choices)},
                             {"at", instruction.at.to_string()}});
}

}  // namespace

Result<HolderNotices> notify_holders(PortalContext& portal, const CorporateAction& action) {
  HolderNotices out;
  if (portal.book_firm.empty() || portal.notifier == nullptr) return out;
  CP_ASSIGN_OR_RETURN(PortalReference reference, load_portal_reference(portal));
  const HktInstant now = corpactions::hkt_minute(portal.auth.clock.now());
  CP_ASSIGN_OR_RETURN(const Eligible eligible,
                      corpactions::eligible_at_instant(portal.auth.db, reference.refdata,
                                                       reference.calendars, action, now));
  std::set<std::string> accounts;
  for (const auto& [key, quantity] : eligible) {
    if (quantity > 0) accounts.insert(key.second);
  }
  std::set<std::string> users;
  for (const std::string& account : accounts) {
    CP_ASSIGN_OR_RETURN(auto investors,
                        store::investors_of_account(portal.auth.db, portal.book_firm, account));
    users.insert(investors.begin(), investors.end());
  }
  const std::string what = std::string(corpactions::action_type_code(action.type));
  for (const std::string& user : users) {
    store::Notification n;
    n.user_id = user;
    n.firm_id = portal.book_firm;
    n.kind = action.takes_elections() ? "task" : "update";
    n.reference = action.event_id;
    n.title =
        "Corporate action " + action.event_id + " on " + action.security_code + " (" + what + ")";
    n.body = action.takes_elections()
                 ? "You hold " + action.security_code + ". Elect by " +
                       action.csdc_deadline->to_string() + " Hong Kong time (" +
                       corpactions::options_text(action.options) + ")."
                 : "You hold " + action.security_code + ". Holders at the close of " +
                       action.holders_date().to_string() + " are entitled.";
    n.link = "/ca.html#" + action.event_id;
    n.created_at = format_utc(portal.auth.clock.now());
    CP_RETURN_IF_ERROR(portal.notifier->deliver(portal.auth.db, n));
    ++out.notified;
    if (portal.sms == nullptr) continue;
    CP_ASSIGN_OR_RETURN(const auto mobile,
                        store::investor_mobile(portal.auth.db, portal.book_firm, user));
    if (!mobile) continue;
    // [D] English, as the mail is, until notifications carry the user's language (issue 19).
    const auto sent = portal.sms->send({*mobile, n.title + ". " + n.body});
    if (sent.ok()) {
      ++out.texted;
    } else {
      spdlog::warn("corporate-action SMS to an investor not sent: {}", sent.error().message);
    }
  }
  return out;
}

void add_ca_routes(App& app, PortalContext& portal) {
  Router& r = app.router();
  PortalContext* p = &portal;
  r.add({"GET", "/api/v1/operator/{firm}/ca-events", kEventsView,
         [p](const RequestContext& c) { return or_failure(list_events(*p, c)); },
         "The corporate actions announced, newest record date first"});
  r.add({"GET", "/api/v1/firms/{firm}/ca/notices", kElectionsView,
         [p](const RequestContext& c) { return or_failure(notices(*p, c)); },
         "The holder's corporate-action notices on their own accounts (book_firm only)"});
  r.add({"POST", "/api/v1/firms/{firm}/ca/events/{event}/elections", kElectionsMake,
         [p](const RequestContext& c) { return or_failure(elect(*p, c)); },
         "An election on one of the user's own accounts (the last instruction prevails)"});
}

}  // namespace cp::server
