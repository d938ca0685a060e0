#include "web/metrics.hpp"

#include <sstream>

namespace signs::web {
namespace {

std::string label_value(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

}  // namespace

void Metrics::observe(const std::string& method, const std::string& route, int status,
                      double seconds) {
    std::lock_guard lock{mutex_};
    ++requests_[{method, route, status}];
    auto& latency = latency_[{method, route}];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) ++latency.buckets[i];
    }
    ++latency.count;
    latency.sum += seconds;
}

std::string Metrics::prometheus_text(const store::PoolUse& pool) const {
    std::ostringstream out;
    std::lock_guard lock{mutex_};
    out << "# HELP signs_http_requests_total HTTP requests answered, by route and status.\n"
        << "# TYPE signs_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
        const auto& [method, route, status] = key;
        out << "signs_http_requests_total{method=\"" << method << "\",route=\""
            << label_value(route) << "\",status=\"" << status << "\"} " << count << "\n";
    }
    out << "# HELP signs_http_request_duration_seconds Time to answer, by route.\n"
        << "# TYPE signs_http_request_duration_seconds histogram\n";
    for (const auto& [key, latency] : latency_) {
        auto labels = "method=\"" + key.first + "\",route=\"" + label_value(key.second) + "\"";
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            out << "signs_http_request_duration_seconds_bucket{" << labels << ",le=\""
                << kBuckets[i] << "\"} " << latency.buckets[i] << "\n";
        }
        out << "signs_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} "
            << latency.count << "\n";
        out << "signs_http_request_duration_seconds_sum{" << labels << "} " << latency.sum << "\n";
        out << "signs_http_request_duration_seconds_count{" << labels << "} " << latency.count
            << "\n";
    }
    out << "# HELP signs_db_pool_connections Database connections in the pool.\n"
        << "# TYPE signs_db_pool_connections gauge\n"
        << "signs_db_pool_connections " << pool.size << "\n"
        << "# HELP signs_db_pool_in_use Database connections lent out right now.\n"
        << "# TYPE signs_db_pool_in_use gauge\n"
        << "signs_db_pool_in_use " << pool.in_use << "\n";
    return out.str();
}

}  // namespace signs::web
