// "Words and pictures" through the real server: written with the family, kept in versions,
// printed as a booklet, and each copy given recorded.
#include <gtest/gtest.h>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

Fields story(std::int64_t child, const std::string& worries, const std::string& picture = "") {
    return {{"child", std::to_string(child)},
            {"title", "Maya's story"},
            {"written_with", "Mum and Gran"},
            {"family", "Maya lives with Mum and her dog Biscuit. Gran 👵 lives close by."},
            {"family-picture", "family"},
            {"worries", worries},
            {"worries-picture", picture},
            {"what-people-did", "Mum and Gran made a plan with Sam, the social worker."},
            {"what-happens-now", "Gran stays over on Tuesdays.\nMaya can ring Gran any time."},
            {"what-happens-now-picture", "happy"}};
}

TEST(WordsAndPictures, AStoryIsWrittenWithTheFamilyKeptInVersionsAndGiven) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto maya = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, maya);
    auto base = "/cases/" + std::to_string(case_id);
    EXPECT_TRUE(has(worker.get(base).body, base + "/stories/new"));
    auto form = worker.get(base + "/stories/new");
    ASSERT_EQ(form.status, 200);
    EXPECT_TRUE(has(form.body, "Who is in our family"));
    EXPECT_FALSE(has(form.body, "data-signs-plain"));  // the family's words, not ours

    auto saved = worker.post(
        base + "/stories",
        story(maya, "Sometimes Mum was too poorly <script>x</script> to look after Maya.",
              "worried"));
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
    auto first = saved.header("location").substr(0, saved.header("location").find('?'));
    EXPECT_EQ(server.audit_count("story-write"), 1);
    auto page = worker.get(saved.header("location")).body;
    EXPECT_TRUE(has(page, "Saved as version 1"));
    EXPECT_TRUE(
        has(page, "<h1 class=\"govuk-heading-xl\" id=\"story-title\">Maya&apos;s story</h1>"));
    EXPECT_TRUE(has(page, "Sometimes Mum was too poorly &lt;script&gt;x&lt;/script&gt;"));
    EXPECT_TRUE(has(page, "Gran 👵 lives close by."));
    EXPECT_TRUE(has(page, R"(role="img" aria-label="A worried face")"));
    EXPECT_TRUE(has(page, R"(aria-label="A family holding hands")"));
    // Each line the family wrote is its own paragraph.
    EXPECT_TRUE(has(page, ">Gran stays over on Tuesdays.</p>"));
    EXPECT_TRUE(has(page, ">Maya can ring Gran any time.</p>"));
    EXPECT_TRUE(has(page, "Written with Mum and Gran."));
    EXPECT_TRUE(has(worker.get(base).body,
                    "Maya&apos;s story</a>: words and pictures for Maya, version 1"));

    // A copy is given, then the story changes: the copy was of another version.
    auto given = worker.post(first + "/given", {{"given_to", "Mum (Dana)"},
                                                {"given-day", "26"},
                                                {"given-month", "11"},
                                                {"given-year", "2026"},
                                                {"how", "in-person"}});
    ASSERT_EQ(given.status, 303) << given.body.substr(0, 2000);
    EXPECT_TRUE(has(worker.get(first).body, "This version"));
    auto change = worker.get(base + "/stories/new?from=" + first.substr(first.rfind('/') + 1));
    ASSERT_EQ(change.status, 200);
    EXPECT_TRUE(has(change.body, "Gran stays over on Tuesdays."));  // starts from the version
    auto second = worker.post(base + "/stories", story(maya, "Mum was poorly and in hospital."));
    ASSERT_EQ(second.status, 303);
    page = worker.get(second.header("location")).body;
    EXPECT_TRUE(has(page, "Saved as version 2"));
    EXPECT_TRUE(has(page, "Another version"));
    EXPECT_TRUE(has(page, first));  // the earlier version is listed and kept
    EXPECT_TRUE(has(worker.get(first).body, "too poorly"));
    EXPECT_TRUE(has(worker.get(base).body, "version 2"));

    // A story's copies are the story's own: not Our plan's, and not another child's story's.
    EXPECT_EQ(worker.get(base + "/our-plan/given/1").status, 404);
    auto leo = add_child(worker, child_fields("Leo", "Carter", "2026-11-01"));
    auto joining = level_fields("early-help", "2026-11-10", "Born into the family");
    joining.emplace_back("child", std::to_string(leo));
    ASSERT_EQ(worker.post(base + "/children", joining).status, 303);
    auto leos = story(leo, "Mum was poorly.");
    leos[1].second = "Leo's story";
    auto leo_story = worker.post(base + "/stories", leos);
    ASSERT_EQ(leo_story.status, 303) << leo_story.body.substr(0, 2000);
    page = worker.get(leo_story.header("location")).body;
    EXPECT_TRUE(has(page, "No copy has been recorded as given yet"));
    EXPECT_FALSE(has(page, "Mum (Dana)"));
    EXPECT_TRUE(has(worker.get(base).body, "words and pictures for Leo"));
}

TEST(WordsAndPictures, BadInputIsNamedAndNothingIsKept) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto maya = add_child(worker, child_fields("Maya", "Carter"));
    auto other = add_child(worker, child_fields("Leo", "Jones"));
    auto base = "/cases/" + std::to_string(open_case(worker, maya));
    worker.get(base + "/stories/new");
    auto empty = worker.post(base + "/stories", {});
    EXPECT_EQ(empty.status, 422);
    EXPECT_TRUE(has(empty.body, "Select the child the story is for"));
    EXPECT_TRUE(has(empty.body, "Write who is in our family"));
    EXPECT_TRUE(has(empty.body, "Enter who in the family wrote it with you"));
    EXPECT_EQ(worker.post(base + "/stories", story(other, "x")).status, 422);
    EXPECT_EQ(worker.post(base + "/stories", story(maya, "x", "../../etc/passwd")).status, 422);
    EXPECT_EQ(worker.post(base + "/stories", story(maya, std::string(3001, 'a'))).status, 422);
    auto long_title = story(maya, "x");
    long_title[1].second = std::string(101, 't');
    EXPECT_EQ(worker.post(base + "/stories", long_title).status, 422);
    EXPECT_EQ(worker
                  .post_raw(base + "/stories", "application/x-www-form-urlencoded",
                            "csrf_token=" + worker.csrf() + "&title=%FF")
                  .status,
              400);
    EXPECT_EQ(server.audit_count("story-write"), 0);
    EXPECT_EQ(worker.get("/stories/999999").status, 404);
    EXPECT_EQ(worker.get(base + "/stories/new?from=999999").status, 404);
}

TEST(WordsAndPictures, OnlyPeopleWhoMayOpenTheCaseSeeOrWriteIt) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto maya = add_child(worker, child_fields("Maya", "Carter"));
    auto base = "/cases/" + std::to_string(open_case(worker, maya));
    worker.get(base + "/stories/new");
    auto saved = worker.post(base + "/stories", story(maya, "Mum was poorly."));
    ASSERT_EQ(saved.status, 303);
    auto path = saved.header("location").substr(0, saved.header("location").find('?'));
    for (auto role : {Role::Practitioner, Role::TeamManager, Role::ConferenceChair}) {
        auto outsider = server.signed_in_as(role, "Hillside Team");
        outsider.get("/");
        EXPECT_EQ(outsider.get(path).status, 403);
        EXPECT_EQ(outsider.get(base + "/stories/new").status, 403);
        EXPECT_EQ(outsider.post(base + "/stories", story(maya, "x")).status, 403);
        EXPECT_EQ(outsider.post(path + "/given", {{"given_to", "x"}}).status, 403);
    }
    for (auto role : {Role::TrainingAdministrator, Role::SystemAdministrator}) {
        auto someone = server.signed_in_as(role, "Riverside Team");
        someone.get("/");
        EXPECT_EQ(someone.get(path).status, 403);
    }
    EXPECT_EQ(server.audit_count("story-write"), 1);
    EXPECT_EQ(server.audit_count("family-document-given"), 0);
}

}  // namespace
}  // namespace signs::testing
