// How the obligations commands tell a participant's firm (issue 16 items 4 and 6): every user
// with a role in the firm whose HKSCC participant id it is (the firm profile) gets an inbox
// entry, and mail as each chose (server::Notifier) when a relay is configured (`--smtp-url`;
// links made absolute with `--public-url`).
#pragma once

#include <memory>
#include <string>

#include "cli/app_context.h"
#include "mail/mailer.h"
#include "risk/obligation_notices.h"
#include "server/portal_notifications.h"

namespace cp::cli {

class FirmNotices {
 public:
  explicit FirmNotices(const AppContext& context);

  // The notifications stored for `obligation`'s participant's firm; 0 when no firm has
  // registered the participant (nobody to tell).
  Result<int64_t> tell(store::Database& db, const store::StoredObligation& obligation,
                       const risk::NoticeText& text, UtcTime now);

 private:
  std::unique_ptr<mail::Mailer> mailer_;
  std::unique_ptr<server::Notifier> notifier_;
};

}  // namespace cp::cli
