#pragma once
/// A statutory code list (ethnicity, referral source, reason for closure ...) read from its
/// data file: the DfE's code, and the words signs shows for it. Each list is its own file
/// under `data/codes/`, so that next year's specification is a change of data, and each is
/// checked when it is read: a server never starts with a broken or incomplete list.
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "domain/code_label.hpp"

namespace signs::domain {

class CodeSet {
  public:
    /// An empty list, for values that are filled in later.
    CodeSet();

    /// Reads a table with `code` and `label` columns. Codes must be unique, 1 to 8 letters,
    /// digits or hyphens; labels are needed and at most 200 characters; `required` codes must
    /// all be present (the rules that name a code, such as "NONE" or "RC8", depend on them).
    /// Errors name the list and the line.
    static core::Result<CodeSet> from(std::string_view name, const core::CsvTable& table,
                                      std::span<const std::string_view> required = {});

    std::string_view name() const;
    /// In the file's order, which is the order forms offer them in.
    std::span<const CodeLabel> entries() const;
    bool contains(std::string_view code) const;
    /// The label, or the code itself when the list lacks it, so an unexpected stored value is
    /// shown rather than hidden.
    std::string_view label(std::string_view code) const;
    std::size_t size() const { return entries().size(); }

  private:
    struct Data;
    /// Shared and never changed once read, so copies are cheap and the views stay valid.
    std::shared_ptr<const Data> data_;
};

}  // namespace signs::domain
