#include "web/markdown.hpp"

#include <cmark.h>

#include <cstdlib>
#include <memory>

namespace signs::web {

std::string markdown_html(std::string_view markdown) {
    // Without CMARK_OPT_UNSAFE, cmark leaves out raw HTML and links to javascript:, vbscript:,
    // file: and most data: addresses.
    constexpr int options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART;
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> document{
        cmark_parse_document(markdown.data(), markdown.size(), options), cmark_node_free};
    if (!document) return {};
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> walk{cmark_iter_new(document.get()),
                                                                 cmark_iter_free};
    for (auto event = cmark_iter_next(walk.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(walk.get())) {
        auto* node = cmark_iter_get_node(walk.get());
        if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
            cmark_node_set_heading_level(node, std::min(cmark_node_get_heading_level(node) + 1, 6));
        }
    }
    std::unique_ptr<char, decltype(&std::free)> html{cmark_render_html(document.get(), options),
                                                     std::free};
    return html ? std::string{html.get()} : std::string{};
}

}  // namespace signs::web
