#pragma once
/// The questions a worker can ask while mapping: exception, coping, scaling, relationship and
/// preferred-future questions, each for one part of the mapping and one kind of person. They
/// come from `data/questions.csv` so that a council can add its own.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "domain/casework/child.hpp"

namespace signs::domain {

struct Question {
    std::string category;  ///< an entry category, or "scaling"
    std::string asked;     ///< parent, child, network, professional or any
    std::string kind;      ///< exception, coping, scaling, relationship, preferred-future
    std::string text;
};

/// Who a question is for.
std::span<const CodeLabel> question_audiences();
/// The kinds of question.
std::span<const CodeLabel> question_kinds();

class QuestionBank {
  public:
    /// Checks every row: a known category, audience and kind, and a question. A bad row is an
    /// error naming its line.
    static core::Result<QuestionBank> from(const core::CsvTable& table);

    /// Questions for a category (or "" for all), for an audience (or "" for all; questions
    /// for "any" always match), whose words contain every word of `search`, case-insensitive.
    std::vector<Question> find(std::string_view category, std::string_view asked,
                               std::string_view search) const;
    std::size_t size() const { return questions_.size(); }

  private:
    std::vector<Question> questions_;
};

}  // namespace signs::domain
