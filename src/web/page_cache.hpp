#pragma once
/// Pages that would be drawn the same for everyone with the same role, kept so that the next
/// request for them costs a lookup rather than a drawing. A page is kept under a key that
/// names everything it was drawn from (for mapping pages, the case's mapping stamp, which the
/// database moves on with every change), so a kept page is never out of date: a change makes
/// a new key, and the old page simply stops being asked for.
///
/// The few things that differ between people (the CSRF token in every form, the name in the
/// header) are drawn as markers and filled in for each request.
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace signs::web {

/// A page drawn with markers, split where they stand.
struct KeptPage {
    enum class Slot { Csrf, UserName };
    int status = 200;
    std::string content_type;
    std::vector<std::string> pieces;  ///< one more than slots
    std::vector<Slot> slots;

    /// Splits `body` at every marker.
    static KeptPage from(int status, std::string content_type, const std::string& body,
                         const std::string& csrf_marker, const std::string& user_marker);
    /// The page for one request. `user_name` must already be escaped for HTML.
    std::string body_for(std::string_view csrf_token, std::string_view user_name) const;
    std::size_t size() const;
};

class PageCache {
  public:
    explicit PageCache(std::size_t max_bytes = std::size_t{64} << 20) : max_bytes_(max_bytes) {}

    std::shared_ptr<const KeptPage> find(const std::string& key);
    /// Keeps the page, dropping the least recently used ones beyond the size limit.
    void keep(const std::string& key, std::shared_ptr<const KeptPage> page);
    std::size_t bytes() const;

  private:
    using Entry = std::pair<std::string, std::shared_ptr<const KeptPage>>;
    mutable std::mutex mutex_;
    std::size_t max_bytes_;
    std::size_t bytes_ = 0;
    std::list<Entry> order_;  ///< most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace signs::web
