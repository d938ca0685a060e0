// The guidance library and the public pages through the real server: who may read and change
// what, uploads judged by their bytes and served with safe headers, search, and every kind of
// bad input (lying types, huge bodies, path traversal, script, SQL, bytes that are not text).
#include <gtest/gtest.h>

#include <filesystem>

#include "support/sample_files.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

using Fields = std::vector<std::pair<std::string, std::string>>;

Fields resource_fields(const std::string& title, const std::string& audience = "staff",
                       const std::string& body = "## Start\nSay who is worried.") {
    return {{"title", title},        {"summary", "What it is for"},  {"kind", "guidance"},
            {"audiences", audience}, {"levels", "child-protection"}, {"body", body}};
}

/// Adds a resource as `keeper` and returns its id.
std::int64_t add_resource(Browser& keeper, const Fields& fields,
                          const std::vector<FilePart>& files = {}) {
    keeper.get("/guidance/new");
    auto added = keeper.post_multipart("/guidance", fields, files);
    EXPECT_EQ(added.status, 303) << added.body;
    auto location = added.header("location");
    return std::stoll(location.substr(std::string{"/guidance/"}.size()));
}

int resources(TestServer& server) {
    auto lease = server.db().lease();
    int n = 0;
    lease.sql() << "SELECT COUNT(*) FROM guidance_resources", soci::into(n);
    return n;
}

int files_kept(TestServer& server) {
    int n = 0;
    auto folder = server.app().config().files;
    if (!std::filesystem::exists(folder)) return 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
        n += entry.is_regular_file() ? 1 : 0;
    return n;
}

TEST(Guidance, AnyoneReadsThePublicPagesWithoutSigningIn) {
    TestServer server;
    auto visitor = server.browser();
    auto home = visitor.get("/public");
    EXPECT_EQ(home.status, 200);
    for (const auto* page : {"/public/signs-of-safety", "/public/four-questions",
                             "/public/meetings", "/public/contact"}) {
        EXPECT_TRUE(has(home.body, std::string{"href=\""} + page + "\"")) << page;
        auto shown = visitor.get(page);
        EXPECT_EQ(shown.status, 200) << page;
        EXPECT_TRUE(has(shown.body, "<h1 class=\"govuk-heading-xl\">")) << page;
        EXPECT_TRUE(has(shown.body, "<h2>")) << page;  // the Markdown's sections
        EXPECT_FALSE(has(shown.body, "Sign out")) << page;
    }
    auto questions = visitor.get("/public/four-questions");
    EXPECT_TRUE(has(questions.body, "0 to 10") || has(questions.body, "0 and 10"));
    EXPECT_EQ(visitor.get("/public/nothing-here").status, 404);
    EXPECT_EQ(visitor.get("/public/..%2F..%2Fetc%2Fpasswd").status, 404);
    EXPECT_EQ(visitor.get("/public/guidance").status, 200);
    EXPECT_EQ(visitor.get("/public/training").status, 200);
    // The staff library needs signing in.
    auto staff = visitor.get("/guidance");
    EXPECT_EQ(staff.status, 303);
    EXPECT_TRUE(staff.header("location").starts_with("/sign-in"));
}

TEST(Guidance, TrainingAdministratorsKeepTheLibraryAndEveryoneElseReadsIt) {
    TestServer server;
    auto keeper = server.signed_in_as(Role::TrainingAdministrator, "Training");
    auto id = add_resource(keeper, resource_fields("Writing danger statements"));
    EXPECT_EQ(server.audit_count("resource-add"), 1);
    auto shown = keeper.get("/guidance/" + std::to_string(id) + "?done=added");
    EXPECT_EQ(shown.status, 200);
    EXPECT_TRUE(has(shown.body, "<h2>Start</h2>"));
    EXPECT_TRUE(has(shown.body, "Change this resource"));
    const auto href = "/guidance/" + std::to_string(id);

    for (auto role : {Role::Practitioner, Role::TeamManager, Role::ConferenceChair}) {
        // Another team's people read the library too: it belongs to the whole council.
        auto reader = server.signed_in_as(role, "Another team");
        EXPECT_EQ(reader.get("/guidance").status, 200);
        auto read = reader.get(href);
        EXPECT_EQ(read.status, 200);
        EXPECT_FALSE(has(read.body, "Change this resource"));
        EXPECT_EQ(reader.get("/guidance/new").status, 403);
        EXPECT_EQ(reader.get(href + "/edit").status, 403);
        EXPECT_EQ(reader.post_multipart("/guidance", resource_fields("Mine"), {}).status, 403);
        Fields change = resource_fields("Changed");
        change.emplace_back("version", "1");
        EXPECT_EQ(reader.post_multipart(href, change, {}).status, 403);
        EXPECT_EQ(reader.post(href + "/withdraw", {}).status, 403);
    }
    EXPECT_EQ(resources(server), 1);

    auto admin = server.signed_in_as(Role::SystemAdministrator, "Another team");
    EXPECT_EQ(admin.get(href + "/edit").status, 200);
    Fields change = resource_fields("Writing danger statements together");
    change.emplace_back("version", "1");
    auto saved = admin.post_multipart(href, change, {});
    EXPECT_EQ(saved.status, 303) << saved.body;
    // The pages readers saw before the change are kept, but not past it.
    auto reader = server.signed_in_as(Role::Practitioner, "Another team");
    EXPECT_TRUE(has(reader.get(href).body, "Writing danger statements together"));
    EXPECT_TRUE(has(reader.get("/guidance").body, "Writing danger statements together"));
    // An edit from a page read before that save is refused, not silently lost.
    keeper.get(href + "/edit");
    auto stale = keeper.post_multipart(href, change, {});
    EXPECT_EQ(stale.status, 409);
    EXPECT_TRUE(has(stale.body, "Someone else changed this resource"));

    EXPECT_EQ(keeper.post(href + "/withdraw", {}).status, 303);
    EXPECT_EQ(keeper.get(href).status, 404);
    EXPECT_FALSE(has(keeper.get("/guidance").body, "Writing danger statements"));
    EXPECT_EQ(server.audit_count("resource-withdraw"), 1);
}

TEST(Guidance, OnlyResourcesForPartnersOrFamiliesArePublic) {
    TestServer server;
    auto keeper = server.signed_in_as(Role::TrainingAdministrator);
    auto staff_only = add_resource(keeper, resource_fields("Internal practice standards"),
                                   {{"file", "standards.pdf", "application/pdf", samples::pdf()}});
    auto open = add_resource(keeper, resource_fields("A leaflet for parents", "families"),
                             {{"file", "leaflet.pdf", "application/pdf", samples::pdf() + " "}});
    auto visitor = server.browser();
    auto list = visitor.get("/public/guidance");
    EXPECT_TRUE(has(list.body, "A leaflet for parents"));
    EXPECT_FALSE(has(list.body, "Internal practice standards"));
    EXPECT_EQ(visitor.get("/public/guidance/" + std::to_string(open)).status, 200);
    EXPECT_EQ(visitor.get("/public/guidance/" + std::to_string(open) + "/file").status, 200);
    EXPECT_EQ(visitor.get("/public/guidance/" + std::to_string(staff_only)).status, 404);
    EXPECT_EQ(visitor.get("/public/guidance/" + std::to_string(staff_only) + "/file").status, 404);
    EXPECT_EQ(visitor.get("/guidance/" + std::to_string(staff_only) + "/file").status, 303);
    // Another spelling of the public address is not a way round it.
    EXPECT_EQ(visitor.get("//public/guidance/" + std::to_string(staff_only)).status, 404);
    EXPECT_EQ(visitor.get("//public/guidance/" + std::to_string(staff_only) + "/file").status, 404);
    EXPECT_FALSE(
        has(visitor.get("/public/guidance/?audience=staff").body, "Internal practice standards"));
    // Signed in, the public pages still show only the public part.
    EXPECT_FALSE(has(keeper.get("/public/guidance").body, "Internal practice standards"));
}

TEST(Guidance, FilesAreTakenByWhatTheyAreAndServedSafely) {
    TestServer server;
    auto keeper = server.signed_in_as(Role::TrainingAdministrator);
    struct Case {
        std::string name, bytes, type;
    };
    for (const auto& c : {Case{"plan.pdf", samples::pdf(), "application/pdf"},
                          Case{"notes.docx", samples::docx(),
                               "application/vnd.openxmlformats-officedocument.wordprocessingml."
                               "document"},
                          Case{"drawing.png", samples::png(), "image/png"},
                          Case{"photo.jpg", samples::jpeg(), "image/jpeg"}}) {
        auto fields = resource_fields("Resource " + c.name, "staff", "");
        auto id =
            add_resource(keeper, fields, {{"file", c.name, "application/octet-stream", c.bytes}});
        auto file = keeper.get("/guidance/" + std::to_string(id) + "/file");
        EXPECT_EQ(file.status, 200) << c.name;
        EXPECT_EQ(file.body, c.bytes) << c.name;
        EXPECT_EQ(file.header("content-type"), c.type) << c.name;
        EXPECT_EQ(file.header("content-disposition"),
                  "attachment; filename=\"" + c.name + "\"; filename*=UTF-8''" + c.name);
        EXPECT_EQ(file.header("content-security-policy"), "default-src 'none'; sandbox");
        EXPECT_EQ(file.header("x-content-type-options"), "nosniff");
        EXPECT_EQ(file.header("cache-control"), "no-store");
    }
    EXPECT_EQ(files_kept(server), 4);
    // The files are kept apart from everything the server serves, under their hash.
    auto folder = server.app().config().files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (entry.is_regular_file()) {
            EXPECT_EQ(entry.path().filename().string().size(), 64u) << entry.path();
        }
    }
}

// A council sets its own limit (--max-upload-mib); the forms and the refusals say it.
TEST(Guidance, TheCouncilsUploadLimitIsKeptAndNamed) {
    web::AppConfig config;
    config.upload_limit = {1};
    TestServer server{config};
    auto keeper = server.signed_in_as(Role::TrainingAdministrator);
    EXPECT_TRUE(has(keeper.get("/guidance/new").body, "smaller than 1 MB"));
    auto try_file = [&](const std::string& bytes) {
        return keeper.post_multipart("/guidance", resource_fields("A leaflet"),
                                     {{"file", "leaflet.pdf", "application/pdf", bytes}});
    };
    auto over = try_file(samples::pdf() + std::string(1024 * 1024, ' '));
    EXPECT_EQ(over.status, 422);
    EXPECT_TRUE(has(over.body, "The file must be smaller than 1 MB"));
    auto beyond = try_file(samples::pdf() + std::string(3 * 1024 * 1024, ' '));
    EXPECT_EQ(beyond.status, 413);
    EXPECT_TRUE(has(beyond.body, "The file must be smaller than 1 MB"));
    EXPECT_EQ(resources(server), 0);
    EXPECT_EQ(try_file(samples::pdf() + std::string(512 * 1024, ' ')).status, 303);
    EXPECT_EQ(resources(server), 1);
}

TEST(Guidance, UploadsThatLieOrHarmAreRefusedAndChangeNothing) {
    TestServer server;
    auto keeper = server.signed_in_as(Role::TrainingAdministrator);
    keeper.get("/guidance/new");
    auto try_file = [&](const std::string& name, const std::string& type,
                        const std::string& bytes) {
        return keeper.post_multipart("/guidance", resource_fields("A resource"),
                                     {{"file", name, type, bytes}});
    };
    // A PNG calling itself a PDF, in name and in type.
    auto png_as_pdf = try_file("report.pdf", "application/pdf", samples::png());
    EXPECT_EQ(png_as_pdf.status, 422);
    EXPECT_TRUE(has(png_as_pdf.body, "ends in .pdf but the file is a PNG image"));
    // A web page, a script and a program, whatever they claim.
    for (const auto& bytes :
         {std::string{"<html><script>alert(1)</script></html>"},
          std::string{"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"},
          std::string{"MZ\x90\x00\x03\x00\x00\x00", 8}, std::string{"#!/bin/sh\nrm -rf /\n"}}) {
        auto refused = try_file("leaflet.pdf", "application/pdf", bytes);
        EXPECT_EQ(refused.status, 422);
        EXPECT_TRUE(
            has(refused.body, "The file must be a PDF, a Word document (.docx) or an image"));
    }
    auto empty = try_file("empty.pdf", "application/pdf", "");
    EXPECT_EQ(empty.status, 422);
    // Bigger than the limit, but small enough for the server to read and answer.
    auto big =
        try_file("big.pdf", "application/pdf", samples::pdf() + std::string(21 * 1024 * 1024, ' '));
    EXPECT_EQ(big.status, 413);
    EXPECT_TRUE(has(big.body, "The file must be smaller than 20 MB"));
    // Just over 20 MB of file inside the body limit is refused by the library's own check.
    auto over = try_file("over.pdf", "application/pdf",
                         samples::pdf() + std::string(20 * 1024 * 1024, ' '));
    EXPECT_EQ(over.status, 422);
    EXPECT_TRUE(has(over.body, "The file must be smaller than 20 MB"));
    // 100 MB announced: the connection is closed before the body is read, nothing kept.
    auto huge = send_raw(server.port(),
                         build_request("POST", "/guidance",
                                       {{"Content-Type", "multipart/form-data; boundary=x"},
                                        {"Content-Length", std::to_string(100 * 1024 * 1024)}},
                                       "--x\r\n"));
    EXPECT_TRUE(huge.status == 0 || huge.status == 413) << huge.status;
    EXPECT_EQ(resources(server), 0);
    EXPECT_EQ(files_kept(server), 0);

    // Path traversal in the name: the file keeps only its last part, and lands in the store.
    auto before = std::filesystem::exists("/tmp/evil.pdf");
    auto id =
        add_resource(keeper, resource_fields("Traversal"),
                     {{"file", "../../../../tmp/evil.pdf", "application/pdf", samples::pdf()}});
    EXPECT_EQ(std::filesystem::exists("/tmp/evil.pdf"), before);
    auto file = keeper.get("/guidance/" + std::to_string(id) + "/file");
    EXPECT_EQ(file.header("content-disposition"),
              "attachment; filename=\"evil.pdf\"; filename*=UTF-8''evil.pdf");
    auto quoted =
        add_resource(keeper, resource_fields("Quoted"),
                     {{"file", "a\\\"; filename=x.exe.pdf", "application/pdf", samples::pdf()}});
    auto quoted_file = keeper.get("/guidance/" + std::to_string(quoted) + "/file");
    EXPECT_FALSE(has(quoted_file.header("content-disposition"), "x.exe\""));
    EXPECT_EQ(files_kept(server), 1);  // the same bytes, kept once
}

TEST(Guidance, FormsAreCheckedAndNothingInThemRuns) {
    TestServer server;
    auto keeper = server.signed_in_as(Role::TrainingAdministrator);
    keeper.get("/guidance/new");
    auto missing = keeper.post_multipart("/guidance", {{"kind", "guidance"}}, {});
    EXPECT_EQ(missing.status, 422);
    EXPECT_TRUE(has(missing.body, "Enter the resource&apos;s title"));
    EXPECT_TRUE(has(missing.body, "Write the page, or choose a file to upload"));
    auto fields = resource_fields(std::string(151, 'x'));
    fields.emplace_back("levels", "../../etc");
    auto bad = keeper.post_multipart("/guidance", fields, {});
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(has(bad.body, "Choose service levels from the list"));
    auto wrong_kind = resource_fields("x");
    wrong_kind[2].second = "'; DROP TABLE guidance_resources; --";
    EXPECT_EQ(keeper.post_multipart("/guidance", wrong_kind, {}).status, 422);
    // Bytes that are not UTF-8, in a field or in a file's name.
    auto not_text = keeper.post_multipart("/guidance", resource_fields("Bad \xff\xfe text"), {});
    EXPECT_EQ(not_text.status, 400);
    EXPECT_TRUE(has(not_text.body, "not valid text"));
    EXPECT_EQ(keeper
                  .post_multipart("/guidance", resource_fields("x"),
                                  {{"file", "bad\xff.pdf", "application/pdf", samples::pdf()}})
                  .status,
              400);
    // A broken multipart body, and a form sent as the wrong kind.
    EXPECT_EQ(keeper.post_raw("/guidance", "multipart/form-data; boundary=zz", "garbage").status,
              400);
    EXPECT_EQ(keeper.post_raw("/guidance", "text/plain", "title=x").status, 415);
    // A form posted without the page's token.
    EXPECT_EQ(keeper.post_multipart("/guidance", {{"csrf_token", "wrong"}}, {}).status, 403);
    EXPECT_EQ(resources(server), 0);

    auto id = add_resource(keeper, resource_fields("<script>alert('title')</script>", "staff",
                                                   "<script>alert('body')</script>\n\n"
                                                   "[bad](javascript:alert(1)) **fine**"));
    auto shown = keeper.get("/guidance/" + std::to_string(id));
    EXPECT_FALSE(has(shown.body, "<script>alert"));
    EXPECT_TRUE(has(shown.body, "&lt;script&gt;alert"));
    EXPECT_FALSE(has(shown.body, "javascript:alert"));
    EXPECT_TRUE(has(shown.body, "<strong>fine</strong>"));
    EXPECT_EQ(keeper.get("/guidance/999999").status, 404);
    EXPECT_EQ(keeper.get("/guidance/abc").status, 404);
    EXPECT_EQ(keeper.get("/guidance/999999/file").status, 404);
    EXPECT_EQ(keeper.get("/guidance/" + std::to_string(id) + "/file").status, 404);  // a page only
}

TEST(Guidance, TheLibraryIsSearchedAndFiltered) {
    TestServer server;
    auto keeper = server.signed_in_as(Role::TrainingAdministrator);
    add_resource(keeper, resource_fields("Danger statements"));
    auto tool = resource_fields("Three Houses", "families", "Worries, good things and dreams");
    tool[2].second = "tool";
    tool[4].second = "cared-for";
    add_resource(keeper, tool);
    auto reader = server.signed_in_as(Role::Practitioner);
    auto by_words = reader.get("/guidance?q=DREAMS");
    EXPECT_TRUE(has(by_words.body, "Three Houses"));
    EXPECT_FALSE(has(by_words.body, "Danger statements"));
    EXPECT_TRUE(has(by_words.body, "1 resource found"));
    auto by_level = reader.get("/guidance?level=child-protection");
    EXPECT_TRUE(has(by_level.body, "Danger statements"));
    EXPECT_FALSE(has(by_level.body, "Three Houses"));
    auto by_kind = reader.get("/guidance?kind=tool&audience=families");
    EXPECT_TRUE(has(by_kind.body, "Three Houses"));
    EXPECT_FALSE(has(by_kind.body, "Danger statements"));
    // Made-up filters are ignored rather than trusted, and search words are only words.
    auto odd =
        reader.get("/guidance?kind=%27%20OR%201%3D1--&level=..%2F..&q=%27%20OR%20%271%27%3D%271");
    EXPECT_EQ(odd.status, 200);
    EXPECT_TRUE(has(odd.body, "0 resources found"));
    auto long_words = reader.get("/guidance?q=" + std::string(5000, 'a'));
    EXPECT_EQ(long_words.status, 200);
    EXPECT_EQ(reader.get("/guidance?q=%FF%FE").status, 200);
    auto visitor = server.browser();
    auto public_words = visitor.get("/public/guidance?q=dreams");
    EXPECT_TRUE(has(public_words.body, "Three Houses"));
}

}  // namespace
}  // namespace signs::testing
