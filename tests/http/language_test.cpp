// The plain-language checker through the real server: suggestions after a save, the JSON
// endpoint the page calls while someone writes, and the council's own terms.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

nlohmann::json check(Browser& someone, const std::string& text) {
    auto answer =
        someone.send_json("POST", "/api/v1/language/check", nlohmann::json{{"text", text}}.dump());
    EXPECT_EQ(answer.status, 200) << answer.body;
    return nlohmann::json::parse(answer.body);
}

/// The advice for the report's finding `i`, a term: findings point at the report's terms.
nlohmann::json term_of(const nlohmann::json& report, std::size_t i) {
    return report["terms"][report["findings"][i]["term"].get<std::size_t>()];
}

std::vector<std::string> terms_in(const nlohmann::json& report) {
    std::vector<std::string> out;
    for (const auto& f : report["findings"])
        if (f["kind"] == "term") out.push_back(f["words"]);
    return out;
}

/// A mapping of a child in need case; returns its path.
std::string a_mapping(Browser& worker) {
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, child, "child-in-need");
    auto base = "/cases/" + std::to_string(case_id);
    worker.get(base + "/mappings/new");
    auto made = worker.post(base + "/mappings", {{"date-day", "20"},
                                                 {"date-month", "11"},
                                                 {"date-year", "2026"},
                                                 {"purpose", "first-assessment"},
                                                 {"children", std::to_string(child)}});
    EXPECT_EQ(made.status, 303) << made.body.substr(0, 2000);
    return "/mappings/" + std::to_string(id_from(made, "/mappings/"));
}

TEST(PlainLanguage, ASaveWithJargonIsKeptAndTheNextPageSuggestsPlainerWords) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto mapping = a_mapping(worker);
    auto page = worker.get(mapping).body;
    // Every box for writing is marked for the live check and named as prose.
    EXPECT_TRUE(has(page, "data-signs-plain"));
    EXPECT_TRUE(has(page, R"(<input type="hidden" name="prose" value="text">)"));
    std::string danger =
        "Social workers are worried about non-engagement with the core group and that "
        "contact at the placement was missed; LAC reviews 👪 名前.";
    auto saved = worker.post(mapping + "/entries", {{"category", "danger-statement"},
                                                    {"text", danger},
                                                    {"said_by", "agency"},
                                                    {"prose", "text"}});
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
    auto location = saved.header("location");
    EXPECT_TRUE(has(location, "done=saved")) << location;
    EXPECT_TRUE(has(location, "plain=non-engagement")) << location;
    EXPECT_TRUE(has(location, "plain=core%20group") || has(location, "plain=core+group"))
        << location;
    EXPECT_TRUE(has(location, "plain=LAC")) << location;
    auto after = worker.get(location).body;
    EXPECT_TRUE(has(after, "Words a family might find hard")) << location;
    EXPECT_TRUE(has(after, "<strong>non-engagement</strong>"));
    EXPECT_TRUE(has(after, "family time"));
    // Saved exactly as written, other scripts and emoji included.
    EXPECT_TRUE(has(after, "LAC reviews 👪 名前."));

    // Plain writing gets no note; nor does a page reached without a save.
    auto plain = worker.post(mapping + "/entries", {{"category", "strength"},
                                                    {"text", "Dana reads to Maya every night"},
                                                    {"said_by", "agency"},
                                                    {"prose", "text"}});
    EXPECT_EQ(plain.header("location"), mapping + "?done=saved");
    EXPECT_FALSE(has(worker.get(mapping).body, "Words a family might find hard"));

    // A refused save shows its errors, not suggestions, and keeps nothing.
    auto refused = worker.post(
        mapping + "/entries",
        {{"category", "danger-statement"}, {"text", ""}, {"said_by", "agency"}, {"prose", "text"}});
    EXPECT_EQ(refused.status, 422);
    EXPECT_FALSE(has(refused.body, "Words a family might find hard"));
}

TEST(PlainLanguage, AnAddressCanOnlyShowWordsFromTheList) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto page = worker
                    .get(
                        "/?plain=contact&plain=%3Cscript%3Ealert(1)%3C%2Fscript%3E"
                        "&plain=You%20are%20a%20bad%20parent")
                    .body;
    EXPECT_TRUE(has(page, "<strong>contact</strong>"));
    EXPECT_FALSE(has(page, "<script>alert"));
    EXPECT_FALSE(has(page, "&lt;script&gt;"));
    EXPECT_FALSE(has(page, "bad parent"));
    // Not to visitors who are not signed in.
    auto visitor = server.browser();
    EXPECT_FALSE(has(visitor.get("/public?plain=contact").body, "family time"));
}

TEST(PlainLanguage, TheCheckEndpointAnswersEveryRoleAndRefusesBadBodies) {
    TestServer server;
    for (auto role : {Role::Practitioner, Role::TeamManager, Role::ConferenceChair,
                      Role::TrainingAdministrator, Role::SystemAdministrator}) {
        auto someone = server.signed_in_as(role, "Hillside Team");
        someone.get("/");
        auto report = check(someone, "We will review contact arrangements.\nThe LAC team met.");
        EXPECT_EQ(terms_in(report), (std::vector<std::string>{"contact", "LAC"}));
        EXPECT_EQ(report["findings"][1]["line"], 2);
        EXPECT_EQ(report["findings"][1]["column"], 5);
        EXPECT_GT(report["readability"]["words"].get<int>(), 5);
    }
    auto worker = server.signed_in_as(Role::Practitioner);
    worker.get("/");
    // Other scripts and emoji are read, not mangled; nothing in them is jargon.
    auto other = check(worker, "Мама и папа 👪 دعم العائلة");
    EXPECT_TRUE(other["findings"].empty());
    EXPECT_TRUE(check(worker, "")["findings"].empty());
    // Script and SQL are just text.
    EXPECT_EQ(terms_in(check(worker, "<script>contact</script>'; DROP TABLE users; --")),
              std::vector<std::string>{"contact"});

    auto send = [&](const std::string& body) {
        return worker.send_json("POST", "/api/v1/language/check", body);
    };
    EXPECT_EQ(send("{}").status, 422);
    EXPECT_TRUE(has(send("{}").body, "text"));
    EXPECT_EQ(send(R"({"text": 42})").status, 422);
    EXPECT_EQ(send(R"({"text": ["a"]})").status, 422);
    EXPECT_EQ(send("not json").status, 422);
    EXPECT_EQ(send("{\"text\": \"\xff\xfe\"}").status, 400);
    EXPECT_EQ(send(R"({"text": ")" + std::string(2 * 1024 * 1024, 'a') + "\"}").status, 413);
    EXPECT_EQ(worker
                  .post_raw("/api/v1/language/check", "text/plain", "contact",
                            {{"X-CSRF-Token", worker.csrf()}})
                  .status,
              415);
    // The session's CSRF token is needed; a visitor is refused.
    EXPECT_EQ(
        worker.post_raw("/api/v1/language/check", "application/json", R"({"text":"x"})").status,
        403);
    auto visitor = server.browser();
    EXPECT_EQ(
        visitor.post_raw("/api/v1/language/check", "application/json", R"({"text":"x"})").status,
        401);
}

TEST(PlainLanguage, AdministratorsAddTheCouncilsOwnTermsAndTheyCountAtOnce) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    worker.get("/");
    EXPECT_TRUE(terms_in(check(worker, "The CEFIT met on Monday.")).empty());
    auto page = admin.get("/admin/plain-words");
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(has(page.body, "The council has not added any terms of its own yet"));
    EXPECT_TRUE(has(page.body, "non-engagement"));  // the list every council starts with

    auto added =
        admin.post("/admin/plain-words", {{"phrase", "CEFIT"},
                                          {"suggestion", "the workers <helping> your family"},
                                          {"reason", "Initials nobody outside the office knows"},
                                          {"exact_case", "yes"}});
    ASSERT_EQ(added.status, 303) << added.body.substr(0, 2000);
    EXPECT_EQ(server.audit_count("local-term-add"), 1);
    page = admin.get("/admin/plain-words");
    EXPECT_TRUE(has(page.body, "the workers &lt;helping&gt; your family"));
    EXPECT_TRUE(has(page.body, "Capitals only"));
    auto report = check(worker, "The CEFIT met. A cefit is not it.");
    ASSERT_EQ(terms_in(report), std::vector<std::string>{"CEFIT"});
    EXPECT_EQ(term_of(report, 0)["suggestion"], "the workers <helping> your family");

    // A council's own suggestion replaces the list's for the same words.
    ASSERT_EQ(admin
                  .post("/admin/plain-words", {{"phrase", "Contact"},
                                               {"suggestion", "time with your family"},
                                               {"reason", "Our families asked for this"}})
                  .status,
              303);
    auto contact = check(worker, "contact on Friday");
    ASSERT_EQ(contact["findings"].size(), 1u);
    EXPECT_EQ(term_of(contact, 0)["suggestion"], "time with your family");

    // Problems are named and nothing is kept.
    auto again = admin.post("/admin/plain-words",
                            {{"phrase", "cefit"}, {"suggestion", "x"}, {"reason", "y"}});
    EXPECT_EQ(again.status, 422);
    EXPECT_TRUE(has(again.body, "already has its own term"));
    EXPECT_EQ(
        admin.post("/admin/plain-words", {{"phrase", ""}, {"suggestion", "x"}, {"reason", "y"}})
            .status,
        422);
    EXPECT_EQ(
        admin.post("/admin/plain-words", {{"phrase", "--"}, {"suggestion", "x"}, {"reason", "y"}})
            .status,
        422);
    EXPECT_EQ(admin
                  .post("/admin/plain-words",
                        {{"phrase", std::string(201, 'a')}, {"suggestion", "x"}, {"reason", "y"}})
                  .status,
              422);
    EXPECT_EQ(
        admin.post("/admin/plain-words", {{"phrase", "ok"}, {"suggestion", ""}, {"reason", "y"}})
            .status,
        422);
    EXPECT_EQ(admin
                  .post_raw("/admin/plain-words", "application/x-www-form-urlencoded",
                            "csrf_token=" + admin.csrf() + "&phrase=%FF&suggestion=x&reason=y")
                  .status,
              400);
    EXPECT_EQ(server.audit_count("local-term-add"), 2);

    // Only system administrators see or change them, whatever their team.
    for (auto role : {Role::Practitioner, Role::TeamManager, Role::ConferenceChair,
                      Role::TrainingAdministrator}) {
        auto someone = server.signed_in_as(role, "Hillside Team");
        someone.get("/");
        EXPECT_EQ(someone.get("/admin/plain-words").status, 403);
        EXPECT_EQ(someone
                      .post("/admin/plain-words",
                            {{"phrase", "mine"}, {"suggestion", "x"}, {"reason", "y"}})
                      .status,
                  403);
        EXPECT_EQ(someone.post("/admin/plain-words/1/remove", {}).status, 403);
    }
    EXPECT_EQ(server.audit_count("local-term-add"), 2);

    auto ids = page.body;
    auto at = ids.find("/admin/plain-words/");
    ASSERT_NE(at, std::string::npos);
    auto id = ids.substr(at + 19, ids.find('/', at + 19) - at - 19);
    EXPECT_EQ(admin.post("/admin/plain-words/" + id + "/remove", {}).status, 303);
    EXPECT_EQ(admin.post("/admin/plain-words/" + id + "/remove", {}).status, 404);
    EXPECT_EQ(admin.post("/admin/plain-words/..%2Fetc/remove", {}).status, 404);
    EXPECT_EQ(server.audit_count("local-term-remove"), 1);
    EXPECT_TRUE(terms_in(check(worker, "The CEFIT met.")).empty());
}

}  // namespace
}  // namespace signs::testing
