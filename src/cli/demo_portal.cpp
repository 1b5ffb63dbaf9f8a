#include "cli/demo_portal.h"

#include <filesystem>
#include <fstream>

#include "cli/audited.h"
#include "cli/output.h"
#include "identity/password.h"
#include "identity/totp.h"
#include "portal/service_catalogue.h"
#include "server/portal_requests.h"
#include "store/document_store.h"
#include "store/event_store.h"
#include "store/identity_store.h"
#include "store/request_store.h"
#include "store/session_store.h"

namespace cp::cli {
namespace {

using workflow::Action;

struct DemoUser {
  const char* login;
  const char* name;
  std::vector<std::pair<const char*, const char*>> roles;  // firm, role
};

const std::vector<DemoUser>& demo_users() {
  static const std::vector<DemoUser> users = {
      {"mia", "Mia Wong", {{"B001", "maker"}, {"B002", "maker"}}},
      {"chen", "Chen Ka Ming", {{"B001", "checker"}}},
      {"bea", "Bea Lau", {{"B002", "maker"}}},
      {"ben", "Ben Ho", {{"B002", "checker"}}},
      {"dora", "Dora Ng", {{"D001", "viewer"}}},
      {"olga", "Olga Cheung", {{"HKEX", "operator_processor"}}},
      // Reference-data changes: otto files, tess checks (issue 6 item 7).
      {"otto", "Otto Chan", {{"HKEX", "refdata_maker"}}},
      {"tess", "Tess Yip", {{"HKEX", "refdata_checker"}}},
      // Payments toward money obligations: pam enters, carl checks (issue 16 item 4).
      {"pam", "Pam Chow", {{"HKEX", "payments_maker"}}},
      {"carl", "Carl Ng", {{"HKEX", "payments_checker"}}},
  };
  return users;
}

// The steps that take a request from a draft to its demo state, and who takes each.
std::vector<std::pair<Action, char>> path_to(const std::string& state) {
  const std::vector<std::pair<Action, char>> submit = {{Action::kSubmit, 'm'}};
  if (state == "draft") return {};
  if (state == "submitted") return submit;
  if (state == "returned") return {{Action::kSubmit, 'm'}, {Action::kReturn, 'c'}};
  if (state == "withdrawn") return {{Action::kSubmit, 'm'}, {Action::kWithdraw, 'm'}};
  std::vector<std::pair<Action, char>> path = {{Action::kSubmit, 'm'}, {Action::kApprove, 'c'}};
  if (state == "approved") return path;
  path.push_back({Action::kReceive, 'o'});
  if (state == "received") return path;
  if (state == "rejected") {
    path.push_back({Action::kReject, 'o'});
    return path;
  }
  path.push_back({Action::kStart, 'o'});
  if (state == "in_processing") return path;
  path.push_back({Action::kComplete, 'o'});
  return path;  // completed
}

// A small file of the first type a slot takes, for the demo's required attachments.
std::string demo_file(const portal::AttachmentSlot& slot) {
  if (slot.types.count("pdf")) return "%PDF-1.4\n% connectpost demo attachment\n%%EOF\n";
  if (slot.types.count("csv")) return "line,detail\n1,connectpost demo\n";
  return "\x89PNG\r\n\x1a\n";
}

Result<server::Principal> principal_of(store::Database& db, const std::string& login) {
  CP_ASSIGN_OR_RETURN(auto memberships, store::memberships_of(db, login));
  return server::Principal{login, memberships, "", ""};
}

Result<void> seed_once(const AppContext& context, store::Database& db) {
  const UtcTime now = context.clock.now();
  for (const auto& [id, name, kind] :
       {std::tuple{"B001", "Alpha Securities Limited", identity::FirmKind::kBroker},
        std::tuple{"B002", "Beta Clearing Services Limited",
                   identity::FirmKind::kClearingParticipant},
        std::tuple{"D001", "Delta Bank (Hong Kong) Limited", identity::FirmKind::kDesignatedBank},
        std::tuple{"HKEX", "Hong Kong Securities Clearing Company Limited",
                   identity::FirmKind::kOperator}}) {
    CP_RETURN_IF_ERROR(store::add_firm(db, {id, name, kind}, now));
  }
  CP_RETURN_IF_ERROR(store::save_firm_profile(
      db,
      {"B001",
       "",
       "阿爾法證券有限公司",
       "8 Connaught Place, Central, Hong Kong",
       "Alice Chan",
       "+852 2522 0001",
       "ops@alpha.example",
       {{"HKSCC", "B01234"}, {"HKCC", "ALP"}, {"SEOCH", "ALS"}, {"SEHK", "B01234"}}},
      now));
  CP_RETURN_IF_ERROR(store::save_firm_profile(db,
                                              {"B002",
                                               "",
                                               "貝塔結算服務有限公司",
                                               "1 Harbour Road, Wan Chai, Hong Kong",
                                               "Bill Yip",
                                               "+852 2522 0002",
                                               "ops@beta.example",
                                               {{"HKSCC", "C00019"}, {"HKCC", "BET"}}},
                                              now));
  CP_RETURN_IF_ERROR(store::save_firm_profile(db,
                                              {"D001",
                                               "",
                                               "德爾塔銀行(香港)有限公司",
                                               "2 Queen's Road Central, Hong Kong",
                                               "Dora Ng",
                                               "+852 2522 0003",
                                               "custody@delta.example",
                                               {{"HKSCC", "D00001"}}},
                                              now));
  CP_ASSIGN_OR_RETURN(identity::RoleCatalogue roles,
                      identity::RoleCatalogue::load(
                          std::filesystem::path(context.config.get("data_dir")) / "identity"));
  const identity::Actor operator_cli{"", true, {}};
  for (const DemoUser& u : demo_users()) {
    store::User user;
    user.user_id = u.login;
    user.display_name = u.name;
    user.email = std::string(u.login) + "@example.com";
    CP_RETURN_IF_ERROR(store::add_user(db, user, now));
    for (const auto& [firm, role] : u.roles) {
      CP_RETURN_IF_ERROR(store::grant_role(db, roles, operator_cli, u.login, firm, role, now));
    }
    CP_ASSIGN_OR_RETURN(std::string hash, identity::hash_password(kDemoPassword));
    CP_RETURN_IF_ERROR(store::set_password_hash(db, u.login, hash));
  }
  // Requests in every state, through the same steps the API takes.
  CP_ASSIGN_OR_RETURN(portal::ServiceCatalogue services,
                      portal::ServiceCatalogue::load(context.config.get("catalog_dir")));
  std::ifstream in(std::filesystem::path(context.config.get("data_dir")) / "demo" /
                   "portal_requests.json");
  const nlohmann::json plan = nlohmann::json::parse(in, nullptr, false);
  if (!plan.is_object()) return invalid_input("data/demo/portal_requests.json is not JSON");
  server::AuthContext auth{db, context.clock, {}, nullptr, std::nullopt, {}};
  server::PortalContext portal{auth, roles, services};
  for (const nlohmann::json& item : plan["requests"]) {
    const std::string firm = item["firm"];
    CP_ASSIGN_OR_RETURN(server::Principal maker, principal_of(db, item["maker"]));
    CP_ASSIGN_OR_RETURN(server::Principal checker, principal_of(db, item["checker"]));
    CP_ASSIGN_OR_RETURN(server::Principal olga, principal_of(db, "olga"));
    CP_ASSIGN_OR_RETURN(store::StoredRequest request,
                        server::create_request(portal, maker, firm, item["service"], item["data"]));
    const portal::ServiceDefinition* service = services.find(item["service"].get<std::string>());
    for (const portal::AttachmentSlot& slot : service->attachments) {
      if (!slot.required) continue;
      CP_RETURN_IF_ERROR(server::attach_file(
          portal, maker, request, slot.name,
          slot.name + (slot.types.count("pdf") ? ".pdf" : ".csv"), demo_file(slot)));
      CP_ASSIGN_OR_RETURN(request, server::load_request(portal, firm, request.reference));
    }
    for (const auto& [action, who] : path_to(item["state"])) {
      server::StepInput input;
      input.action = action;
      input.reason = action == Action::kReturn || action == Action::kReject
                         ? item["reason"].get<std::string>()
                         : "";
      const server::Principal& actor = who == 'm' ? maker : who == 'c' ? checker : olga;
      CP_ASSIGN_OR_RETURN(request, server::take_step(portal, actor, request, input));
    }
  }
  // Seed 003's kind of briefing: a venue session with 2 seats per participant, two online.
  const Date today = to_hkt(now).date;
  auto at = [&](int days, const char* time) {
    return format_utc(from_hkt(today.plus_days(days), *TimeOfDay::parse(time)));
  };
  store::PortalEvent event;
  event.code = "2FA-BRIEFING";
  event.title_en = "Briefing: preparing for two-factor authentication";
  event.title_zh_hant = "為準備啟動雙重身份驗證的簡報會";
  event.title_zh_hans = "为准备启动双重身份验证的简报会";
  event.description = "Timetable, operational changes and the user account migration plan.";
  event.deadline = at(14, "23:59");
  event.firm_kinds = {"broker", "clearing_participant", "designated_bank"};
  event.created_by = "olga";
  event.created_at = format_utc(now);
  event.sessions = {
      {0, at(19, "16:30"), at(19, "17:45"), "venue",
       "Hong Kong Financial Hall (Zone 1), 1/F One & Two Exchange Square, Central", "yue", 200, 2},
      {0, at(20, "16:30"), at(20, "17:45"), "online", "https://meet.example/2fa-yue", "yue", 500,
       0},
      {0, at(21, "16:30"), at(21, "17:45"), "online", "https://meet.example/2fa-en", "en", 500, 0}};
  CP_RETURN_IF_ERROR(store::add_event(db, event));
  store::Document guide;
  guide.code = "CCASS-2FA-GUIDE";
  guide.category = "guides";
  guide.title_en = "CCASS terminal user guide: two-factor authentication";
  guide.title_zh_hant = "CCASS 終端機使用者指引：雙重身份驗證";
  guide.title_zh_hans = "CCASS 终端机使用者指引：双重身份验证";
  guide.firm_kinds = {"broker", "clearing_participant", "designated_bank"};
  guide.created_at = format_utc(now);
  CP_RETURN_IF_ERROR(store::add_document(db, guide));
  CP_RETURN_IF_ERROR(store::publish_version(db, guide.code,
                                            {0, "ccass-2fa-guide.pdf", "application/pdf", 0, "",
                                             "first edition", "olga", format_utc(now)},
                                            "%PDF-1.4\n% CCASS 2FA guide (demo)\n%%EOF\n"));
  return Ok{};
}

}  // namespace

Result<void> seed_demo_portal(const AppContext& context, store::Database& db, std::ostream& out) {
  CP_ASSIGN_OR_RETURN(auto operator_firm, store::find_firm(db, "HKEX"));
  if (!operator_firm) {
    CP_RETURN_IF_ERROR(audited(context, db, "demo.portal_seeded", "demo:portal", Json::object(),
                               [&] { return seed_once(context, db); }));
  }
  out << "\nThe portal (make demo starts it; docs/portal.md)\n"
      << "  password of every demo user: " << kDemoPassword << "\n"
      << "  add the key to an authenticator app (or scan `connectpost user enrol-totp LOGIN --qr "
         "F`)\n";
  std::vector<std::vector<std::string>> rows;
  for (const DemoUser& u : demo_users()) {
    CP_ASSIGN_OR_RETURN(store::UserSecurity security, store::user_security(db, u.login));
    security.totp_secret = identity::new_totp_secret();
    security.totp_confirmed = true;
    security.totp_last_step = 0;
    CP_RETURN_IF_ERROR(audited(context, db, "user.totp_enrolled", std::string("user:") + u.login,
                               Json::object(),
                               [&] { return store::save_user_security(db, u.login, security); }));
    std::string firms;
    for (const auto& [firm, role] : u.roles) {
      firms += (firms.empty() ? "" : ", ") + std::string(firm) + " " + role;
    }
    rows.push_back({u.login, firms, identity::base32(security.totp_secret)});
  }
  print_table(out, {"USER", "FIRM ROLE", "AUTHENTICATOR KEY (base32)"}, rows, {});
  return Ok{};
}

}  // namespace cp::cli
