#pragma once
/// Gentle suggestions after a save. A form's prose fields are named by the textarea partial
/// (a hidden "prose" field beside each). When a save succeeds, the glossary words found in
/// them ride on the redirect as `plain=` parameters, and the page it leads to shows each with
/// a plainer choice and why. The save itself never waits on this or is refused by it.
#include <string>
#include <vector>

#include "domain/language/glossary.hpp"
#include "web/form.hpp"

namespace signs::web {

/// A glossary word found in what was saved.
struct PlainWord {
    std::string words, suggestion, reason;
};

/// At most this many words are carried, so the address stays short.
inline constexpr std::size_t kMostPlainWords = 8;

/// `location` with a `plain=` parameter for each glossary phrase found in the form's prose
/// fields (first found first), before any #fragment. Unchanged when none is found.
std::string with_plain_words(std::string location, const Form& form,
                             const domain::Glossary& glossary);

/// The suggestions named by a page's `plain=` parameters. A phrase not in the glossary is
/// ignored, so nothing typed into an address is ever shown as advice.
std::vector<PlainWord> plain_words_in(const Form& query, const domain::Glossary& glossary);

}  // namespace signs::web
