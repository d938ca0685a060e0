#pragma once
/// Markdown pages (the guidance library, the public pages) as HTML, by cmark, the CommonMark
/// reference library. Raw HTML and unsafe links (javascript: and the like) are dropped, so
/// a page can hold nothing that runs.
#include <string>
#include <string_view>

namespace signs::web {

/// HTML for `markdown`. Its headings move, keeping their order, so the highest becomes h2:
/// the page that shows it already has its h1, and levels must not be skipped.
std::string markdown_html(std::string_view markdown);

}  // namespace signs::web
