#include "store/story_repository.hpp"

#include "store/query.hpp"

namespace signs::store::stories {
namespace {

std::vector<StoryRecord> select(soci::session& sql, const std::string& where, long long key) {
    StoryRecord row;
    long long id = 0, case_id = 0, child_id = 0, by = 0;
    soci::indicator by_ind = soci::i_null, name_ind = soci::i_null;
    std::vector<StoryRecord> out;
    for_each_row(
        sql,
        "SELECT s.id, s.case_id, s.child_id, s.version, s.title, s.written_with, s.created_by, "
        "u.name, s.created_at FROM stories s LEFT JOIN users u ON u.id = s.created_by " +
            where,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(case_id));
            st.exchange(soci::into(child_id));
            st.exchange(soci::into(row.version));
            st.exchange(soci::into(row.title));
            st.exchange(soci::into(row.written_with));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(row.created_by_name, name_ind));
            st.exchange(soci::into(row.created_at));
            st.exchange(soci::use(key));
        },
        [&] {
            auto copy = row;
            copy.id = id;
            copy.case_id = case_id;
            copy.child_id = child_id;
            copy.created_by = id_or_none(by, by_ind);
            if (name_ind != soci::i_ok) copy.created_by_name.clear();
            out.push_back(std::move(copy));
        });
    for (auto& story : out) {
        std::string part, words, picture;
        long long story_id = story.id;
        for_each_row(
            sql, "SELECT part, words, picture FROM story_parts WHERE story_id = :id",
            [&](soci::statement& st) {
                st.exchange(soci::into(part));
                st.exchange(soci::into(words));
                st.exchange(soci::into(picture));
                st.exchange(soci::use(story_id));
            },
            [&] {
                story.words[part] = words;
                story.pictures[part] = picture;
            });
    }
    return out;
}

}  // namespace

std::int64_t add(soci::session& sql, StoryRecord& r) {
    return translate_errors([&] {
        long long case_id = r.case_id, child_id = r.child_id, id = 0;
        int latest = 0;
        soci::indicator none = soci::i_null;
        sql << "SELECT MAX(version) FROM stories WHERE case_id = :c AND child_id = :child",
            soci::use(case_id), soci::use(child_id), soci::into(latest, none);
        r.version = (none == soci::i_ok ? latest : 0) + 1;
        auto by = nullable_id(r.created_by);
        sql << "INSERT INTO stories (case_id, child_id, version, title, written_with, "
               "created_by, created_at) VALUES (:c, :child, :v, :t, :w, :by, :at) RETURNING id",
            soci::use(case_id), soci::use(child_id), soci::use(r.version), soci::use(r.title),
            soci::use(r.written_with), soci::use(by.value, by.indicator), soci::use(r.created_at),
            soci::into(id);
        for (const auto& [part, words] : r.words) {
            auto picture = r.pictures.contains(part) ? r.pictures.at(part) : std::string{};
            sql << "INSERT INTO story_parts (story_id, part, words, picture) VALUES (:id, :part, "
                   ":words, :picture)",
                soci::use(id), soci::use(part), soci::use(words), soci::use(picture);
        }
        r.id = id;
        return static_cast<std::int64_t>(id);
    });
}

std::optional<StoryRecord> find(soci::session& sql, std::int64_t id) {
    return first_of(select(sql, "WHERE s.id = :id", id));
}

std::vector<StoryRecord> for_case(soci::session& sql, std::int64_t case_id) {
    return select(sql, "WHERE s.case_id = :c ORDER BY s.created_at DESC, s.id DESC", case_id);
}

}  // namespace signs::store::stories
