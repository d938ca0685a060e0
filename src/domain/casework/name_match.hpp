#pragma once
/// Finding a child by name when the name was heard on the phone or typed in a hurry: one
/// letter missing, added, changed or two neighbours swapped, or only the start of a word.
///
/// The store cannot run an edit-distance test on every row, so names are indexed by
/// "symmetric delete" keys: each word, and for words of four or more characters each way of
/// deleting one character. Two such words within one edit of each other always share a key.
/// The store fetches rows sharing a key with the query (or whose key starts with a query
/// word, for prefixes), then name_matches() decides.
#include <string>
#include <string_view>
#include <vector>

namespace signs::domain {

/// The form of a name used for comparing, never for showing: lower case, accents and
/// other marks on Latin letters removed ("Zoë" -> "zoe", "Łucja" -> "lucja", "ß" -> "ss"),
/// Greek and Cyrillic capitals lowered, Greek accents removed and the final sigma made
/// sigma ("Ά" -> "α", "ς" -> "σ"), apostrophes dropped ("O'Neil" -> "oneil"), and hyphens,
/// commas, full stops and runs of spaces made single spaces. Bytes that are not valid UTF-8
/// are dropped.
std::string normalise_name(std::string_view text);

/// Moves on whenever the keys a name gives change (2: Greek accents and final sigma).
/// Keys stored under an earlier scheme are made again when the database is migrated.
inline constexpr int kNameKeyScheme = 2;

/// The words of a normalised name, in order.
std::vector<std::string> name_words(std::string_view full_name);

/// The keys to store for one name: every word, plus its one-character deletions when it has
/// four or more characters. Sorted, without repeats.
std::vector<std::string> name_index_keys(std::string_view full_name);

/// The keys to look up for one word of a search, built the same way as the index keys. Text
/// that normalises to several words gives the keys of all of them.
std::vector<std::string> name_query_keys(std::string_view query_word);

/// True when the words differ by at most one inserted, deleted or changed character, or by
/// two neighbouring characters swapped. Compares the characters as given; normalise first.
bool word_within_one_edit(std::string_view a, std::string_view b);

/// A search hit: every word of the query matches some word of the name, by being equal, by
/// being the start of it (for query words of two or more characters: "Ann" finds "Anna"),
/// or by being within one edit when both words have four or more characters ("Jhonson"
/// finds "Johnson"; "Li" does not find "Lee"). An empty query matches nothing.
bool name_matches(std::string_view query, std::string_view full_name);

/// For warning that a new child may already be recorded. Two names look alike when they
/// have the same words in any order, or the same first and last words (so a middle name
/// may be missing), allowing each pair of words one edit. Words whose longer side has fewer
/// than four characters must be equal, so "Ben" and "Ken" are not flagged but "Jon" and
/// "John" are.
bool names_look_alike(std::string_view a, std::string_view b);

}  // namespace signs::domain
