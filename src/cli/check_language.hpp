#pragma once
/// `signs check-language FILE|-`: the plain-language checker from the command line, for
/// checking a letter or report before it goes to a family, or a batch of them in a script.
#include <string>
#include <vector>

#include "cli/config.hpp"
#include "domain/language/glossary.hpp"

namespace signs::cli {

struct CheckLanguageOptions {
    std::string file;  ///< "-" for standard input
    bool json = false;
};

/// Prints each finding (line, column, the words, the suggestion and why) and then the
/// readability figures; 0 when the text was read (findings are advice, not failure), 1 when
/// it could not be, or is not UTF-8, and 2 when no file is named.
/// `local_terms` are the council's own, from its database.
int check_language(const Config& config, const CheckLanguageOptions& options,
                   const std::vector<domain::Term>& local_terms);

}  // namespace signs::cli
