#include "cli/past_instant_option.h"

namespace cp::cli {

Result<UtcTime> past_instant_option(const std::string& text, const Clock& clock) {
  if (text.empty()) return clock.now();
  auto date = Date::parse(text.substr(0, 10));
  auto time = text.size() > 11 ? TimeOfDay::parse(text.substr(11))
                               : Result<TimeOfDay>(invalid_input("no time"));
  if (text.size() != 16 || text[10] != ' ' || !date.ok() || !time.ok()) {
    return invalid_input("--at must be \"YYYY-MM-DD HH:MM\", Hong Kong time", "at");
  }
  const UtcTime at = from_hkt(*date, *time);
  if (at > clock.now()) return invalid_input("--at " + text + " is in the future", "at");
  return at;
}

}  // namespace cp::cli
