// connectpost firm add|list; connectpost user add|grant|revoke|link-account|lock|unlock|
// set-password|list|show
// The operator's commands for firms, users and roles (issue 5 item 8). The command line acts as
// the platform operator: delegation does not limit it, the role rules do. Every change is
// audited; a password is read from standard input, never from the command line.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/audited.h"
#include "cli/commands.h"
#include "identity/password.h"
#include "identity/qr_svg.h"
#include "identity/totp.h"
#include "mail/sms.h"
#include "store/audit_store.h"
#include "store/identity_store.h"
#include "store/investor_account_store.h"
#include "store/session_store.h"

namespace cp::cli {
namespace {

struct IdentityOptions {
  std::string id;  // firm id or login
  std::string name;
  std::string kind;
  std::string email;
  std::string firm;
  std::vector<std::string> roles;
  std::string until;
  std::string account;
  std::string mobile;
  bool json = false;
};

std::filesystem::path identity_dir(const AppContext& context) {
  return std::filesystem::path(context.config.get("data_dir")) / "identity";
}

const identity::Actor kOperator{"", true, {}};

Result<void> firm_add(const AppContext& context, const IdentityOptions& o) {
  CP_ASSIGN_OR_RETURN(identity::FirmKind kind, identity::parse_firm_kind(o.kind));
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_RETURN_IF_ERROR(audited(
      context, *db, "firm.added", "firm:" + o.id, {{"name", o.name}, {"kind", o.kind}}, [&] {
        return store::add_firm(*db, {o.id, o.name, kind}, context.clock.now());
      }));
  std::cout << "added firm " << o.id << " (" << o.kind << ")\n";
  return Ok{};
}

Result<void> firm_list(const AppContext& context, const IdentityOptions& o) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(auto firms, store::list_firms(*db));
  Json out = Json::array();
  std::vector<std::vector<std::string>> rows;
  for (const auto& f : firms) {
    out.push_back({{"firm", f.firm_id}, {"name", f.name}, {"kind", firm_kind_code(f.kind)}});
    rows.push_back({f.firm_id, f.name, firm_kind_code(f.kind)});
  }
  if (o.json) {
    print_json(std::cout, {{"firms", out}});
  } else {
    print_table(std::cout, {"FIRM", "NAME", "KIND"}, rows);
  }
  return Ok{};
}

// Grants each role in turn, all in the caller's transaction.
Result<void> grant_all(const AppContext& context, store::Database& db,
                       const identity::RoleCatalogue& catalogue, const IdentityOptions& o) {
  for (const auto& role : o.roles) {
    CP_RETURN_IF_ERROR(
        store::grant_role(db, catalogue, kOperator, o.id, o.firm, role, context.clock.now()));
  }
  return Ok{};
}

Result<void> user_add(const AppContext& context, const IdentityOptions& o) {
  CP_ASSIGN_OR_RETURN(auto catalogue, identity::RoleCatalogue::load(identity_dir(context)));
  if (!o.roles.empty() && o.firm.empty()) return invalid_input("--role needs --firm", "firm");
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  store::User user;
  user.user_id = o.id;
  user.display_name = o.name;
  user.email = o.email;
  CP_RETURN_IF_ERROR(
      audited(context, *db, "user.added", "user:" + o.id,
              {{"name", o.name}, {"email", o.email}, {"firm", o.firm}, {"roles", o.roles}},
              [&]() -> Result<void> {
                CP_RETURN_IF_ERROR(store::add_user(*db, user, context.clock.now()));
                return grant_all(context, *db, catalogue, o);
              }));
  std::cout << "added user " << o.id << "\n";
  return Ok{};
}

Result<void> user_grant(const AppContext& context, const IdentityOptions& o, bool grant) {
  CP_ASSIGN_OR_RETURN(auto catalogue, identity::RoleCatalogue::load(identity_dir(context)));
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_RETURN_IF_ERROR(audited(
      context, *db, grant ? "role.granted" : "role.revoked", "user:" + o.id,
      {{"firm", o.firm}, {"roles", o.roles}}, [&]() -> Result<void> {
        if (grant) return grant_all(context, *db, catalogue, o);
        for (const auto& role : o.roles) {
          CP_ASSIGN_OR_RETURN(bool removed,
                              store::revoke_role(*db, catalogue, kOperator, o.id, o.firm, role));
          if (!removed) {
            return make_error(ErrorCode::kNotFound,
                              o.id + " does not hold " + role + " in " + o.firm);
          }
        }
        return Ok{};
      }));
  std::cout << (grant ? "granted " : "revoked ");
  for (const auto& role : o.roles) std::cout << role << " ";
  std::cout << (grant ? "to " : "from ") << o.id << " in " << o.firm << "\n";
  return Ok{};
}

// An investor's securities account in the broker's book (migration 0046): what the holder's
// notices and elections in the portal show them (issue 17).
Result<void> user_link_account(const AppContext& context, const IdentityOptions& o) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  bool added = false;
  CP_RETURN_IF_ERROR(audited(context, *db, "user.account_linked", "user:" + o.id,
                             {{"firm", o.firm}, {"account", o.account}}, [&]() -> Result<void> {
                               CP_ASSIGN_OR_RETURN(
                                   added, store::link_investor_account(*db, o.firm, o.id, o.account,
                                                                       context.actor(),
                                                                       context.clock.now()));
                               return Ok{};
                             }));
  std::cout << (added ? "linked " : "already linked ") << o.account << " to " << o.id << " in "
            << o.firm << "\n";
  return Ok{};
}

// The mobile number an investor is texted at (migration 0049; issue 17's SMS notices). The audit
// entry keeps the last four digits only: the number is personal data.
Result<void> user_set_mobile(const AppContext& context, const IdentityOptions& o) {
  if (!mail::is_mobile_number(o.mobile)) {
    return invalid_input("--mobile: an E.164 number, + and 8 to 15 digits (+8613800138000)",
                         "mobile");
  }
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  const std::string shown = "…" + o.mobile.substr(o.mobile.size() - 4);
  CP_RETURN_IF_ERROR(audited(context, *db, "user.mobile_set", "user:" + o.id,
                             {{"firm", o.firm}, {"mobile", shown}}, [&]() -> Result<void> {
                               return store::set_investor_mobile(*db, o.firm, o.id, o.mobile,
                                                                 context.actor(),
                                                                 context.clock.now());
                             }));
  std::cout << "set the mobile of " << o.id << " in " << o.firm << " to " << shown << "\n";
  return Ok{};
}

Result<void> user_lock(const AppContext& context, const IdentityOptions& o, bool lock) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_RETURN_IF_ERROR(audited(context, *db, lock ? "user.locked" : "user.unlocked", "user:" + o.id,
                             {{"until", o.until}},
                             [&] { return store::set_lock(*db, o.id, lock, o.until); }));
  std::cout << (lock ? "locked " : "unlocked ") << o.id << "\n";
  return Ok{};
}

Result<void> user_set_password(const AppContext& context, const IdentityOptions& o) {
  // One line from standard input: a password never appears in `ps`, the shell history or a log.
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  identity::PasswordPolicy policy;
  CP_ASSIGN_OR_RETURN(
      policy.common,
      identity::load_common_passwords((identity_dir(context) / "common_passwords.txt").string()));
  CP_RETURN_IF_ERROR(identity::check_password(policy, password, o.id));
  CP_ASSIGN_OR_RETURN(std::string hash, identity::hash_password(password));
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_RETURN_IF_ERROR(audited(context, *db, "user.password_set", "user:" + o.id, Json::object(),
                             [&] { return store::set_password_hash(*db, o.id, hash); }));
  std::cout << "password set for " << o.id << "\n";
  return Ok{};
}

// Helpdesk enrolment of an authenticator app: a new secret replaces any earlier one (codes of
// the old app stop working); the operator hands the user the QR code or the URI. The secret is
// printed to this terminal only: never logged, never in the audit trail.
Result<void> user_enrol_totp(const AppContext& context, const IdentityOptions& o) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(auto user, store::find_user(*db, o.id));
  if (!user) return make_error(ErrorCode::kNotFound, "user " + o.id + " not found");
  CP_ASSIGN_OR_RETURN(store::UserSecurity security, store::user_security(*db, o.id));
  security.totp_secret = identity::new_totp_secret();
  security.totp_confirmed = true;
  security.totp_last_step = 0;
  const std::string uri = identity::otpauth_uri("connectpost", o.id, security.totp_secret);
  if (!o.until.empty()) {  // --qr FILE
    CP_ASSIGN_OR_RETURN(std::string svg, identity::qr_svg(uri));
    std::ofstream out(o.until);
    if (!(out << svg)) return invalid_input("cannot write " + o.until, "qr");
  }
  CP_RETURN_IF_ERROR(audited(context, *db, "user.totp_enrolled", "user:" + o.id, Json::object(),
                             [&] { return store::save_user_security(*db, o.id, security); }));
  std::cout << uri << "\n";
  return Ok{};
}

// Ten one-time recovery codes for when the second factor is lost; earlier codes stop working.
// Printed once, to this terminal: only their hashes are stored, and the audit entry counts them.
Result<void> user_recovery_codes(const AppContext& context, const IdentityOptions& o) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(auto user, store::find_user(*db, o.id));
  if (!user) return make_error(ErrorCode::kNotFound, "user " + o.id + " not found");
  std::vector<std::string> codes;
  CP_RETURN_IF_ERROR(audited(context, *db, "user.recovery_codes_issued", "user:" + o.id,
                             {{"count", 10}}, [&]() -> Result<void> {
                               CP_ASSIGN_OR_RETURN(codes, store::issue_recovery_codes(
                                                              *db, o.id, context.clock.now(), 10));
                               return Ok{};
                             }));
  for (const auto& code : codes) std::cout << code << "\n";
  return Ok{};
}

// The operator registers a user's designated email itself (SPEC AUTH-1): registered at once,
// an administrator's too (the operator is who approves those).
Result<void> user_set_email(const AppContext& context, const IdentityOptions& o) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_RETURN_IF_ERROR(audited(context, *db, "user.email_registered", "user:" + o.id,
                             {{"status", "registered"}},
                             [&] { return store::set_email(*db, o.id, o.email, false); }));
  std::cout << "registered the email address of " << o.id << "\n";
  return Ok{};
}

// The operator processes an administrator's email registration (SPEC AUTH-1).
Result<void> user_approve_email(const AppContext& context, const IdentityOptions& o) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_RETURN_IF_ERROR(audited(context, *db, "user.email_approved", "user:" + o.id, Json::object(),
                             [&] { return store::approve_email(*db, o.id); }));
  std::cout << "approved the email address of " << o.id << "\n";
  return Ok{};
}

Json user_json(const store::User& u) {
  return {{"user", u.user_id},
          {"name", u.display_name},
          {"email", u.email},
          {"email_status", u.email.empty() ? "" : u.email_status},
          {"status", u.status},
          {"locked_until", u.locked_until},
          {"has_password", u.has_password}};
}

Result<void> user_list(const AppContext& context, const IdentityOptions& o) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(auto users, store::list_users(*db, o.firm));
  Json out = Json::array();
  std::vector<std::vector<std::string>> rows;
  for (const auto& u : users) {
    out.push_back(user_json(u));
    rows.push_back({u.user_id, u.display_name, u.email, u.status});
  }
  if (o.json) {
    print_json(std::cout, {{"users", out}});
  } else {
    print_table(std::cout, {"USER", "NAME", "EMAIL", "STATUS"}, rows);
  }
  return Ok{};
}

Result<void> user_show(const AppContext& context, const IdentityOptions& o) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(auto user, store::find_user(*db, o.id));
  if (!user) return make_error(ErrorCode::kNotFound, "user " + o.id + " not found");
  CP_ASSIGN_OR_RETURN(auto memberships, store::memberships_of(*db, o.id));
  Json out = user_json(*user);
  Json firms = Json::array();
  for (const auto& m : memberships) {
    firms.push_back(
        {{"firm", m.firm_id}, {"kind", identity::firm_kind_code(m.firm_kind)}, {"roles", m.roles}});
  }
  out["memberships"] = firms;
  Json trail = Json::array();
  CP_RETURN_IF_ERROR(store::for_each_audit_entry(*db, {"user:" + o.id, ""},
                                                 [&](const audit::AuditEntry& e) -> Result<void> {
                                                   trail.push_back({{"seq", e.seq},
                                                                    {"at_utc", e.at_utc},
                                                                    {"actor", e.actor},
                                                                    {"action", e.action},
                                                                    {"detail", e.detail}});
                                                   return Ok{};
                                                 }));
  out["audit"] = trail;
  if (o.json) {
    print_json(std::cout, out);
    return Ok{};
  }
  std::cout << user->user_id << "  " << user->display_name << "  <" << user->email << ">  "
            << user->status << (user->has_password ? "" : "  (no password yet)") << "\n";
  for (const auto& m : memberships) {
    std::cout << "  " << m.firm_id << " (" << identity::firm_kind_code(m.firm_kind) << "):";
    for (const auto& role : m.roles) std::cout << " " << role;
    std::cout << "\n";
  }
  for (const auto& e : trail) {
    std::cout << "  #" << e["seq"].get<int64_t>() << " " << e["at_utc"].get<std::string>() << " "
              << e["actor"].get<std::string>() << " " << e["action"].get<std::string>() << " "
              << e["detail"].get<std::string>() << "\n";
  }
  return Ok{};
}

}  // namespace

void register_identity_commands(CLI::App& app, AppContext& context) {
  auto o = std::make_shared<IdentityOptions>();
  auto on = [&context, o](CLI::App* command, auto action) {
    command->callback(
        [&context, o, action] { run_action(context, [&] { return action(context, *o); }); });
  };
  auto* firm = app.add_subcommand("firm", "Participant firms and the operator");
  firm->require_subcommand(1);
  auto* firm_add_command = firm->add_subcommand("add", "Add a firm");
  firm_add_command->add_option("id", o->id, "Firm id, e.g. B01234")->required();
  firm_add_command->add_option("--name", o->name, "Name")->required();
  firm_add_command
      ->add_option("--kind", o->kind, "broker, clearing_participant, designated_bank or operator")
      ->required();
  on(firm_add_command, firm_add);
  auto* firm_list_command = firm->add_subcommand("list", "List the firms");
  firm_list_command->add_flag("--json", o->json, "Print JSON");
  on(firm_list_command, firm_list);

  auto* user = app.add_subcommand("user", "Users, their roles per firm, locks and passwords");
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", "Add a user, optionally with roles in a firm");
  add->add_option("login", o->id, "Login name: 3-64 of a-z 0-9 . _ -")->required();
  add->add_option("--name", o->name, "Display name")->required();
  add->add_option("--email", o->email, "The designated 2FA email (SPEC AUTH-1)");
  add->add_option("--firm", o->firm, "Firm for --role");
  add->add_option("--role", o->roles, "Role (repeatable; data/identity/roles.csv)");
  on(add, user_add);
  for (const bool grant : {true, false}) {
    auto* command = user->add_subcommand(
        grant ? "grant" : "revoke",
        grant ? "Grant roles in a firm (role rules checked)" : "Revoke roles in a firm");
    command->add_option("login", o->id, "Login name")->required();
    command->add_option("--firm", o->firm, "Firm")->required();
    command->add_option("--role", o->roles, "Role (repeatable)")->required();
    on(command, [grant](const AppContext& c, const IdentityOptions& opts) {
      return user_grant(c, opts, grant);
    });
  }
  auto* link = user->add_subcommand(
      "link-account", "Link a securities account of the book to an investor (their notices)");
  link->add_option("login", o->id, "Login name of a user with the investor role")->required();
  link->add_option("--firm", o->firm, "The broker firm (the book's)")->required();
  link->add_option("--account", o->account, "Account id in the account book")->required();
  on(link, user_link_account);
  auto* mobile = user->add_subcommand(
      "set-mobile", "Set the mobile number an investor is texted at (corporate-action notices)");
  mobile->add_option("login", o->id, "Login name of a user with the investor role")->required();
  mobile->add_option("--firm", o->firm, "The broker firm (the book's)")->required();
  mobile->add_option("--mobile", o->mobile, "E.164 number, e.g. +8613800138000")->required();
  on(mobile, user_set_mobile);
  auto* lock = user->add_subcommand("lock", "Lock a user out");
  lock->add_option("login", o->id, "Login name")->required();
  lock->add_option("--until", o->until, "UTC time the lock ends; default: until unlocked");
  on(lock,
     [](const AppContext& c, const IdentityOptions& opts) { return user_lock(c, opts, true); });
  auto* unlock = user->add_subcommand("unlock", "Unlock a user");
  unlock->add_option("login", o->id, "Login name")->required();
  on(unlock,
     [](const AppContext& c, const IdentityOptions& opts) { return user_lock(c, opts, false); });
  auto* password = user->add_subcommand(
      "set-password", "Set a user's password, read from standard input (policy checked)");
  password->add_option("login", o->id, "Login name")->required();
  on(password, user_set_password);
  auto* enrol = user->add_subcommand(
      "enrol-totp", "Register a new authenticator app: prints its otpauth URI (a secret)");
  enrol->add_option("login", o->id, "Login name")->required();
  enrol->add_option("--qr", o->until, "Also write the enrolment QR code to this SVG file");
  on(enrol, user_enrol_totp);
  auto* recovery = user->add_subcommand(
      "recovery-codes", "Issue ten one-time recovery codes (printed once; earlier ones end)");
  recovery->add_option("login", o->id, "Login name")->required();
  on(recovery, user_recovery_codes);
  auto* set_email = user->add_subcommand(
      "set-email", "Register a user's designated 2FA email at once (the operator's, AUTH-1)");
  set_email->add_option("login", o->id, "Login name")->required();
  set_email->add_option("email", o->email, "The address")->required();
  on(set_email, user_set_email);
  auto* approve = user->add_subcommand(
      "approve-email", "Approve an administrator's pending 2FA email registration (AUTH-1)");
  approve->add_option("login", o->id, "Login name")->required();
  on(approve, user_approve_email);
  auto* list = user->add_subcommand("list", "List users, all or one firm's");
  list->add_option("--firm", o->firm, "Firm");
  list->add_flag("--json", o->json, "Print JSON");
  on(list, user_list);
  auto* show = user->add_subcommand("show", "A user, their memberships and audit trail");
  show->add_option("login", o->id, "Login name")->required();
  show->add_flag("--json", o->json, "Print JSON");
  on(show, user_show);
}

}  // namespace cp::cli
