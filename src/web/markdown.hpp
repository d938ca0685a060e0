#pragma once
/// Markdown pages (the guidance library, the public pages) as HTML, by cmark, the CommonMark
/// reference library. Raw HTML and unsafe links (javascript: and the like) are dropped, so
/// a page can hold nothing that runs.
#include <string>
#include <string_view>

namespace signs::web {

/// HTML for `markdown`. Headings move down one level (# becomes h2) because the page that
/// shows it already has its h1.
std::string markdown_html(std::string_view markdown);

}  // namespace signs::web
