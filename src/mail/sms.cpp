#include "mail/sms.h"

#include <nlohmann/json.hpp>

namespace cp::mail {

bool is_mobile_number(std::string_view number) {
  if (number.size() < 9 || number.size() > 16 || number[0] != '+' || number[1] == '0') {
    return false;
  }
  for (const char c : number.substr(1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

Result<void> FileSmsSink::send(const SmsMessage& message) {
  if (!is_mobile_number(message.to)) {
    return invalid_input("an SMS needs an E.164 mobile number (+ and 8 to 15 digits)", "to");
  }
  if (message.text.empty()) return invalid_input("an SMS needs a text", "text");
  // dump() escapes every control character, so a message is one line whatever its text holds.
  const std::string line = nlohmann::json{{"to", message.to}, {"text", message.text}}.dump(
                               -1, ' ', false, nlohmann::json::error_handler_t::replace) +
                           "\n";
  const std::lock_guard lock(mutex_);
  *out_ << line << std::flush;
  if (!*out_) return make_error(ErrorCode::kStorage, "the SMS file sink could not be written");
  return Ok{};
}

}  // namespace cp::mail
