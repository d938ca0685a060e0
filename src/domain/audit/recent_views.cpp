#include "domain/audit/recent_views.hpp"

namespace signs::domain {

bool RecentViews::recorded_recently(const std::string& view, core::Instant now) const {
    auto it = last_.find(view);
    return it != last_.end() && now >= it->second && now - it->second < window_;
}

void RecentViews::remember(const std::string& view, core::Instant now) {
    if (last_.size() >= capacity_) {
        std::erase_if(last_, [&](const auto& item) { return now - item.second >= window_; });
        // Still full: everyone is viewing at once. Forgetting only means recording again.
        if (last_.size() >= capacity_) last_.clear();
    }
    last_[view] = now;
}

}  // namespace signs::domain
