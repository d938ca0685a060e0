#pragma once
/// Which views were recorded a moment ago, so that a person reading the same record again and
/// again (reloading a mapping while adding to it, say) makes one audit event a minute rather
/// than one per page. The first view of a record in any minute is always recorded, so "who
/// looked at this child's record, and when" is answered to the minute.
#include <chrono>
#include <cstddef>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"

namespace signs::domain {

class RecentViews {
  public:
    explicit RecentViews(std::chrono::seconds window = std::chrono::seconds{60},
                         std::size_t capacity = 100000)
        : window_(window), capacity_(capacity) {}

    /// True when the same view (same person, record and detail) was recorded within the window.
    bool recorded_recently(const std::string& view, core::Instant now) const;
    /// Notes that the view has just been recorded. Old notes are dropped as the list grows.
    void remember(const std::string& view, core::Instant now);
    std::size_t size() const { return last_.size(); }

  private:
    std::chrono::seconds window_;
    std::size_t capacity_;
    std::unordered_map<std::string, core::Instant> last_;
};

}  // namespace signs::domain
