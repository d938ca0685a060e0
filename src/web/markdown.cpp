#include "web/markdown.hpp"

#include <cmark.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <vector>

namespace signs::web {

std::string markdown_html(std::string_view markdown) {
    // Without CMARK_OPT_UNSAFE, cmark leaves out raw HTML and links to javascript:, vbscript:,
    // file: and most data: addresses.
    constexpr int options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART;
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> document{
        cmark_parse_document(markdown.data(), markdown.size(), options), cmark_node_free};
    if (!document) return {};
    std::vector<cmark_node*> headings;
    {
        std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> walk{cmark_iter_new(document.get()),
                                                                     cmark_iter_free};
        for (auto event = cmark_iter_next(walk.get()); event != CMARK_EVENT_DONE;
             event = cmark_iter_next(walk.get())) {
            auto* node = cmark_iter_get_node(walk.get());
            if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING)
                headings.push_back(node);
        }
    }
    int top = 6;
    for (auto* heading : headings) top = std::min(top, cmark_node_get_heading_level(heading));
    for (auto* heading : headings) {
        int level = cmark_node_get_heading_level(heading) - top + 2;
        cmark_node_set_heading_level(heading, std::min(level, 6));
    }
    std::unique_ptr<char, decltype(&std::free)> html{cmark_render_html(document.get(), options),
                                                     std::free};
    return html ? std::string{html.get()} : std::string{};
}

}  // namespace signs::web
