// connectpost user sessions LOGIN [--all] [--json]; connectpost user end-sessions LOGIN
// The operator's view of a user's sessions (issue 5 item 8) and the incident response of ending
// them all (a stolen laptop, a departing employee). Never a token: a session is named by the
// first digits of its stored hash.
#include <chrono>
#include <iostream>

#include "cli/audited.h"
#include "cli/commands.h"
#include "refdata/refdata.h"
#include "store/identity_store.h"
#include "store/session_store.h"

namespace cp::cli {
namespace {

struct SessionOptions {
  std::string login;
  bool all = false;
  bool json = false;
};

// Whether a session not yet ended is still usable now: sessions are ended lazily, when next
// presented, so an idle or expired one may still read as open in the table.
std::string state_of(const store::SessionInfo& s, const std::string& now_utc,
                     const std::string& idle_since_utc) {
  if (!s.ended_at.empty()) return "ended: " + s.ended_reason;
  if (s.absolute_expiry <= now_utc) return "expired";
  if (s.last_seen_at < idle_since_utc) return "idle, timed out";
  return "live";
}

Result<void> user_sessions(const AppContext& context, const SessionOptions& o) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(auto user, store::find_user(*db, o.login));
  if (!user) return make_error(ErrorCode::kNotFound, "user " + o.login + " not found");
  CP_ASSIGN_OR_RETURN(refdata::RefData reference,
                      refdata::load_refdata(context.config.get("data_dir")));
  const UtcTime now = context.clock.now();
  CP_ASSIGN_OR_RETURN(int64_t idle_minutes,
                      reference.parameters.integer("auth.session_idle_minutes", to_hkt(now).date));
  const std::string now_utc = format_utc(now);
  const std::string idle_since = format_utc(now - std::chrono::minutes(idle_minutes));
  CP_ASSIGN_OR_RETURN(auto sessions, store::list_sessions(*db, o.login, o.all));
  Json out = Json::array();
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : sessions) {
    const std::string state = state_of(s, now_utc, idle_since);
    out.push_back({{"session", s.id},
                   {"created_at", s.created_at},
                   {"last_seen_at", s.last_seen_at},
                   {"absolute_expiry", s.absolute_expiry},
                   {"ended_at", s.ended_at},
                   {"state", state}});
    rows.push_back({s.id, s.created_at.substr(0, 19), s.last_seen_at.substr(0, 19), state});
  }
  if (o.json) {
    print_json(std::cout, {{"user", o.login}, {"sessions", out}});
  } else {
    print_table(std::cout, {"SESSION", "SIGNED IN (UTC)", "LAST SEEN (UTC)", "STATE"}, rows);
  }
  return Ok{};
}

Result<void> user_end_sessions(const AppContext& context, const SessionOptions& o) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(auto user, store::find_user(*db, o.login));
  if (!user) return make_error(ErrorCode::kNotFound, "user " + o.login + " not found");
  int64_t ended = 0;
  CP_RETURN_IF_ERROR(audited(context, *db, "user.sessions_ended", "user:" + o.login, Json::object(),
                             [&]() -> Result<void> {
                               CP_ASSIGN_OR_RETURN(
                                   ended, store::end_all_sessions(*db, o.login, context.clock.now(),
                                                                  "ended by the operator"));
                               return Ok{};
                             }));
  std::cout << "ended " << ended << " session(s) of " << o.login << "\n";
  return Ok{};
}

}  // namespace

void register_session_commands(CLI::App& app, AppContext& context) {
  CLI::App* user = app.get_subcommand("user");
  auto o = std::make_shared<SessionOptions>();
  auto* list = user->add_subcommand("sessions", "A user's sessions (never their tokens)");
  list->add_option("login", o->login, "Login name")->required();
  list->add_flag("--all", o->all, "Ended sessions too");
  list->add_flag("--json", o->json, "Print JSON");
  list->callback(
      [&context, o] { run_action(context, [&] { return user_sessions(context, *o); }); });
  auto* end = user->add_subcommand("end-sessions", "End every session of a user at once");
  end->add_option("login", o->login, "Login name")->required();
  end->callback(
      [&context, o] { run_action(context, [&] { return user_end_sessions(context, *o); }); });
}

}  // namespace cp::cli
