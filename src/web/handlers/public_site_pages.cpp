// The public site: pages for families and partners that need no account. Their words live in
// data/public (see PublicPages); the training sessions and the public part of the guidance
// library have their own handlers.
#include "web/handlers/handlers.hpp"

namespace signs::web::handlers {

Response public_home(App& app, Exchange& ex) {
    nlohmann::json pages = nlohmann::json::array();
    for (const auto& page : app.public_pages().all())
        pages.push_back(
            {{"href", "/public/" + page.slug}, {"title", page.title}, {"summary", page.summary}});
    return app.page(ex, 200, "public/home", {{"title", "Working with families"}, {"pages", pages}});
}

Response public_page(App& app, Exchange& ex) {
    // The page is named by the route matched ("/public/contact"), never by the path as sent.
    std::string_view route = ex.route->pattern;
    const auto* page = app.public_pages().find(route.substr(route.rfind('/') + 1));
    if (!page) return app.error_page(ex, 404);
    return app.page(ex, 200, "public/page", {{"title", page->title}, {"body_html", page->html}});
}

}  // namespace signs::web::handlers
