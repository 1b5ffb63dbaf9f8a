// The generic cell rate algorithm by hand: burst 3, one every 10 s. Each expectation follows
// from the rule "a key's attempt is allowed when its due time is at most (burst - 1) intervals
// ahead of now; each allowed attempt moves the due time one interval on".
#include "server/attempt_limiter.h"

#include <gtest/gtest.h>

namespace cp::server {
namespace {

using std::chrono::seconds;

UtcTime at(int64_t second) {
  return from_hkt(*Date::parse("2026-12-05"), *TimeOfDay::parse("09:00")) + seconds(second);
}

TEST(AttemptLimiter, ABurstThenOnePerInterval) {
  AttemptLimiter limiter({3, seconds(10), 100});
  EXPECT_EQ(limiter.take("a", at(0)), 0);
  EXPECT_EQ(limiter.take("a", at(0)), 0);
  EXPECT_EQ(limiter.take("a", at(0)), 0);
  // Due at 30 s: the next is allowed once 30 - 10 × (3 - 1) = 10 s is reached.
  EXPECT_EQ(limiter.take("a", at(0)), 10);
  EXPECT_EQ(limiter.take("a", at(9)), 1);
  EXPECT_EQ(limiter.take("a", at(10)), 0);
  EXPECT_EQ(limiter.take("a", at(10)), 10);  // a refused attempt moves nothing
  // Quiet for long enough, the whole burst is back.
  EXPECT_EQ(limiter.take("a", at(100)), 0);
  EXPECT_EQ(limiter.take("a", at(100)), 0);
  EXPECT_EQ(limiter.take("a", at(100)), 0);
  EXPECT_EQ(limiter.take("a", at(100)), 10);
}

TEST(AttemptLimiter, KeysCountApart) {
  AttemptLimiter limiter({1, seconds(60), 100});
  EXPECT_EQ(limiter.take("198.51.100.1", at(0)), 0);
  EXPECT_EQ(limiter.take("198.51.100.1", at(0)), 60);
  EXPECT_EQ(limiter.take("198.51.100.2", at(0)), 0);
}

TEST(AttemptLimiter, AFullTableForgetsOnlyQuietKeysAndOtherwiseRefuses) {
  AttemptLimiter limiter({1, seconds(10), 2});
  EXPECT_EQ(limiter.take("a", at(0)), 0);  // due at 10 s
  EXPECT_EQ(limiter.take("b", at(0)), 0);
  // Both still waiting: a third key has no room and waits one interval.
  EXPECT_EQ(limiter.take("c", at(5)), 10);
  // At 10 s a and b are whole again and forgotten: c is let in.
  EXPECT_EQ(limiter.take("c", at(10)), 0);
}

TEST(AttemptLimiter, NoBurstMeansNoLimit) {
  AttemptLimiter limiter({0, seconds(10), 2});
  for (int i = 0; i < 50; ++i) EXPECT_EQ(limiter.take("a", at(0)), 0);
}

}  // namespace
}  // namespace cp::server
