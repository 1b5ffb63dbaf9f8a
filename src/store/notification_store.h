// Notifications and their users' preferences in the database (migration 0022; SPEC PORTAL-8).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "store/database.h"

namespace cp::store {

struct Notification {
  int64_t notification_id = 0;
  std::string user_id;
  std::string firm_id;
  std::string kind;  // task | update
  std::string reference;
  std::string title;
  std::string body;
  std::string link;
  std::string created_at;
  std::string read_at;
  std::string mail_state = "none";  // none | sent | failed | digest | digested
};

Result<int64_t> add_notification(Database& db, const Notification& notification);
Result<void> set_mail_state(Database& db, int64_t notification_id, const std::string& state);
// The user's newest first; only unread ones when `unread_only`.
Result<std::vector<Notification>> notifications_of(Database& db, const std::string& user_id,
                                                   bool unread_only, int64_t limit);
// Marks the user's notification read; false if it is not theirs (or does not exist).
Result<bool> mark_read(Database& db, const std::string& user_id, int64_t notification_id,
                       UtcTime now);
Result<int64_t> unread_count(Database& db, const std::string& user_id);

// each (the default), digest or none.
Result<std::string> email_mode(Database& db, const std::string& user_id);
Result<void> set_email_mode(Database& db, const std::string& user_id, const std::string& mode,
                            UtcTime now);

// Notifications waiting for a digest, by user and time.
Result<std::vector<Notification>> digest_pending(Database& db);

}  // namespace cp::store
