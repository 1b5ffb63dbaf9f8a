// connectpost obligations notify [--at "D HH:MM"]: tells each participant firm's users, in the
// inbox and by mail as each user chose, of the reports issued by now and of what is unpaid an
// hour before its deadline (issue 16 item 6; risk/obligation_notices.h). Each notice goes out
// once, even when two schedulers run it (the store claims the row first). For cron or a systemd
// timer, every minute (docs/operations.md).
#include <iostream>

#include "cli/audited.h"
#include "cli/commands.h"
#include "cli/firm_notices.h"
#include "cli/output.h"
#include "cli/past_instant_option.h"
#include "risk/obligation_notices.h"
#include "store/obligation_store.h"

namespace cp::cli {
namespace {

struct NoticeOptions {
  std::string at;
  bool json = false;
};

Result<void> notify(const AppContext& context, const NoticeOptions& options) {
  CP_ASSIGN_OR_RETURN(UtcTime now, past_instant_option(options.at, context.clock));
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  FirmNotices notices(context);
  int64_t reports = 0;
  int64_t reminders = 0;
  int64_t delivered = 0;
  auto tell = [&](const store::StoredObligation& o, const risk::NoticeText& text) -> Result<void> {
    CP_ASSIGN_OR_RETURN(int64_t told, notices.tell(*db, o, text, now));
    delivered += told;
    return Ok{};
  };
  CP_RETURN_IF_ERROR(audited(
      context, *db, "obligations.notices", "obligations", {{"at", format_utc(now)}},
      [&]() -> Result<void> {
        CP_ASSIGN_OR_RETURN(
            auto issued, store::claim_report_notices(
                             *db, format_utc(now), format_utc(now - risk::kReportNoticeFreshness)));
        for (const auto& o : issued) {
          CP_RETURN_IF_ERROR(tell(o, risk::report_notice(o)));
          ++reports;
        }
        CP_ASSIGN_OR_RETURN(auto coming,
                            store::claim_deadline_reminders(*db, format_utc(now),
                                                            format_utc(now + risk::kReminderLead)));
        for (const auto& o : coming) {
          CP_RETURN_IF_ERROR(tell(o, risk::deadline_reminder(o)));
          ++reminders;
        }
        return Ok{};
      }));
  if (options.json) {
    print_json(std::cout, {{"at", format_utc(now)},
                           {"reports", reports},
                           {"reminders", reminders},
                           {"notifications", delivered}});
  } else {
    std::cout << reports << " report notice(s), " << reminders << " deadline reminder(s), "
              << delivered << " notification(s) at " << format_hkt(now) << "\n";
  }
  return Ok{};
}

}  // namespace

void register_obligation_notices_command(CLI::App& obligations, AppContext& context) {
  auto options = std::make_shared<NoticeOptions>();
  auto* command = obligations.add_subcommand(
      "notify", "Tell participants' users of reports issued and of deadlines within the hour");
  command->add_option("--at", options->at, "\"YYYY-MM-DD HH:MM\" HKT (default: now)");
  command->add_flag("--json", options->json, "Print JSON");
  command->callback(
      [&context, options] { run_action(context, [&] { return notify(context, *options); }); });
}

}  // namespace cp::cli
