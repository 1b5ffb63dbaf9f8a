// connectpost notifications digest: one mail per user with the notifications that wait for their
// daily digest (SPEC PORTAL-8; users who chose email_mode "digest"). For a daily cron.
#include <iostream>

#include "cli/audited.h"
#include "cli/commands.h"
#include "mail/mailer.h"
#include "server/portal_notifications.h"

namespace cp::cli {
namespace {

Result<void> send_digest(const AppContext& context) {
  const std::string& smtp_url = context.config.get("smtp_url");
  if (smtp_url.empty()) return invalid_input("no SMTP relay: set --smtp-url", "smtp_url");
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  auto mailer = mail::smtp_mailer(smtp_url, context.config.get("mail_from"));
  std::string public_url = context.config.get("public_url");
  while (!public_url.empty() && public_url.back() == '/') public_url.pop_back();
  server::Notifier notifier(mailer.get(), public_url);
  int64_t sent = 0;
  CP_RETURN_IF_ERROR(audited(context, *db, "notifications.digest", "notifications:digest", {},
                             [&]() -> Result<void> {
                               CP_ASSIGN_OR_RETURN(sent, notifier.send_digests(*db));
                               return {};
                             }));
  std::cout << "sent " << sent << " digest mail(s)\n";
  return Ok{};
}

}  // namespace

void register_notifications_command(CLI::App& app, AppContext& context) {
  auto* group = app.add_subcommand("notifications", "The portal's notifications");
  group->require_subcommand(1);
  auto* digest = group->add_subcommand(
      "digest", "Mail each user who chose the digest what waits for them (daily, from cron)");
  digest->callback([&context] { run_action(context, [&] { return send_digest(context); }); });
}

}  // namespace cp::cli
