#include "web/public_pages.hpp"

#include <array>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "domain/guidance/resource.hpp"
#include "web/markdown.hpp"

namespace signs::web {

PublicPages::PublicPages(const std::filesystem::path& folder) {
    constexpr std::array kSlugs{"signs-of-safety", "four-questions", "meetings", "contact"};
    for (const char* slug : kSlugs) {
        auto path = folder / (std::string{slug} + ".md");
        std::ifstream in(path);
        if (!in) throw std::runtime_error("cannot read " + path.string());
        std::stringstream text;
        text << in.rdbuf();
        auto page = domain::split_title(text.str());
        pages_.push_back({slug, page.title, page.summary, markdown_html(page.body)});
    }
}

const PublicPage* PublicPages::find(std::string_view slug) const {
    for (const auto& page : pages_)
        if (page.slug == slug) return &page;
    return nullptr;
}

}  // namespace signs::web
