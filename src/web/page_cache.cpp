#include "web/page_cache.hpp"

namespace signs::web {

KeptPage KeptPage::from(int status, std::string content_type, const std::string& body,
                        const std::string& csrf_marker, const std::string& user_marker) {
    KeptPage page;
    page.status = status;
    page.content_type = std::move(content_type);
    std::size_t from = 0;
    while (true) {
        auto csrf = body.find(csrf_marker, from), user = body.find(user_marker, from);
        auto at = std::min(csrf, user);
        if (at == std::string::npos) break;
        page.pieces.push_back(body.substr(from, at - from));
        bool is_csrf = at == csrf;
        page.slots.push_back(is_csrf ? Slot::Csrf : Slot::UserName);
        from = at + (is_csrf ? csrf_marker : user_marker).size();
    }
    page.pieces.push_back(body.substr(from));
    return page;
}

std::string KeptPage::body_for(std::string_view csrf_token, std::string_view user_name) const {
    std::string out;
    out.reserve(size() + slots.size() * 64);
    for (std::size_t i = 0; i < slots.size(); ++i) {
        out += pieces[i];
        out += slots[i] == Slot::Csrf ? csrf_token : user_name;
    }
    out += pieces.back();
    return out;
}

std::size_t KeptPage::size() const {
    std::size_t total = 0;
    for (const auto& piece : pieces) total += piece.size();
    return total;
}

std::shared_ptr<const KeptPage> PageCache::find(const std::string& key) {
    std::lock_guard lock{mutex_};
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->second;
}

void PageCache::keep(const std::string& key, std::shared_ptr<const KeptPage> page) {
    auto size = page->size() + key.size();
    if (size > max_bytes_) return;
    std::lock_guard lock{mutex_};
    if (auto it = index_.find(key); it != index_.end()) {
        bytes_ -= it->second->second->size() + key.size();
        order_.erase(it->second);
        index_.erase(it);
    }
    order_.emplace_front(key, std::move(page));
    index_[key] = order_.begin();
    bytes_ += size;
    while (bytes_ > max_bytes_) {
        const auto& [old_key, old_page] = order_.back();
        bytes_ -= old_page->size() + old_key.size();
        index_.erase(old_key);
        order_.pop_back();
    }
}

std::size_t PageCache::bytes() const {
    std::lock_guard lock{mutex_};
    return bytes_;
}

}  // namespace signs::web
