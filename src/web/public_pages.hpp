#pragma once
/// The pages anyone may read without signing in: what Signs of Safety is, the four questions,
/// what to expect at meetings and how to contact the service. Their words are Markdown files
/// in data/public, so a council can change them without touching code; they are read once,
/// when signs starts.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace signs::web {

struct PublicPage {
    std::string slug;  ///< the file's name without ".md", and the page's address
    std::string title, summary, html;
};

class PublicPages {
  public:
    /// Reads each page in the order shown; throws when one is missing.
    explicit PublicPages(const std::filesystem::path& folder);

    const PublicPage* find(std::string_view slug) const;
    const std::vector<PublicPage>& all() const { return pages_; }

  private:
    std::vector<PublicPage> pages_;
};

}  // namespace signs::web
