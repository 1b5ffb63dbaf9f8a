// Sending mail (issue 5 email codes and password links; issue 6 notifications) through an SMTP
// relay with libcurl. A message is plain UTF-8 text; nothing it carries is logged.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"

namespace cp::mail {

struct Message {
  std::string to;
  std::string subject;
  std::string text;
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  // Sends one message; an error says why without its content.
  virtual Result<void> send(const Message& message) = 0;
  // Whether the relay answers (connects and greets), for the connectivity check (SPEC AUTH-3).
  virtual Result<void> check() = 0;
};

// An SMTP mailer for `smtp_url` (smtp://host:port, or smtps://user:password@host:port) sending
// as `from`. Header fields are checked for line breaks (no header injection).
std::unique_ptr<Mailer> smtp_mailer(std::string smtp_url, std::string from);

// Formats the RFC 5322 message sent (tests and the SMTP mailer).
Result<std::string> rfc5322(const std::string& from, const Message& message,
                            const std::string& date_rfc2822, const std::string& message_id);

}  // namespace cp::mail
