#include "store/guidance_repository.hpp"

#include "core/validation.hpp"
#include "store/query.hpp"

namespace signs::store::resources {
namespace {

constexpr const char* kColumns =
    "SELECT id, title, summary, kind, audiences, levels, is_public, body, file_sha256, "
    "file_name, file_type, file_bytes, withdrawn, is_demo, updated_by, updated_at, version "
    "FROM guidance_resources ";

/// Runs kColumns + `rest` with `texts` bound in order, then `limit` when it is positive.
std::vector<ResourceRecord> select(soci::session& sql, const std::string& rest,
                                   const std::vector<std::string>& texts, long long key = 0) {
    ResourceRecord r;
    long long id = 0, bytes = 0, by = 0;
    int is_public = 0, withdrawn = 0, demo = 0;
    soci::indicator by_indicator = soci::i_null;
    std::vector<ResourceRecord> out;
    for_each_row(
        sql, kColumns + rest,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(r.title));
            st.exchange(soci::into(r.summary));
            st.exchange(soci::into(r.kind));
            st.exchange(soci::into(r.audiences));
            st.exchange(soci::into(r.levels));
            st.exchange(soci::into(is_public));
            st.exchange(soci::into(r.body));
            st.exchange(soci::into(r.file_sha256));
            st.exchange(soci::into(r.file_name));
            st.exchange(soci::into(r.file_type));
            st.exchange(soci::into(bytes));
            st.exchange(soci::into(withdrawn));
            st.exchange(soci::into(demo));
            st.exchange(soci::into(by, by_indicator));
            st.exchange(soci::into(r.updated_at));
            st.exchange(soci::into(r.version));
            for (const auto& text : texts) st.exchange(soci::use(text));
            if (key) st.exchange(soci::use(key));
        },
        [&] {
            auto copy = r;
            copy.id = id;
            copy.file_bytes = bytes;
            copy.is_public = flag(is_public);
            copy.withdrawn = flag(withdrawn);
            copy.is_demo = flag(demo);
            copy.updated_by = id_or_none(by, by_indicator);
            out.push_back(std::move(copy));
        });
    return out;
}

/// `text` as a LIKE pattern that matches it anywhere, with its own % and _ taken literally.
std::string contains_pattern(const std::string& text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

}  // namespace

std::int64_t insert(soci::session& sql, const ResourceRecord& r) {
    return translate_errors([&] {
        long long id = 0, bytes = r.file_bytes;
        int is_public = r.is_public ? 1 : 0, demo = r.is_demo ? 1 : 0;
        auto by = nullable_id(r.updated_by);
        sql << "INSERT INTO guidance_resources (title, summary, kind, audiences, levels, "
               "is_public, body, file_sha256, file_name, file_type, file_bytes, is_demo, "
               "updated_by, updated_at) VALUES (:title, :summary, :kind, :audiences, :levels, "
               ":public, :body, :sha, :name, :type, :bytes, :demo, :by, :at) RETURNING id",
            soci::use(r.title), soci::use(r.summary), soci::use(r.kind), soci::use(r.audiences),
            soci::use(r.levels), soci::use(is_public), soci::use(r.body), soci::use(r.file_sha256),
            soci::use(r.file_name), soci::use(r.file_type), soci::use(bytes), soci::use(demo),
            soci::use(by.value, by.indicator), soci::use(r.updated_at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<ResourceRecord> find(soci::session& sql, std::int64_t id) {
    return first_of(select(sql, "WHERE id = :id", {}, id));
}

bool update(soci::session& sql, const ResourceRecord& r, int version) {
    return translate_errors([&] {
        long long bytes = r.file_bytes, key = r.id;
        auto by = nullable_id(r.updated_by);
        int is_public = r.is_public ? 1 : 0, expected = version;
        soci::statement st =
            (sql.prepare << "UPDATE guidance_resources SET title = :title, summary = :summary, "
                            "kind = :kind, audiences = :audiences, levels = :levels, is_public = "
                            ":public, body = :body, file_sha256 = :sha, file_name = :name, "
                            "file_type = :type, file_bytes = :bytes, updated_by = :by, "
                            "updated_at = :at, version = version + 1 WHERE id = :id AND "
                            "version = :version AND withdrawn = 0",
             soci::use(r.title), soci::use(r.summary), soci::use(r.kind), soci::use(r.audiences),
             soci::use(r.levels), soci::use(is_public), soci::use(r.body), soci::use(r.file_sha256),
             soci::use(r.file_name), soci::use(r.file_type), soci::use(bytes),
             soci::use(by.value, by.indicator), soci::use(r.updated_at), soci::use(key),
             soci::use(expected));
        return changed_one_row(st);
    });
}

bool withdraw(soci::session& sql, std::int64_t id, const std::string& at,
              std::optional<std::int64_t> by) {
    return translate_errors([&] {
        long long key = id;
        auto who = nullable_id(by);
        soci::statement st =
            (sql.prepare << "UPDATE guidance_resources SET withdrawn = 1, updated_by = :by, "
                            "updated_at = :at, version = version + 1 WHERE id = :id AND "
                            "withdrawn = 0",
             soci::use(who.value, who.indicator), soci::use(at), soci::use(key));
        return changed_one_row(st);
    });
}

std::string stamp(soci::session& sql) {
    return translate_errors([&] {
        long long resources = 0, changes = 0;
        sql << "SELECT COUNT(*), COALESCE(SUM(version), 0) FROM guidance_resources",
            soci::into(resources), soci::into(changes);
        return std::to_string(resources) + "." + std::to_string(changes);
    });
}

std::vector<ResourceRecord> search(soci::session& sql, const ResourceFilter& filter, int limit) {
    std::string where = "WHERE withdrawn = 0";
    std::vector<std::string> texts;
    if (filter.public_only) where += " AND is_public = 1";
    auto words = core::lower_ascii(core::trimmed(filter.words));
    if (!words.empty()) {
        where +=
            " AND (LOWER(title) LIKE :w1 ESCAPE '\\' OR LOWER(summary) LIKE :w2 ESCAPE '\\' OR "
            "LOWER(body) LIKE :w3 ESCAPE '\\')";
        auto pattern = contains_pattern(words);
        texts.insert(texts.end(), {pattern, pattern, pattern});
    }
    if (!filter.kind.empty()) {
        where += " AND kind = :kind";
        texts.push_back(filter.kind);
    }
    if (!filter.level.empty()) {
        // A resource for every level serves each of them.
        where += " AND (levels = '' OR ' ' || levels || ' ' LIKE :level)";
        texts.push_back("% " + filter.level + " %");
    }
    if (!filter.audience.empty()) {
        where += " AND ' ' || audiences || ' ' LIKE :audience";
        texts.push_back("% " + filter.audience + " %");
    }
    return select(sql, where + " ORDER BY updated_at DESC, id DESC LIMIT " + std::to_string(limit),
                  texts);
}

}  // namespace signs::store::resources
