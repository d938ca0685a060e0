#pragma once
/// Request counts and latency histograms per route, in Prometheus text format.
#include <array>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "store/database.hpp"

namespace signs::web {

class Metrics {
  public:
    /// `route` is the route's pattern ("/admin/users/{id}"), never the raw path, so the number
    /// of series stays fixed.
    void observe(const std::string& method, const std::string& route, int status, double seconds);
    std::string prometheus_text(const store::PoolUse& pool) const;

  private:
    static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,  0.1,    0.25,  0.5,  1.0};
    struct Latency {
        std::array<long long, kBuckets.size()> buckets{};
        long long count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::tuple<std::string, std::string, int>, long long> requests_;
    std::map<std::pair<std::string, std::string>, Latency> latency_;
};

}  // namespace signs::web
