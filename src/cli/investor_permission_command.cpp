// The permission registry from the command line (issue 18; store/investor_permission_store.h):
//   connectpost investor grant --account A --channel sh|sz --date D
//     grants the permission when every suitability rule passes on D (investor check), refusing
//     a second one while the first is open; audited.
//   connectpost investor close --account A --channel sh|sz --date D
//     closes it when the counter's check allows (investor closing-check, SUIT-5); audited.
//   connectpost investor permissions [--account A] [--json]
//   connectpost investor reassessments --date D [--json]
//     the daily job of SUIT-6: every permission held on D whose risk questionnaire has expired or
//     expires within suit.reassessment_notice_days, each recorded once per stage, its investors
//     (the book firm's users linked to the account) told in the portal; audited when it records.
#include <iostream>

#include "cli/audited.h"
#include "cli/commands.h"
#include "cli/investor_steps.h"
#include "investors/reassessment.h"
#include "store/audit_store.h"
#include "store/investor_account_store.h"
#include "store/investor_permission_store.h"
#include "store/notification_store.h"

namespace cp::cli {
namespace {

// "rule: reason; rule: reason" of the rules that failed.
std::string failed_rules(const investors::Assessment& assessment) {
  std::string out;
  for (const auto& r : assessment.rules) {
    if (r.passed) continue;
    out += (out.empty() ? "" : "; ") + std::string(investors::rule_code(r.rule)) + ": " + r.reason;
  }
  return out;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
  return out;
}

Result<void> grant(const AppContext& context, const InvestorOptions& options) {
  CP_ASSIGN_OR_RETURN(InvestorRequest request, open_request(context, options));
  const auto& [loaded, channel, date] = request;
  CP_ASSIGN_OR_RETURN(const investors::Assessment assessment,
                      assess_investor(loaded, options.account, channel, date));
  CP_ASSIGN_OR_RETURN(const store::ArchiveStamp stamp,
                      archive_stamp(context, loaded.refdata.parameters));
  const Json decision = assessment_json(assessment, options.account, channel, date);
  const std::string object =
      "investor:" + options.account + ":" + std::string(channel_code(channel));
  const store::ArchiveAppend archived{
      options.account,
      assessment.eligible ? investors::ArchiveKind::kGrant : investors::ArchiveKind::kGrantRefused,
      std::string(channel_code(channel)), decision.dump()};
  if (!assessment.eligible) {
    // The refusal is a decision too: archived (SUIT-7) and audited before it is reported.
    CP_RETURN_IF_ERROR(audited(context, *loaded.db, "investor.permission.grant_refused", object,
                               {{"date", date.to_string()}}, [&]() -> Result<void> {
                                 CP_RETURN_IF_ERROR(
                                     store::append_archive(*loaded.db, archived, stamp));
                                 return Ok{};
                               }));
    return make_error(ErrorCode::kRuleViolation,
                      "account " + options.account + " is not eligible on " +
                          std::string(channel_code(channel)) + " on " + date.to_string() + ": " +
                          failed_rules(assessment));
  }
  store::PermissionRow row;
  row.account_id = options.account;
  row.channel = channel;
  row.granted_on = date;
  row.granted_by = context.actor();
  row.assessment = decision.dump();
  CP_RETURN_IF_ERROR(audited(context, *loaded.db, "investor.permission.grant", object,
                             {{"granted_on", date.to_string()}}, [&]() -> Result<void> {
                               CP_RETURN_IF_ERROR(store::grant_permission(*loaded.db, row));
                               CP_RETURN_IF_ERROR(
                                   store::append_archive(*loaded.db, archived, stamp));
                               return Ok{};
                             }));
  std::cout << "granted the " << channel_code(channel) << " permission to " << options.account
            << " on " << date.to_string() << "\n";
  return Ok{};
}

Result<void> close(const AppContext& context, const InvestorOptions& options) {
  CP_ASSIGN_OR_RETURN(InvestorRequest request, open_request(context, options));
  const auto& [loaded, channel, date] = request;
  CP_ASSIGN_OR_RETURN(const ClosingOutcome outcome,
                      check_closing_of(loaded, options.account, channel, date));
  CP_ASSIGN_OR_RETURN(const store::ArchiveStamp stamp,
                      archive_stamp(context, loaded.refdata.parameters));
  const std::string closing = closing_json(outcome, options.account, channel, date).dump();
  const std::string object =
      "investor:" + options.account + ":" + std::string(channel_code(channel));
  const store::ArchiveAppend archived{options.account,
                                      outcome.check.allowed
                                          ? investors::ArchiveKind::kClosing
                                          : investors::ArchiveKind::kClosingRefused,
                                      std::string(channel_code(channel)), closing};
  if (!outcome.check.allowed) {
    CP_RETURN_IF_ERROR(audited(context, *loaded.db, "investor.permission.close_refused", object,
                               {{"date", date.to_string()}}, [&]() -> Result<void> {
                                 CP_RETURN_IF_ERROR(
                                     store::append_archive(*loaded.db, archived, stamp));
                                 return Ok{};
                               }));
    return make_error(ErrorCode::kRuleViolation,
                      "closing refused (SUIT-5): " + join(outcome.check.reasons));
  }
  CP_RETURN_IF_ERROR(
      audited(context, *loaded.db, "investor.permission.close", object,
              {{"closed_on", date.to_string()}}, [&]() -> Result<void> {
                CP_RETURN_IF_ERROR(store::close_permission(*loaded.db, options.account, channel,
                                                           date, context.actor(), closing));
                CP_RETURN_IF_ERROR(store::append_archive(*loaded.db, archived, stamp));
                return Ok{};
              }));
  std::cout << "closed the " << channel_code(channel) << " permission of " << options.account
            << " on " << date.to_string() << "\n";
  return Ok{};
}

Result<void> permissions(const AppContext& context, const InvestorOptions& options) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(const auto rows, store::list_permissions(*db, options.account));
  if (options.json) {
    Json out = Json::array();
    for (const auto& p : rows) {
      out.push_back({{"account", p.account_id},
                     {"channel", channel_code(p.channel)},
                     {"granted_on", p.granted_on.to_string()},
                     {"granted_by", p.granted_by},
                     {"closed_on", p.closed_on ? Json(p.closed_on->to_string()) : Json(nullptr)},
                     {"closed_by", p.closed_on ? Json(p.closed_by) : Json(nullptr)}});
    }
    print_json(std::cout, {{"permissions", out}});
    return Ok{};
  }
  std::vector<std::vector<std::string>> table;
  for (const auto& p : rows) {
    table.push_back({p.account_id, std::string(channel_code(p.channel)), p.granted_on.to_string(),
                     p.granted_by, p.closed_on ? p.closed_on->to_string() : "-", p.closed_by});
  }
  print_table(std::cout, {"ACCOUNT", "CHANNEL", "GRANTED", "BY", "CLOSED", "BY"}, table);
  return Ok{};
}

// The portal notice of one listing, to one investor user of the book firm.
store::Notification reassessment_notice(const investors::ReassessmentDue& due,
                                        const std::string& user, const std::string& firm,
                                        UtcTime now) {
  const bool expired = due.status == investors::ReassessmentStatus::kExpired;
  store::Notification n;
  n.user_id = user;
  n.firm_id = firm;
  n.kind = "task";
  n.reference = "reassessment:" + due.account_id + ":" + std::string(channel_code(due.channel));
  n.title = expired ? "Your risk assessment has expired" : "Your risk assessment is due";
  n.body = "The risk questionnaire of account " + due.account_id + " is valid until " +
           due.valid_until.to_string() + "." +
           (expired ? " New Southbound buy orders wait for the re-assessment; sales stay allowed."
                    : " Complete it again before then to keep buying on the Southbound channel.");
  n.created_at = format_utc(now);
  return n;
}

Result<void> reassessments(const AppContext& context, const InvestorOptions& options) {
  CP_ASSIGN_OR_RETURN(LoadedReference loaded, load_reference(context));
  CP_ASSIGN_OR_RETURN(const Date date, Date::parse(options.date));
  CP_ASSIGN_OR_RETURN(const investors::ReassessmentRules rules,
                      investors::reassessment_rules(loaded.refdata.parameters, date));
  store::Database& db = *loaded.db;
  const std::string firm = context.config.get("book_firm");
  CP_ASSIGN_OR_RETURN(const store::ArchiveStamp stamp,
                      archive_stamp(context, loaded.refdata.parameters));
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(const auto records, store::permissions_on_record(db, date));
  const auto due = investors::reassessments_due(records, date, rules);
  Json listed = Json::array();
  int64_t new_notices = 0;
  for (const investors::ReassessmentDue& d : due) {
    std::vector<std::string> users;
    if (!firm.empty()) {
      CP_ASSIGN_OR_RETURN(users, store::investors_of_account(db, firm, d.account_id));
    }
    CP_ASSIGN_OR_RETURN(const bool is_new, store::record_reassessment_notice(
                                               db, d, date, static_cast<int64_t>(users.size())));
    if (is_new) {
      ++new_notices;
      const Json notice{{"valid_until", d.valid_until.to_string()},
                        {"status", investors::reassessment_status_code(d.status)},
                        {"listed_on", date.to_string()},
                        {"notified", users.size()}};
      CP_RETURN_IF_ERROR(
          store::append_archive(db,
                                {d.account_id, investors::ArchiveKind::kReassessmentNotice,
                                 std::string(channel_code(d.channel)), notice.dump()},
                                stamp));
      for (const std::string& user : users) {
        CP_RETURN_IF_ERROR(
            store::add_notification(db, reassessment_notice(d, user, firm, context.clock.now())));
      }
    }
    listed.push_back({{"account", d.account_id},
                      {"channel", channel_code(d.channel)},
                      {"valid_until", d.valid_until.to_string()},
                      {"status", investors::reassessment_status_code(d.status)},
                      {"days_left", d.days_left},
                      {"new_notice", is_new},
                      {"notified", is_new ? static_cast<int64_t>(users.size()) : 0}});
  }
  if (new_notices > 0) {
    CP_RETURN_IF_ERROR(store::append_audit(
        db, context.clock,
        {context.actor(), "", "investor.reassessment.notices", "reassessments:" + date.to_string(),
         Json{{"new_notices", new_notices}}.dump()}));
  }
  CP_RETURN_IF_ERROR(tx.commit());
  if (options.json) {
    print_json(std::cout,
               {{"date", date.to_string()}, {"permissions_held", records.size()}, {"due", listed}});
    return Ok{};
  }
  std::cout << records.size() << " permissions held on " << date.to_string() << ", " << due.size()
            << " to re-assess (" << new_notices << " new notices)\n";
  if (due.empty()) return Ok{};
  std::vector<std::vector<std::string>> table;
  for (const Json& row : listed) {
    table.push_back({row["account"], row["channel"], row["valid_until"], row["status"],
                     std::to_string(row["days_left"].get<int64_t>()),
                     row["new_notice"].get<bool>() ? "new" : "listed before",
                     std::to_string(row["notified"].get<int64_t>())});
  }
  print_table(std::cout,
              {"ACCOUNT", "CHANNEL", "VALID UNTIL", "STATUS", "DAYS LEFT", "NOTICE", "TOLD"},
              table);
  return Ok{};
}

}  // namespace

void register_investor_permission_commands(CLI::App& investor, AppContext& context) {
  auto options = std::make_shared<InvestorOptions>();
  auto* grant_command = investor.add_subcommand(
      "grant", "Grant the channel's permission when every suitability rule passes (audited)");
  auto* close_command = investor.add_subcommand(
      "close", "Close the channel's permission when the counter's check allows (audited)");
  for (CLI::App* command : {grant_command, close_command}) {
    command->add_option("--account", options->account, "The investor's account")->required();
    command->add_option("--channel", options->channel, "sh or sz")->required();
    command->add_option("--date", options->date, "YYYY-MM-DD")->required();
  }
  grant_command->callback(
      [&context, options] { run_action(context, [&] { return grant(context, *options); }); });
  close_command->callback(
      [&context, options] { run_action(context, [&] { return close(context, *options); }); });
  auto* list = investor.add_subcommand("permissions", "The permissions granted and closed");
  list->add_option("--account", options->account, "Only this account's");
  list->add_flag("--json", options->json, "Print JSON");
  list->callback(
      [&context, options] { run_action(context, [&] { return permissions(context, *options); }); });
  auto* due = investor.add_subcommand(
      "reassessments", "The daily re-assessment job: expired and due questionnaires (SUIT-6)");
  due->add_option("--date", options->date, "The day of the job, YYYY-MM-DD")->required();
  due->add_flag("--json", options->json, "Print JSON");
  due->callback([&context, options] {
    run_action(context, [&] { return reassessments(context, *options); });
  });
}

}  // namespace cp::cli
