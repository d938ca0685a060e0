#include "domain/language/word_stem.hpp"

#include <libstemmer.h>

#include "core/error.hpp"

namespace signs::domain {

WordStemmer::WordStemmer() : stemmer_(sb_stemmer_new("english", "UTF_8")) {
    // Only running out of memory makes this fail: the algorithm is built into the library.
    if (!stemmer_)
        throw core::Fault(core::ErrorKind::Internal, "the English word stemmer could not start");
}

WordStemmer::~WordStemmer() { sb_stemmer_delete(stemmer_); }

std::string WordStemmer::stem(std::string_view folded_word) {
    const auto* out =
        sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                        static_cast<int>(folded_word.size()));
    if (!out)
        throw core::Fault(core::ErrorKind::Internal, "the English word stemmer ran out of memory");
    return {reinterpret_cast<const char*>(out),
            static_cast<std::size_t>(sb_stemmer_length(stemmer_))};
}

}  // namespace signs::domain
