#include "server/metrics.h"

#include <cstdio>

namespace cp::server {
namespace {

// Label values escape backslash, quote and newline (exposition format).
std::string label(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

}  // namespace

void Metrics::record(const std::string& method, const std::string& route, int status,
                     double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{method, route, status}];
  Latency& latency = latency_[{method, route}];
  for (size_t i = 0; i < kBucketsSeconds.size(); ++i) {
    if (seconds <= kBucketsSeconds[i]) {
      ++latency.buckets[i];
      break;
    }
  }
  ++latency.count;
  latency.sum_seconds += seconds;
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::string out =
      "# HELP connectpost_http_requests_total HTTP requests by route and status.\n"
      "# TYPE connectpost_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out += "connectpost_http_requests_total{method=\"" + label(method) + "\",route=\"" +
           label(route) + "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) +
           "\n";
  }
  out +=
      "# HELP connectpost_http_request_duration_seconds Time from request read to response "
      "ready.\n"
      "# TYPE connectpost_http_request_duration_seconds histogram\n";
  for (const auto& [key, latency] : latency_) {
    const std::string labels =
        "method=\"" + label(key.first) + "\",route=\"" + label(key.second) + "\"";
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBucketsSeconds.size(); ++i) {
      cumulative += latency.buckets[i];
      out += "connectpost_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
             number(kBucketsSeconds[i]) + "\"} " + std::to_string(cumulative) + "\n";
    }
    out += "connectpost_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
           std::to_string(latency.count) + "\n";
    out += "connectpost_http_request_duration_seconds_sum{" + labels + "} " +
           number(latency.sum_seconds) + "\n";
    out += "connectpost_http_request_duration_seconds_count{" + labels + "} " +
           std::to_string(latency.count) + "\n";
  }
  return out;
}

}  // namespace cp::server
