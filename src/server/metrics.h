// Request counts and latency histograms per route, in the Prometheus text format for `/metrics`.
// Labels are the route's method and pattern (never the raw path: bounded cardinality, and no
// ids or personal data in monitoring), and the status code.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace cp::server {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds (the last bucket is +Inf).
  static constexpr std::array<double, 12> kBucketsSeconds = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};

  // `route` is the matched pattern, or "unmatched".
  void record(const std::string& method, const std::string& route, int status, double seconds);
  // The exposition text (version 0.0.4).
  std::string render() const;

 private:
  struct Latency {
    std::array<uint64_t, kBucketsSeconds.size()> buckets{};  // cumulative at render time
    uint64_t count = 0;
    double sum_seconds = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::map<std::pair<std::string, std::string>, Latency> latency_;
};

}  // namespace cp::server
