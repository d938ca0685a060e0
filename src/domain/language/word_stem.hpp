#pragma once
/// English word stems, so that one glossary phrase covers every form of its words: "engage",
/// "engaged" and "engaging" share the stem "engag". Snowball's English (Porter2) stemmer from
/// Debian's libstemmer does the work.
#include <string>
#include <string_view>

struct sb_stemmer;

namespace signs::domain {

/// One stemmer's working memory. Snowball's stemmers keep state between calls, so each thread
/// uses its own: make one where the work is, never share it.
class WordStemmer {
  public:
    WordStemmer();
    ~WordStemmer();
    WordStemmer(const WordStemmer&) = delete;
    WordStemmer& operator=(const WordStemmer&) = delete;

    /// The stem of a word already folded to lower case (see folded()); valid UTF-8 in, and
    /// the answer is copied out, so it outlives the next call.
    std::string stem(std::string_view folded_word);

  private:
    sb_stemmer* stemmer_;
};

}  // namespace signs::domain
