// The guidance library on both engines: resources found by words, kind, level and audience
// (with LIKE's own wildcards taken literally), edits guarded by version, withdrawal, and the
// rule that a resource has a page or a file. Also the file store the library keeps files in.
#include <filesystem>
#include <fstream>

#include "core/crypto.hpp"
#include "service/file_store.hpp"
#include "store/guidance_repository.hpp"
#include "store/store_fixture.hpp"

namespace signs::testing {
namespace {

template <class Engine>
class GuidanceStore : public StoreTest<Engine> {
  protected:
    std::int64_t add(soci::session& sql, const std::string& title, const std::string& kind,
                     const std::string& audiences, const std::string& levels,
                     const std::string& body = "Some words", const std::string& at = "t1") {
        store::ResourceRecord r;
        r.title = title;
        r.summary = "About " + title;
        r.kind = kind;
        r.audiences = audiences;
        r.levels = levels;
        r.is_public = audiences.find("families") != std::string::npos;
        r.body = body;
        r.updated_at = at;
        return store::resources::insert(sql, r);
    }
    std::vector<std::string> titles(soci::session& sql, store::ResourceFilter filter) {
        std::vector<std::string> out;
        for (const auto& r : store::resources::search(sql, filter, 50)) out.push_back(r.title);
        return out;
    }
};

TYPED_TEST_SUITE(GuidanceStore, Engines, EngineNames);

TYPED_TEST(GuidanceStore, ResourcesAreFoundByWordsKindLevelAndAudience) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    this->add(sql, "Danger statements", "guidance", "staff", "child-protection", "Who is worried",
              "t1");
    this->add(sql, "Three Houses", "tool", "staff families", "", "Worries, good things, dreams",
              "t2");
    this->add(sql, "Spring newsletter", "newsletter", "staff", "early-help cared-for",
              "100% of teams trained_", "t3");
    using F = store::ResourceFilter;
    EXPECT_EQ(this->titles(sql, F{}),
              (std::vector<std::string>{"Spring newsletter", "Three Houses", "Danger statements"}));
    EXPECT_EQ(this->titles(sql, F{.words = "WORRIE"}),
              (std::vector<std::string>{"Three Houses", "Danger statements"}));
    EXPECT_EQ(this->titles(sql, F{.kind = "tool"}), (std::vector<std::string>{"Three Houses"}));
    // A resource for every level is found under each level.
    EXPECT_EQ(this->titles(sql, F{.level = "child-protection"}),
              (std::vector<std::string>{"Three Houses", "Danger statements"}));
    EXPECT_EQ(this->titles(sql, F{.level = "cared-for"}),
              (std::vector<std::string>{"Spring newsletter", "Three Houses"}));
    EXPECT_EQ(this->titles(sql, F{.audience = "families"}),
              (std::vector<std::string>{"Three Houses"}));
    EXPECT_EQ(this->titles(sql, F{.public_only = true}),
              (std::vector<std::string>{"Three Houses"}));
    // LIKE's wildcards and SQL in the words are only text.
    EXPECT_EQ(this->titles(sql, F{.words = "100%"}),
              (std::vector<std::string>{"Spring newsletter"}));
    EXPECT_TRUE(this->titles(sql, F{.words = "%_%x"}).empty());
    EXPECT_TRUE(this->titles(sql, F{.words = "' OR 1=1 --"}).empty());
    EXPECT_EQ(this->titles(sql, F{.words = "trained_"}),
              (std::vector<std::string>{"Spring newsletter"}));
}

TYPED_TEST(GuidanceStore, EditsNeedTheVersionReadAndWithdrawnResourcesAreHidden) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto id = this->add(sql, "Danger statements", "guidance", "staff", "");
    auto found = store::resources::find(sql, id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->version, 1);
    EXPECT_FALSE(found->has_file());
    found->title = "Writing danger statements";
    found->file_sha256 = std::string(64, 'a');
    found->file_name = "guide.pdf";
    found->file_type = "application/pdf";
    found->file_bytes = 1234;
    EXPECT_TRUE(store::resources::update(sql, *found, 1));
    EXPECT_FALSE(store::resources::update(sql, *found, 1));  // someone saved in between
    auto saved = store::resources::find(sql, id);
    EXPECT_EQ(saved->title, "Writing danger statements");
    EXPECT_EQ(saved->file_bytes, 1234);
    EXPECT_EQ(saved->version, 2);
    EXPECT_TRUE(store::resources::withdraw(sql, id, "t9", std::nullopt));
    EXPECT_FALSE(store::resources::withdraw(sql, id, "t9", std::nullopt));
    EXPECT_TRUE(store::resources::find(sql, id)->withdrawn);
    EXPECT_TRUE(store::resources::search(sql, {}, 10).empty());
    EXPECT_FALSE(store::resources::update(sql, *saved, 2));  // withdrawn stays withdrawn
}

TYPED_TEST(GuidanceStore, AResourceHasAPageOrAFileAndAKnownKind) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    EXPECT_THROW(this->add(sql, "Empty", "guidance", "staff", "", ""), std::exception);
    EXPECT_THROW(this->add(sql, "Odd", "poster", "staff", ""), std::exception);
    EXPECT_THROW(this->add(sql, "Nobody", "guidance", "", ""), std::exception);
}

TEST(FileStore, KeepsBytesUnderTheirHashAndReadsOnlyWhatMatches) {
    auto folder = std::filesystem::temp_directory_path() / ("signs-files-" + core::random_token(6));
    service::FileStore files{folder};
    std::string bytes{"%PDF-1.4\n\0binary\xff", 17};
    auto kept = files.keep(bytes);
    ASSERT_TRUE(kept);
    EXPECT_EQ(*kept, core::sha256_hex(bytes));
    EXPECT_EQ(files.keep(bytes).value(), *kept);  // the same bytes are kept once
    EXPECT_EQ(files.read(*kept).value(), bytes);
    auto path = folder / kept->substr(0, 2) / *kept;
    EXPECT_TRUE(std::filesystem::exists(path));
    // Only its owner may read a kept file.
    auto perms = std::filesystem::status(path).permissions();
    EXPECT_EQ(perms & std::filesystem::perms::others_read, std::filesystem::perms::none);
    // Names that are not hashes never become paths.
    EXPECT_FALSE(files.read("../../etc/passwd"));
    EXPECT_FALSE(files.read(std::string(64, 'A')));
    EXPECT_FALSE(files.read(std::string(64, 'b')));
    // A file changed on disk is not served as if it were the one kept.
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << "tampered";
    }
    EXPECT_FALSE(files.read(*kept));
    // Keeping the same bytes again mends it.
    EXPECT_EQ(files.keep(bytes).value(), *kept);
    EXPECT_EQ(files.read(*kept).value(), bytes);
    // Nothing half-written is left beside the kept files.
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
        EXPECT_FALSE(entry.path().string().ends_with(".part")) << entry.path();
    std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace signs::testing
