// How often one source may try a password (issue 14 finding 2): a limit per key (a source
// address, a login), as the generic cell rate algorithm (GCRA, ITU-T I.371) counts it: a key may
// make `burst` attempts at once, then one every `interval`. An attempt over the limit is refused
// with the seconds to wait (HTTP 429 with Retry-After, RFC 6585 §4), before any hashing is done.
// In memory, per server process: behind a load balancer each process counts its own (docs/
// identity.md). Thread-safe. The time is passed in; nothing here reads a clock.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "core/date.h"
#include "server/http_message.h"

namespace cp::server {

class AttemptLimiter {
 public:
  struct Policy {
    int64_t burst = 10;                // attempts at once; 0 = no limit
    std::chrono::seconds interval{6};  // then one attempt per interval
    size_t keys_max = 100'000;         // keys remembered; past this, the quiet ones are forgot
  };

  AttemptLimiter() = default;
  explicit AttemptLimiter(Policy policy) : policy_(policy) {}
  void reset(Policy policy);

  // Counts an attempt by `key` at `now`. 0 = allowed; else the whole seconds until the next
  // attempt is (nothing is counted for a refused one). With every key table slot held by keys
  // still waiting, a new key is refused too: memory stays bounded whoever sends.
  int64_t take(const std::string& key, UtcTime now);

 private:
  Policy policy_;
  std::mutex mutex_;
  // The key's "theoretical arrival time": its next attempt is allowed once now is later than
  // this less burst × interval.
  std::map<std::string, UtcTime> due_;
};

// The answer to an attempt over its limit: 429 with Retry-After in whole seconds (RFC 6585 §4),
// `why` saying whose limit it is.
HttpResponse too_many_attempts(const std::string& why, int64_t wait_seconds);

}  // namespace cp::server
