// Who hears of a request's step (SPEC PORTAL-8): the firm's checkers when it waits for them, its
// makers when it is returned or moves on, the operations team when it is approved. Each gets an
// inbox entry, and mail as their preference says: at once, in a digest, or none.
#pragma once

#include <string>

#include "mail/mailer.h"
#include "portal/service_catalogue.h"
#include "store/database.h"
#include "store/notification_store.h"
#include "store/request_store.h"
#include "workflow/request_workflow.h"

namespace cp::server {

struct PortalContext;

class Notifier {
 public:
  // `mailer` nullptr: inbox only. `public_url` makes the links in mail absolute.
  Notifier(mail::Mailer* mailer, std::string public_url)
      : mailer_(mailer), public_url_(std::move(public_url)) {}

  // After a request went from `from` to its present status by `actor`'s step.
  void request_changed(PortalContext& portal, const portal::ServiceDefinition& service,
                       const store::StoredRequest& request, const std::string& actor,
                       workflow::Status from);

  // Stores the notification and mails it per the user's preference; the inbox entry stands even
  // when the mail fails (the failure is recorded on it).
  Result<void> deliver(store::Database& db, store::Notification notification);

  // A mail that is not a notification (an event's confirmation to its attendee); false when no
  // relay is configured or it failed.
  bool send_mail(const mail::Message& message);

  // One mail per user with every notification waiting for the digest; returns the mails sent.
  Result<int64_t> send_digests(store::Database& db);

 private:
  mail::Mailer* mailer_;
  std::string public_url_;
};

}  // namespace cp::server
