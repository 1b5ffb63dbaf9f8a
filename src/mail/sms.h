// Text messages to investors' mobiles (issue 17: an event's notices go to its holders by mail, in
// the portal and by SMS). A broker's SMS gateway is its carrier's own API, so connectpost sends
// through an interface; the one implementation shipped writes each message as a JSON line to a
// stream the shell opened (`sms_sink_file`), for tests and for a deployment whose gateway picks
// the file up. Nothing a message carries is logged.
#pragma once

#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

#include "core/result.h"

namespace cp::mail {

struct SmsMessage {
  std::string to;  // E.164: "+8613800138000"
  std::string text;
};

class SmsGateway {
 public:
  virtual ~SmsGateway() = default;
  // Sends one message; an error says why without its content.
  virtual Result<void> send(const SmsMessage& message) = 0;
};

// Whether `number` is an E.164 mobile number: "+", then 8 to 15 digits, the first not 0 (ITU-T
// E.164 allows at most 15 digits after the "+"; the shortest mobile numbers in use have 8).
bool is_mobile_number(std::string_view number);

// Appends each message to `out` as one line {"to": …, "text": …} and flushes it; safe to call
// from several threads. Refuses a message to a number that is not E.164 or with no text.
class FileSmsSink : public SmsGateway {
 public:
  explicit FileSmsSink(std::unique_ptr<std::ostream> out) : out_(std::move(out)) {}
  Result<void> send(const SmsMessage& message) override;

 private:
  std::mutex mutex_;
  std::unique_ptr<std::ostream> out_;
};

}  // namespace cp::mail
