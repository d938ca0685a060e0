#include "web/plain_words.hpp"

#include <algorithm>
#include <set>

namespace signs::web {
namespace {

/// More prose fields than any of our forms has are not read: the rest is not ours.
constexpr std::size_t kMostProseFields = 30;

}  // namespace

std::string with_plain_words(std::string location, const Form& form,
                             const domain::Glossary& glossary) {
    auto fields = form.get_all("prose");
    if (fields.size() > kMostProseFields) fields.resize(kMostProseFields);
    std::set<std::string> seen_fields;
    std::vector<std::size_t> terms;
    for (const auto& name : fields) {
        if (name == "prose" || !seen_fields.insert(name).second) continue;
        for (const auto& hit : glossary.find(form.get(name))) {
            if (std::find(terms.begin(), terms.end(), hit.term) != terms.end()) continue;
            terms.push_back(hit.term);
            if (terms.size() == kMostPlainWords) break;
        }
        if (terms.size() == kMostPlainWords) break;
    }
    if (terms.empty()) return location;
    auto hash = location.find('#');
    std::string fragment = hash == std::string::npos ? "" : location.substr(hash);
    location.resize(std::min(hash, location.size()));
    for (auto term : terms) {
        location += location.find('?') == std::string::npos ? '?' : '&';
        location += "plain=" + url_encode(glossary.terms()[term].phrase);
    }
    return location + fragment;
}

std::vector<PlainWord> plain_words_in(const Form& query, const domain::Glossary& glossary) {
    std::vector<PlainWord> out;
    for (const auto& phrase : query.get_all("plain")) {
        if (out.size() == kMostPlainWords) break;
        if (std::any_of(out.begin(), out.end(), [&](const auto& w) { return w.words == phrase; }))
            continue;
        const auto& terms = glossary.terms();
        auto it = std::find_if(terms.begin(), terms.end(), [&](const auto& t) {
            return t.phrase == phrase && t.match != domain::TermMatch::Everyday;
        });
        if (it != terms.end()) out.push_back({it->phrase, it->suggestion, it->reason});
    }
    return out;
}

}  // namespace signs::web
