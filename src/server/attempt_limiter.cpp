#include "server/attempt_limiter.h"

#include <algorithm>

namespace cp::server {

void AttemptLimiter::reset(Policy policy) {
  const std::lock_guard lock(mutex_);
  policy_ = policy;
  due_.clear();
}

int64_t AttemptLimiter::take(const std::string& key, UtcTime now) {
  const std::lock_guard lock(mutex_);
  if (policy_.burst <= 0) return 0;
  const auto tolerance = policy_.interval * policy_.burst;
  auto found = due_.find(key);
  if (found == due_.end()) {
    if (due_.size() >= policy_.keys_max) {
      // Forget the keys whose allowance is whole again: they are as good as new.
      std::erase_if(due_, [&](const auto& entry) { return entry.second <= now; });
      if (due_.size() >= policy_.keys_max) return policy_.interval.count();
    }
    found = due_.emplace(key, now).first;
  }
  const UtcTime due = std::max(found->second, now);
  const UtcTime allowed_from = due + policy_.interval - tolerance;
  if (now < allowed_from) {
    const auto wait = std::chrono::ceil<std::chrono::seconds>(allowed_from - now);
    return std::max<int64_t>(1, wait.count());
  }
  found->second = due + policy_.interval;
  return 0;
}

HttpResponse too_many_attempts(const std::string& why, int64_t wait_seconds) {
  HttpResponse response =
      error_response(429, "too_many_attempts", "too many attempts " + why + ": wait and try again");
  response.headers["retry-after"] = std::to_string(wait_seconds);
  return response;
}

}  // namespace cp::server
