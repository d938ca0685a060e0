#pragma once
/// "Words and pictures": the story of what happened and what happens next, written with the
/// family for a child, in four parts, each with a simple picture if wanted. It is read to the
/// child by their parents, so its words are the family's. Every change is a new version, and
/// each copy given is recorded like Our plan's.
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"
#include "domain/casework/child.hpp"
#include "domain/documents/family_document.hpp"

namespace signs::domain {

/// The four parts, in the order the story is told.
std::span<const CodeLabel> story_parts();
/// The small set of simple pictures a part may have.
std::span<const CodeLabel> story_pictures();

inline constexpr std::size_t kMaxStoryText = 3000;

struct StoryForm {
    std::string child;  ///< a child of the case, by record number
    std::string title;
    std::string written_with;                     ///< who in the family wrote it with the worker
    std::map<std::string, std::string> words;     ///< part code to words
    std::map<std::string, std::string> pictures;  ///< part code to picture code, or ""
};

struct Story {
    std::int64_t child_id = 0;
    std::string title, written_with;
    std::map<std::string, std::string> words, pictures;  ///< every part, trimmed
};

/// One of `children`; a title (at most 100 characters) and who it was written with (200);
/// every part in words (at most kMaxStoryText each); pictures only from the set.
core::Result<Story> check_story(const StoryForm& form, const std::vector<std::int64_t>& children);

/// The story as a family document: the title, for the child, dated, one section per part.
FamilyDocument story_document(const Story& story, const std::string& child, const std::string& on);

}  // namespace signs::domain
