#include "server/portal_notifications.h"

#include <map>
#include <set>

#include "server/portal_requests.h"
#include "store/identity_store.h"

namespace cp::server {
namespace {

using workflow::Status;

// Users of `firm_id` (every operator firm when empty) whose roles give `level` on `category`.
Result<std::set<std::string>> entitled_users(PortalContext& portal, const std::string& firm_id,
                                             const std::string& category, identity::Level level) {
  std::vector<std::string> firms;
  if (!firm_id.empty()) {
    firms.push_back(firm_id);
  } else {
    CP_ASSIGN_OR_RETURN(auto all, store::list_firms(portal.auth.db));
    for (const auto& f : all) {
      if (f.kind == identity::FirmKind::kOperator) firms.push_back(f.firm_id);
    }
  }
  std::set<std::string> out;
  for (const std::string& firm : firms) {
    CP_ASSIGN_OR_RETURN(auto users, store::list_users(portal.auth.db, firm));
    for (const auto& user : users) {
      if (user.status == "disabled") continue;
      CP_ASSIGN_OR_RETURN(auto memberships, store::memberships_of(portal.auth.db, user.user_id));
      for (const auto& m : memberships) {
        if (m.firm_id == firm && portal.roles.entitles(m.roles, category, level)) {
          out.insert(user.user_id);
        }
      }
    }
  }
  return out;
}

}  // namespace

void Notifier::request_changed(PortalContext& portal, const portal::ServiceDefinition& service,
                               const store::StoredRequest& request, const std::string& actor,
                               Status from) {
  const std::string what =
      request.reference + " (#" + std::to_string(service.number) + " " + service.title.en + ")";
  std::set<std::string> tasked;
  std::set<std::string> told;
  std::string title;
  std::string task_title;
  auto checkers = [&]() {
    auto users =
        entitled_users(portal, request.firm_id, service.check.category, identity::Level::kCheck);
    std::set<std::string> out;
    if (!users.ok()) return out;
    for (const std::string& u : *users) {
      if (request.makers.count(u) == 0) out.insert(u);
    }
    return out;
  };
  switch (request.status) {
    case Status::kSubmitted:
      tasked = checkers();
      task_title = "To check: " + what + " from " + request.firm_id;
      break;
    case Status::kReturned:
      tasked = request.makers;
      task_title = "Returned to you for changes: " + what + ". Reason: " + request.reason;
      break;
    case Status::kApproved: {
      auto operators = entitled_users(portal, "", service.category, identity::Level::kProcess);
      if (operators.ok()) tasked = *operators;
      task_title = "To receive: " + what + " from " + request.firm_id;
      told = request.makers;
      title = "Approved by " + request.checked_by + ": " + what;
      break;
    }
    case Status::kWithdrawn:
      told = request.makers;
      if (from == Status::kSubmitted) {
        for (const std::string& u : checkers()) told.insert(u);
      }
      title = "Withdrawn: " + what;
      break;
    case Status::kRejected:
      told = request.makers;
      if (!request.checked_by.empty()) told.insert(request.checked_by);
      title = "Rejected by the clearing house: " + what + ". Reason: " + request.reason;
      break;
    default:
      told = request.makers;
      if (!request.checked_by.empty()) told.insert(request.checked_by);
      title = std::string("Now ") + workflow::status_code(request.status) + ": " + what;
      break;
  }
  const std::string link = "/request.html#firm=" + request.firm_id + "&ref=" + request.reference;
  auto send = [&](const std::string& user, const std::string& kind, const std::string& text) {
    if (user == actor) return;  // nobody is told what they just did
    store::Notification n;
    n.user_id = user;
    n.firm_id = request.firm_id;
    n.kind = kind;
    n.reference = request.reference;
    n.title = text;
    n.body = text;
    n.link = link;
    n.created_at = request.updated_at;
    (void)deliver(portal.auth.db, n);  // a failure leaves the step done; the timeline has it
  };
  for (const std::string& user : tasked) send(user, "task", task_title);
  for (const std::string& user : told) {
    if (tasked.count(user) == 0) send(user, "update", title);
  }
}

Result<void> Notifier::deliver(store::Database& db, store::Notification n) {
  CP_ASSIGN_OR_RETURN(std::string mode, store::email_mode(db, n.user_id));
  CP_ASSIGN_OR_RETURN(auto user, store::find_user(db, n.user_id));
  const bool reachable = user && !user->email.empty() && user->email_status == "registered";
  // A digest is sent later by `notifications digest` with its own relay: the entry waits for it
  // even where this process has none.
  n.mail_state = !reachable || mode == "none" ? "none" : mode == "digest" ? "digest" : "none";
  CP_ASSIGN_OR_RETURN(int64_t id, store::add_notification(db, n));
  if (!reachable || mailer_ == nullptr || mode != "each") return {};
  const mail::Message message{
      user->email, "[connectpost] " + n.title,
      n.body + "\n\nOpen it in the portal: " + public_url_ + n.link +
          "\n\nYou get these mails as each happens; your account page can switch them to a daily "
          "digest or off.\n"};
  const bool sent = mailer_->send(message).ok();
  return store::set_mail_state(db, id, sent ? "sent" : "failed");
}

bool Notifier::send_mail(const mail::Message& message) {
  return mailer_ != nullptr && mailer_->send(message).ok();
}

Result<int64_t> Notifier::send_digests(store::Database& db) {
  if (mailer_ == nullptr) return invalid_input("no SMTP relay is configured (--smtp-url)", "smtp");
  CP_ASSIGN_OR_RETURN(auto pending, store::digest_pending(db));
  std::map<std::string, std::vector<store::Notification>> by_user;
  for (auto& n : pending) by_user[n.user_id].push_back(std::move(n));
  int64_t sent = 0;
  for (const auto& [user_id, items] : by_user) {
    CP_ASSIGN_OR_RETURN(auto user, store::find_user(db, user_id));
    if (!user || user->email.empty()) continue;
    std::string text = "What happened in the portal since your last digest:\n\n";
    for (const auto& n : items) text += "- " + n.title + "\n  " + public_url_ + n.link + "\n";
    CP_RETURN_IF_ERROR(mailer_->send(
        {user->email, "[connectpost] digest: " + std::to_string(items.size()) + " notification(s)",
         text}));
    for (const auto& n : items)
      CP_RETURN_IF_ERROR(store::set_mail_state(db, n.notification_id, "digested"));
    ++sent;
  }
  return sent;
}

}  // namespace cp::server
