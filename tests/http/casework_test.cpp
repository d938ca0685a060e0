// Children and cases through the real server: recording, finding, opening a case, changing
// levels, allocation, need-to-know access and break-glass.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

TEST(Casework, APractitionerRecordsAChildAndOpensACase) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    ASSERT_GT(child, 0);
    auto page = worker.get("/children/" + std::to_string(child));
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Maya Carter"), std::string::npos);
    EXPECT_NE(page.body.find("2 March 2019"), std::string::npos);
    EXPECT_NE(page.body.find("not part of a case yet"), std::string::npos);

    auto case_id = open_case(worker, child);
    ASSERT_GT(case_id, 0);
    auto case_page = worker.get("/cases/" + std::to_string(case_id) + "?done=opened");
    EXPECT_EQ(case_page.status, 200);
    EXPECT_NE(case_page.body.find("Case opened"), std::string::npos);
    EXPECT_NE(case_page.body.find("Signs of Wellbeing"), std::string::npos);
    auto child_page = worker.get("/children/" + std::to_string(child)).body;
    EXPECT_NE(child_page.find("moj-timeline"), std::string::npos);
    EXPECT_NE(child_page.find("Case opened at Early help"), std::string::npos);
    // The child's page twice in a minute is one view; the case is another.
    EXPECT_EQ(server.audit_count("view"), 2);
    server.clock().advance(std::chrono::seconds{61});
    worker.get("/children/" + std::to_string(child));
    EXPECT_EQ(server.audit_count("view"), 3);
    EXPECT_EQ(server.audit_count("case-open"), 1);
}

TEST(Casework, ABadChildFormShowsEveryProblemAndSavesNothing) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    worker.get("/children/new");
    auto fields = child_fields(std::string(10000, 'n'), "<script>alert(1)</script>", "2019-04-31");
    fields.emplace_back("nhs_number", "123 456 7890");
    auto response = worker.post("/children", fields);
    EXPECT_EQ(response.status, 422);
    EXPECT_NE(response.body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(response.body.find("First name must be 100 characters or fewer"), std::string::npos);
    EXPECT_NE(response.body.find("real date"), std::string::npos);
    EXPECT_NE(response.body.find("NHS number"), std::string::npos);
    EXPECT_EQ(response.body.find("<script>alert(1)"), std::string::npos);
    auto future = worker.post("/children", child_fields("Maya", "Carter", "2030-01-01"));
    EXPECT_EQ(future.status, 422);
    EXPECT_EQ(server.audit_count("child-add"), 0);
}

TEST(Casework, ALookalikeChildIsQueriedBeforeItIsAdded) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto first = add_child(worker, child_fields("Jonathan", "Smith"));
    worker.get("/children/new");
    auto again = worker.post("/children", child_fields("Johnathan", "Smtih"));
    EXPECT_EQ(again.status, 409);
    EXPECT_NE(again.body.find("may already have a record"), std::string::npos);
    EXPECT_NE(again.body.find("/children/" + std::to_string(first)), std::string::npos);
    auto fields = child_fields("Johnathan", "Smtih");
    fields.emplace_back("confirmed", "yes");
    EXPECT_EQ(worker.post("/children", fields).status, 303);
}

TEST(Casework, SearchForgivesSlipsAndShowsOnlyWhatTheUserMayOpen) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto child = add_child(worker, child_fields("Jonathan", "Smith"));
    open_case(worker, child);
    for (const char* query : {"smith", "SMITH", "Smtih", "Jonathon", "jon+smi", "2019-03-02"}) {
        auto found = worker.get(std::string{"/children?q="} + query);
        EXPECT_EQ(found.status, 200) << query;
        EXPECT_NE(found.body.find("/children/" + std::to_string(child)), std::string::npos)
            << query;
    }
    EXPECT_EQ(worker.get("/children?q=Brown").body.find("/children/" + std::to_string(child)),
              std::string::npos);
    EXPECT_EQ(worker.get("/children?q=").status, 422);
    EXPECT_EQ(worker.get("/children?q=" + std::string(500, 'x')).status, 422);
    auto stranger = server.signed_in_as(Role::Practitioner, "Northgate Team");
    auto hidden = stranger.get("/children?q=Smith");
    EXPECT_EQ(hidden.status, 200);
    EXPECT_EQ(hidden.body.find("/children/" + std::to_string(child)), std::string::npos);
}

TEST(Casework, LevelsStepUpWithTheirRules) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, child);
    auto path =
        "/cases/" + std::to_string(case_id) + "/children/" + std::to_string(child) + "/level";
    EXPECT_EQ(worker.get(path).status, 200);
    auto backwards = worker.post(
        path, level_fields("child-in-need", "2026-10-01", "Assessment found more worries"));
    EXPECT_EQ(backwards.status, 422);
    auto no_category = worker.post(
        path, level_fields("child-protection", "2026-11-20", "Conference decided a plan"));
    EXPECT_EQ(no_category.status, 422);
    auto impossible = worker.post(
        path, level_fields("child-in-need", "2026-02-30", "Assessment found more worries"));
    EXPECT_EQ(impossible.status, 422);
    auto up = worker.post(
        path, level_fields("child-in-need", "2026-11-20", "Assessment found more worries"));
    EXPECT_EQ(up.status, 303);
    auto page = worker.get("/cases/" + std::to_string(case_id)).body;
    EXPECT_NE(page.find("Child in need"), std::string::npos);
    EXPECT_NE(page.find("Signs of Safety"), std::string::npos);
    EXPECT_NE(worker.get("/children/" + std::to_string(child))
                  .body.find("Stepped up from Early help to Child in need"),
              std::string::npos);
}

TEST(Casework, AnotherTeamNeedsToBreakTheGlassAndTheManagerSeesIt) {
    TestServer server;
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, child);
    auto path = "/cases/" + std::to_string(case_id);

    auto stranger = server.signed_in_as(Role::Practitioner, "Northgate Team");
    auto refused = stranger.get(path);
    EXPECT_EQ(refused.status, 403);
    EXPECT_NE(refused.body.find("not part of your work"), std::string::npos);
    EXPECT_EQ(stranger.get("/children/" + std::to_string(child)).status, 403);
    EXPECT_EQ(stranger.post(path + "/break-glass", {{"reason", "why"}}).status, 422);
    EXPECT_EQ(stranger
                  .post(path + "/break-glass",
                        {{"reason", "Police called out of hours about the children"}})
                  .status,
              303);
    auto opened = stranger.get(path);
    EXPECT_EQ(opened.status, 200);
    EXPECT_NE(opened.body.find("outside your own work"), std::string::npos);
    EXPECT_EQ(server.audit_count("break-glass"), 1);
    EXPECT_EQ(server.audit_count("view-break-glass"), 1);
    EXPECT_NE(manager.get(path).body.find("Police called out of hours"), std::string::npos);
    server.clock().advance(std::chrono::minutes{61});
    EXPECT_EQ(stranger.get(path).status, 403) << "the grant lasts an hour";

    auto admin = server.signed_in_as(Role::SystemAdministrator);
    EXPECT_EQ(admin.get(path).status, 403);
    EXPECT_EQ(
        admin.post(path + "/break-glass", {{"reason", "I would like to read it please"}}).status,
        403);
}

TEST(Casework, ManagersAllocateWithinTheirTeamAndStaleFormsAreRefused) {
    TestServer server;
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto colleague = server.add_user("colleague@example.org", Role::Practitioner, "Riverside Team");
    auto outsider = server.add_user("outsider@example.org", Role::Practitioner, "Northgate Team");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, child);
    auto path = "/cases/" + std::to_string(case_id);
    auto page = manager.get(path);
    EXPECT_NE(page.body.find("Allocated worker"), std::string::npos);
    EXPECT_EQ(
        manager.post(path + "/allocate", {{"worker", std::to_string(outsider)}, {"version", "1"}})
            .status,
        422);
    EXPECT_EQ(
        manager.post(path + "/allocate", {{"worker", std::to_string(colleague)}, {"version", "1"}})
            .status,
        303);
    EXPECT_EQ(manager.post(path + "/allocate", {{"worker", ""}, {"version", "1"}}).status, 409);
    EXPECT_EQ(worker.post(path + "/allocate", {{"worker", ""}, {"version", "2"}}).status, 403);
    auto team = manager.get("/cases?view=team").body;
    EXPECT_NE(team.find("Person colleague"), std::string::npos);
    EXPECT_EQ(manager.post(path + "/allocate", {{"worker", ""}, {"version", "2"}}).status, 303);
    auto queue = manager.get("/cases?view=team&unallocated=yes").body;
    EXPECT_NE(queue.find("Carter family"), std::string::npos);
    EXPECT_NE(worker.get("/cases").body.find("No cases match"), std::string::npos);
    EXPECT_NE(worker.get("/children/" + std::to_string(child)).body.find("Case allocated to"),
              std::string::npos);
}

TEST(Casework, TheApiFindsAndAddsChildren) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    worker.get("/account/api-tokens");
    auto made = worker.post("/account/api-tokens", {{"name", "migration"}});
    std::smatch m;
    ASSERT_TRUE(
        std::regex_search(made.body, m, std::regex("class=\"signs-token\">([0-9a-f]{64})<")));
    std::string token = m[1];
    auto call = [&](const std::string& method, const std::string& target,
                    const std::string& body = "") {
        std::vector<std::pair<std::string, std::string>> headers{
            {"Authorization", "Bearer " + token}};
        if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
        return send_raw(server.port(), build_request(method, target, headers, body));
    };
    std::string body =
        R"({"first_name":"Maya","last_name":"Carter","date_of_birth":"2019-03-02","sex":"F","disabilities":["COMM"]})";
    auto created = call("POST", "/api/v1/children", body);
    ASSERT_EQ(created.status, 201) << created.body;
    auto id = nlohmann::json::parse(created.body)["id"].get<std::int64_t>();
    EXPECT_EQ(call("POST", "/api/v1/children", body).status, 409);
    EXPECT_EQ(
        call("POST", "/api/v1/children",
             R"({"first_name":"Maya","last_name":"Carter","date_of_birth":"2019-02-30","sex":"F"})")
            .status,
        422);
    EXPECT_EQ(call("POST", "/api/v1/children", R"({"first_name":7})").status, 422);
    auto one = call("GET", "/api/v1/children/" + std::to_string(id));
    EXPECT_EQ(one.status, 200);
    EXPECT_EQ(nlohmann::json::parse(one.body)["disabilities"][0], "COMM");
    auto search = call("GET", "/api/v1/children?q=Cartre");
    EXPECT_EQ(nlohmann::json::parse(search.body)["children"].size(), 1u);
    EXPECT_EQ(call("GET", "/api/v1/children/999999").status, 404);
}

}  // namespace
}  // namespace signs::testing

namespace signs::testing {
namespace {

TEST(Casework, PeopleAddToTheChronologyAndManagersSeeWhoOpenedTheRecord) {
    TestServer server;
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    open_case(worker, child);
    auto path = "/children/" + std::to_string(child);
    worker.get(path);
    auto added = worker.post(path + "/chronology",
                             {{"kind", "visit"},
                              {"date-day", "25"},
                              {"date-month", "11"},
                              {"date-year", "2026"},
                              {"summary", "Saw Maya at home; she showed me her <drawing>"}});
    EXPECT_EQ(added.status, 303);
    auto page = worker.get(path).body;
    EXPECT_NE(page.find("Home visit"), std::string::npos);
    EXPECT_NE(page.find("she showed me her &lt;drawing&gt;"), std::string::npos);
    auto bad = worker.post(path + "/chronology", {{"kind", "party"},
                                                  {"date-day", "30"},
                                                  {"date-month", "2"},
                                                  {"date-year", "2026"},
                                                  {"summary", ""}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("Select what kind of event this was"), std::string::npos);
    EXPECT_NE(bad.body.find("Say what happened"), std::string::npos);
    EXPECT_EQ(page.find("Who has opened this record"), std::string::npos)
        << "only managers see who looked";

    auto outsider = server.signed_in_as(Role::Practitioner, "Northgate Team");
    EXPECT_EQ(outsider
                  .post(path + "/chronology", {{"kind", "visit"},
                                               {"date-day", "25"},
                                               {"date-month", "11"},
                                               {"date-year", "2026"},
                                               {"summary", "not mine"}})
                  .status,
              403);
    auto panel = manager.get(path).body;
    EXPECT_NE(panel.find("Who has opened this record"), std::string::npos);
    EXPECT_NE(panel.find("Person practitioner"), std::string::npos);

    // The manager's page is kept, but a colleague's view since shows at once.
    auto views = [](const std::string& body) {
        std::size_t n = 0;
        for (auto at = body.find("Person practitioner"); at != std::string::npos;
             at = body.find("Person practitioner", at + 1))
            ++n;
        return n;
    };
    EXPECT_EQ(views(manager.get(path).body), views(panel));
    auto colleague = server.signed_in_as(Role::Practitioner, "Riverside Team");
    ASSERT_EQ(colleague.get(path).status, 200);
    EXPECT_EQ(views(manager.get(path).body), views(panel) + 1);
}

}  // namespace
}  // namespace signs::testing

namespace signs::testing {
namespace {

TEST(Casework, AParentIsRecordedOnceAndLinkedToBrothersAndSisters) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto maya = add_child(worker, child_fields("Maya", "Carter"));
    auto leo = add_child(worker, child_fields("Leo", "Carter", "2021-06-10"));
    worker.get("/cases/new?child=" + std::to_string(maya));
    auto fields =
        level_fields("early-help", "2026-11-02", "Nursery and health visitor are worried");
    fields.emplace_back("children", std::to_string(maya));
    fields.emplace_back("children", std::to_string(leo));
    fields.emplace_back("family_name", "Carter family");
    ASSERT_EQ(worker.post("/cases", fields).status, 303);

    auto maya_path = "/children/" + std::to_string(maya);
    auto leo_path = "/children/" + std::to_string(leo);
    EXPECT_EQ(worker.get(maya_path + "/network/new").status, 200);
    // Leo's form is kept once drawn; his sister's new link must still reach it.
    const std::regex offered("name=\"person\" type=\"radio\" value=\"([0-9]+)\"");
    auto before = worker.get(leo_path + "/network/new");
    ASSERT_EQ(before.status, 200);
    EXPECT_FALSE(std::regex_search(before.body, offered)) << "nobody to offer yet";
    Fields mother{{"person", "new"},
                  {"first_name", "Dana"},
                  {"last_name", "Carter"},
                  {"relationship", "mother"},
                  {"parental_responsibility", "yes"},
                  {"lives_with_child", "yes"},
                  {"safety_network", "yes"},
                  {"phone", "01632 960 001"}};
    EXPECT_EQ(worker.post(maya_path + "/network", mother).status, 303);
    auto page = worker.get(maya_path).body;
    EXPECT_NE(page.find("Dana Carter"), std::string::npos);
    EXPECT_NE(page.find("01632 960 001"), std::string::npos);

    auto offer = worker.get(leo_path + "/network/new").body;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(offer, m, offered)) << "Leo's form offers his sister's mother";
    Fields same{{"person", m[1]},
                {"relationship", "mother"},
                {"parental_responsibility", "yes"},
                {"lives_with_child", "no"},
                {"safety_network", "yes"}};
    EXPECT_EQ(worker.post(leo_path + "/network", same).status, 303);
    EXPECT_NE(worker.get(leo_path).body.find("Dana Carter"), std::string::npos);
    EXPECT_EQ(
        worker.get(leo_path + "/network/new").body.find("value=\"" + std::string{m[1]} + "\""),
        std::string::npos)
        << "not offered twice";

    auto bad = worker.post(leo_path + "/network", {{"person", "new"},
                                                   {"first_name", ""},
                                                   {"relationship", "landlord"},
                                                   {"phone", "call me maybe"},
                                                   {"email", "<script>"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("Enter their first name"), std::string::npos);
    EXPECT_NE(bad.body.find("Select how they are related to the child"), std::string::npos);
    EXPECT_EQ(bad.body.find("<script>\""), std::string::npos);
    EXPECT_EQ(worker
                  .post(leo_path + "/network", {{"person", "999999"},
                                                {"relationship", "mother"},
                                                {"parental_responsibility", "yes"},
                                                {"lives_with_child", "no"},
                                                {"safety_network", "no"}})
                  .status,
              422);

    EXPECT_EQ(worker
                  .post(maya_path + "/professionals",
                        {{"name", "Dr Lee"}, {"role", "GP"}, {"agency", "Riverside Surgery"}})
                  .status,
              303);
    EXPECT_NE(worker.get(maya_path).body.find("Riverside Surgery"), std::string::npos);
    EXPECT_EQ(worker.post(maya_path + "/professionals", {{"name", ""}}).status, 422);

    auto outsider = server.signed_in_as(Role::Practitioner, "Northgate Team");
    EXPECT_EQ(outsider.get(maya_path + "/network/new").status, 403);
    EXPECT_EQ(outsider.post(maya_path + "/network", mother).status, 403);
    EXPECT_EQ(
        outsider.post(maya_path + "/professionals", {{"name", "X"}, {"role", "Y"}, {"agency", "Z"}})
            .status,
        403);
}

}  // namespace
}  // namespace signs::testing

namespace signs::testing {
namespace {

TEST(Casework, ARestrictedChildOpensOnlyToTheNamedPeople) {
    TestServer server;
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, child);
    auto child_path = "/children/" + std::to_string(child);
    auto case_path = "/cases/" + std::to_string(case_id);

    auto admin = server.signed_in_as(Role::SystemAdministrator);
    admin.get("/admin/restrictions");
    EXPECT_EQ(
        admin.post("/admin/restrictions", {{"child", "abc"}, {"emails", "x"}, {"reason", "staff"}})
            .status,
        422);
    auto unknown = admin.post("/admin/restrictions", {{"child", std::to_string(child)},
                                                      {"emails", "nobody@example.org"},
                                                      {"reason", "staff family"}});
    EXPECT_EQ(unknown.status, 422);
    EXPECT_NE(unknown.body.find("There is no user with the email address nobody@example.org"),
              std::string::npos);
    EXPECT_EQ(admin
                  .post("/admin/restrictions", {{"child", std::to_string(child)},
                                                {"emails", "team-manager1@example.org"},
                                                {"reason", "A member of staff's own family"}})
                  .status,
              303);
    auto list = admin.get("/admin/restrictions").body;
    EXPECT_NE(list.find("Maya Carter"), std::string::npos);
    EXPECT_EQ(admin.get(child_path).status, 403)
        << "restricting does not let the admin read the record";

    EXPECT_EQ(worker.get(child_path).status, 403);
    EXPECT_EQ(worker.get(case_path).status, 403);
    EXPECT_EQ(
        worker.post(case_path + "/break-glass", {{"reason", "I really do need to see this now"}})
            .status,
        403);
    EXPECT_EQ(worker.get("/children?q=Carter").body.find(child_path), std::string::npos);
    EXPECT_EQ(manager.get(child_path).status, 200);
    EXPECT_EQ(manager.get(case_path).status, 200);
    EXPECT_EQ(
        worker
            .post("/admin/restrictions",
                  {{"child", std::to_string(child)}, {"emails", "x@example.org"}, {"reason", "r"}})
            .status,
        403);

    auto lift_page = admin.get("/admin/restrictions");
    EXPECT_EQ(admin.post("/admin/restrictions/" + std::to_string(child) + "/lift", {}).status, 303);
    EXPECT_EQ(worker.get(child_path).status, 200);
    EXPECT_EQ(server.audit_count("child-restrict"), 1);
    EXPECT_EQ(server.audit_count("child-unrestrict"), 1);
}

}  // namespace
}  // namespace signs::testing

namespace signs::testing {
namespace {

TEST(Casework, AFormPostedAfterTheSessionEndedIsKeptThroughSigningInAgain) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    worker.get("/children/new");
    server.clock().advance(std::chrono::hours{3});  // lunch, a home visit, a long phone call
    auto fields = child_fields("Maya", "Carter");
    fields.emplace_back("what_matters", "My rabbit, and \"going to Nan's\" <on Sundays>");
    auto expired = worker.post("/children", fields);
    EXPECT_EQ(expired.status, 401);
    EXPECT_NE(expired.body.find("It has been kept"), std::string::npos);
    std::smatch m;
    ASSERT_TRUE(
        std::regex_search(expired.body, m, std::regex("name=\"resume\" value=\"([0-9a-f]{64})\"")));
    std::string resume = m[1];
    EXPECT_EQ(server.audit_count("child-add"), 0);

    auto signed_in = worker.post(
        "/sign-in",
        {{"email", "practitioner1@example.org"}, {"password", kPassword}, {"resume", resume}});
    EXPECT_EQ(signed_in.status, 200);
    EXPECT_NE(signed_in.body.find("Save what you were working on"), std::string::npos);
    EXPECT_NE(signed_in.body.find("going to Nan&apos;s&quot; &lt;on Sundays&gt;"),
              std::string::npos);
    EXPECT_EQ(server.audit_count("child-add"), 0) << "nothing is saved until the person says so";

    std::vector<std::pair<std::string, std::string>> hidden;
    auto body = signed_in.body;
    std::regex input("<input type=\"hidden\" name=\"([a-z_-]+)\" value=\"([^\"]*)\">");
    for (std::sregex_iterator it(body.begin(), body.end(), input), end; it != end; ++it) {
        std::string value = (*it)[2];
        for (auto [from, to] : {std::pair{"&lt;", "<"},
                                {"&gt;", ">"},
                                {"&quot;", "\""},
                                {"&apos;", "'"},
                                {"&amp;", "&"}}) {
            for (auto pos = value.find(from); pos != std::string::npos; pos = value.find(from))
                value.replace(pos, std::string{from}.size(), to);
        }
        hidden.emplace_back((*it)[1], value);
    }
    auto saved = worker.post("/children", hidden);
    EXPECT_EQ(saved.status, 303);
    EXPECT_EQ(server.audit_count("child-add"), 1);
    auto child = worker.get(saved.header("location")).body;
    EXPECT_NE(child.find("going to Nan&apos;s&quot; &lt;on Sundays&gt;"), std::string::npos);

    Browser again{server.port()};
    again.get("/sign-in");
    auto reused = again.post(
        "/sign-in",
        {{"email", "practitioner1@example.org"}, {"password", kPassword}, {"resume", resume}});
    EXPECT_EQ(reused.status, 303) << "a kept form is given back once only";
}

}  // namespace
}  // namespace signs::testing

namespace signs::testing {
namespace {

TEST(Casework, AnswersAreCheckedBeforeAChildIsAdded) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    worker.get("/children/new");
    auto fields = child_fields("Maya", "Carter");
    fields.emplace_back("disabilities", "COMM");
    fields.emplace_back("step", "check");
    auto check = worker.post("/children", fields);
    EXPECT_EQ(check.status, 200);
    EXPECT_NE(check.body.find("Check the child&apos;s details"), std::string::npos);
    EXPECT_NE(check.body.find("2 March 2019"), std::string::npos);
    EXPECT_NE(check.body.find("Communication"), std::string::npos);
    EXPECT_EQ(server.audit_count("child-add"), 0) << "nothing saved until confirmed";
    fields.back() = {"step", "edit"};
    auto change = worker.post("/children", fields);
    EXPECT_EQ(change.status, 200);
    EXPECT_NE(change.body.find("value=\"Maya\""), std::string::npos);
    fields.back() = {"step", "save"};
    EXPECT_EQ(worker.post("/children", fields).status, 303);
    EXPECT_EQ(server.audit_count("child-add"), 1);
}

}  // namespace
}  // namespace signs::testing
