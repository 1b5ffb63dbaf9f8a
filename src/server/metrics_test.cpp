#include "server/metrics.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace cp::server {
namespace {

using ::testing::HasSubstr;

TEST(Metrics, CountsPerRouteAndStatusAndBucketsLatencyCumulatively) {
  Metrics metrics;
  metrics.record("GET", "/healthz", 200, 0.0004);  // first bucket (≤ 0.5 ms)
  metrics.record("GET", "/healthz", 200, 0.003);   // ≤ 5 ms
  metrics.record("GET", "/healthz", 503, 3.0);     // beyond 2.5 s: +Inf only
  const std::string text = metrics.render();
  EXPECT_THAT(text, HasSubstr("# TYPE connectpost_http_requests_total counter\n"));
  EXPECT_THAT(text, HasSubstr("connectpost_http_requests_total{method=\"GET\",route=\"/healthz\","
                              "status=\"200\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("status=\"503\"} 1\n"));
  const std::string labels = "{method=\"GET\",route=\"/healthz\",";
  EXPECT_THAT(text, HasSubstr("_bucket" + labels + "le=\"0.0005\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("_bucket" + labels + "le=\"0.0025\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("_bucket" + labels + "le=\"0.005\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("_bucket" + labels + "le=\"2.5\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("_bucket" + labels + "le=\"+Inf\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("_sum{method=\"GET\",route=\"/healthz\"} 3.0034\n"));
  EXPECT_THAT(text, HasSubstr("_count{method=\"GET\",route=\"/healthz\"} 3\n"));
}

TEST(Metrics, EscapesLabelValues) {
  Metrics metrics;
  metrics.record("GET", "/a\"b\\c", 200, 0.001);
  EXPECT_THAT(metrics.render(), HasSubstr("route=\"/a\\\"b\\\\c\""));
}

}  // namespace
}  // namespace cp::server
