#include "cli/firm_notices.h"

#include "store/obligation_store.h"

namespace cp::cli {

FirmNotices::FirmNotices(const AppContext& context) {
  const std::string& smtp_url = context.config.get("smtp_url");
  if (!smtp_url.empty()) mailer_ = mail::smtp_mailer(smtp_url, context.config.get("mail_from"));
  std::string public_url = context.config.get("public_url");
  while (!public_url.empty() && public_url.back() == '/') public_url.pop_back();
  notifier_ = std::make_unique<server::Notifier>(mailer_.get(), public_url);
}

Result<int64_t> FirmNotices::tell(store::Database& db, const store::StoredObligation& obligation,
                                  const risk::NoticeText& text, UtcTime now) {
  CP_ASSIGN_OR_RETURN(auto firm, store::firm_of_participant(db, obligation.participant));
  if (!firm) return int64_t{0};
  CP_ASSIGN_OR_RETURN(auto users, store::users_of_firm(db, *firm));
  for (const std::string& user : users) {
    store::Notification n;
    n.user_id = user;
    n.firm_id = *firm;
    n.kind = "update";
    n.reference = obligation.obligation.id;
    n.title = text.title;
    n.body = text.body;
    n.link = text.link;
    n.created_at = format_utc(now);
    // The inbox entry stands even when the mail fails; the failure is recorded on it.
    CP_RETURN_IF_ERROR(notifier_->deliver(db, n));
  }
  return static_cast<int64_t>(users.size());
}

}  // namespace cp::cli
