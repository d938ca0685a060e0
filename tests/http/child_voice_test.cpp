// The child's voice through the real server: Three Houses with a drawing, the Safety House
// with the child's place on the path, the words carried into a mapping as said by the child,
// and everything a bad upload or a stranger could try.
#include <gtest/gtest.h>

#include <regex>

#include "support/casework_steps.hpp"
#include "support/plan_steps.hpp"
#include "support/sample_files.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

struct Family {
    std::int64_t case_id = 0;
    std::int64_t child = 0;
    std::string base;
};

Family a_family(Browser& worker) {
    Family f;
    f.child = add_child(worker, child_fields("Maya", "Carter"));
    f.case_id = open_case(worker, f.child, "child-in-need");
    f.base = "/cases/" + std::to_string(f.case_id);
    return f;
}

Fields houses(const Family& f, const std::string& worries, const std::string& day = "26") {
    return {{"tool", "three-houses"},
            {"child", std::to_string(f.child)},
            {"on-day", day},
            {"on-month", "11"},
            {"on-year", "2026"},
            {"helped_by", "Sam Social Worker"},
            {"worries", worries},
            {"good-things", "Playing football with Gran 👵 and my dog"},
            {"dreams", "Mum and me at the seaside. 海 ليلى"},
            {"share_family", "yes"},
            {"share_network", "yes"}};
}

FilePart drawing(const std::string& name, const std::string& type, const std::string& bytes) {
    return {"drawing", name, type, bytes};
}

TEST(ChildVoice, ThreeHousesAreKeptWithTheDrawingAndShownAsHouses) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto f = a_family(worker);
    auto page = worker.get(f.base).body;
    EXPECT_TRUE(has(page, f.base + "/child-voice/new?tool=three-houses"));
    EXPECT_TRUE(has(page, "Nothing recorded yet from the children themselves"));
    auto form = worker.get(f.base + "/child-voice/new?tool=three-houses");
    ASSERT_EQ(form.status, 200);
    EXPECT_TRUE(has(form.body, "House of worries"));
    // The child's words are theirs: no plainer-word suggestions on these boxes.
    EXPECT_FALSE(has(form.body, "data-signs-plain"));
    EXPECT_EQ(worker.get(f.base + "/child-voice/new?tool=crystal-ball").status, 404);

    auto saved = worker.post_multipart(
        f.base + "/child-voice",
        houses(f, "When Dad shouts <script>alert(1)</script> & bangs the door"),
        {drawing("my houses.png", "image/png", samples::png())});
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
    auto record = saved.header("location").substr(0, saved.header("location").find('?'));
    EXPECT_EQ(server.audit_count("child-voice-add"), 1);
    auto shown = worker.get(record);
    ASSERT_EQ(shown.status, 200);
    EXPECT_TRUE(has(shown.body, "Three Houses: Maya&apos;s words"));
    EXPECT_TRUE(has(shown.body, "<svg"));
    EXPECT_TRUE(has(shown.body, "House of good things"));
    EXPECT_TRUE(
        has(shown.body, "When Dad shouts &lt;script&gt;alert(1)&lt;/script&gt; &amp; bangs"));
    EXPECT_FALSE(has(shown.body, "<script>alert"));
    EXPECT_TRUE(has(shown.body, "Playing football with Gran 👵 and my dog"));
    EXPECT_TRUE(has(shown.body, "海 ليلى"));
    EXPECT_TRUE(has(shown.body, "Sam Social Worker"));
    EXPECT_TRUE(has(shown.body,
                    R"(<img class="signs-child-voice__drawing" src=")" + record + R"(/drawing")"));
    auto picture = worker.get(record + "/drawing");
    ASSERT_EQ(picture.status, 200);
    EXPECT_EQ(picture.header("content-type"), "image/png");
    EXPECT_EQ(picture.body, samples::png());
    EXPECT_TRUE(has(picture.header("content-disposition"), "attachment"));
    EXPECT_TRUE(has(worker.get(f.base).body, "Three Houses: Maya"));

    // A scan as a PDF is kept too, offered as a download rather than shown.
    auto scanned = worker.post_multipart(f.base + "/child-voice", houses(f, "Nothing today"),
                                         {drawing("scan.pdf", "application/pdf", samples::pdf())});
    ASSERT_EQ(scanned.status, 303);
    auto scan_page = worker.get(scanned.header("location")).body;
    EXPECT_TRUE(has(scan_page, "Download the scan"));
    EXPECT_FALSE(has(scan_page, "signs-child-voice__drawing\" src"));
}

TEST(ChildVoice, BadInputIsNamedAndNothingIsKept) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto f = a_family(worker);
    auto other = add_child(worker, child_fields("Leo", "Jones"));
    worker.get(f.base + "/child-voice/new?tool=three-houses");
    auto post = [&](Fields fields, std::vector<FilePart> files = {}) {
        return worker.post_multipart(f.base + "/child-voice", std::move(fields), files);
    };
    auto nothing = houses(f, "");
    nothing[7].second = "";
    nothing[8].second = "";
    auto empty = post(nothing);
    EXPECT_EQ(empty.status, 422);
    EXPECT_TRUE(has(empty.body, "at least one thing the child said"));
    EXPECT_EQ(post(houses(f, "x", "27")).status, 422);  // tomorrow
    EXPECT_EQ(post(houses(f, "x", "31")).status, 422);  // no 31 November
    auto stranger = houses(f, "x");
    stranger[1].second = std::to_string(other);  // not a child of this case
    EXPECT_EQ(post(stranger).status, 422);
    auto too_long = post(houses(f, std::string(3501, 'a')));
    EXPECT_EQ(too_long.status, 422);
    auto no_helper = houses(f, "x");
    no_helper[5].second = "";
    EXPECT_TRUE(has(post(no_helper).body, "Enter who helped the child"));
    auto placed = houses(f, "x");
    placed.emplace_back("place", "5");  // Three Houses has no path
    EXPECT_EQ(post(placed).status, 422);
    auto unknown = houses(f, "x");
    unknown[0].second = "crystal-ball";
    EXPECT_EQ(post(unknown).status, 422);

    // Drawings that are not pictures, or are too big.
    auto lying = post(houses(f, "x"), {drawing("drawing.png", "image/png", "<html>hi</html>")});
    EXPECT_EQ(lying.status, 422);
    EXPECT_TRUE(has(lying.body, "The drawing must be a photo or scan"));
    EXPECT_EQ(post(houses(f, "x"), {drawing("evil.svg", "image/svg+xml",
                                            "<svg xmlns=\"http://www.w3.org/2000/svg\">"
                                            "<script>alert(1)</script></svg>")})
                  .status,
              422);
    auto word = post(houses(f, "x"),
                     {drawing("drawing.docx", "application/octet-stream", samples::docx())});
    EXPECT_EQ(word.status, 422);
    EXPECT_TRUE(has(word.body, "photo or scan"));
    auto huge = samples::png() + std::string(22 * 1024 * 1024, '\0');
    auto big = post(houses(f, "x"), {drawing("huge.png", "image/png", huge)});
    EXPECT_EQ(big.status, 413);
    auto just_over =
        samples::png() + std::string(20 * 1024 * 1024 + 1 - samples::png().size(), 'a');
    EXPECT_EQ(post(houses(f, "x"), {drawing("big.png", "image/png", just_over)}).status, 422);
    EXPECT_EQ(server.audit_count("child-voice-add"), 0);
    EXPECT_TRUE(has(worker.get(f.base).body, "Nothing recorded yet from the children themselves"));
}

TEST(ChildVoice, TheSafetyHouseMarksTheChildsPlaceOnThePath) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto f = a_family(worker);
    worker.get(f.base + "/child-voice/new?tool=safety-house");
    Fields house{{"tool", "safety-house"},
                 {"child", std::to_string(f.child)},
                 {"on-day", "25"},
                 {"on-month", "11"},
                 {"on-year", "2026"},
                 {"helped_by", "Sam"},
                 {"inside", "Mum, Gran, my dog Biscuit"},
                 {"path", "Dad, if he is not drinking"},
                 {"outside", "Uncle Ray"},
                 {"rules", "Nobody drinks at home. Gran stays when Mum goes out."},
                 {"share_family", "yes"},
                 {"share_network", "no"},
                 {"place", "11"}};
    EXPECT_EQ(worker.post_multipart(f.base + "/child-voice", house, {}).status, 422);
    house.back().second = "seven";
    EXPECT_EQ(worker.post_multipart(f.base + "/child-voice", house, {}).status, 422);
    house.back().second = "7";
    auto saved = worker.post_multipart(f.base + "/child-voice", house, {});
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
    auto page = worker.get(saved.header("location")).body;
    EXPECT_TRUE(has(page, "Safety House: Maya&apos;s words"));
    EXPECT_TRUE(has(page, "Maya put themself at 7 out of 10"));
    EXPECT_TRUE(has(page, ">Me: 7</text>"));
    EXPECT_TRUE(has(page, "Nobody drinks at home."));
}

// The plan page shows each child's latest Safety House beside the goals, as Our plan does.
TEST(ChildVoice, TheSafetyHouseStandsBesideThePlan) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto p = a_plan(worker);
    auto base = "/cases/" + std::to_string(p.case_id);
    EXPECT_FALSE(has(worker.get(p.path).body, "What the children said keeps them safe"));
    std::smatch m;
    auto case_page = worker.get(base).body;
    ASSERT_TRUE(std::regex_search(case_page, m, std::regex("/children/([0-9]+)")));
    auto house = [&](const std::string& day, const std::string& rules) {
        return Fields{{"tool", "safety-house"}, {"child", m[1]},          {"on-day", day},
                      {"on-month", "11"},       {"on-year", "2026"},      {"helped_by", "Sam"},
                      {"inside", "Mum, Gran"},  {"outside", "Uncle Ray"}, {"rules", rules},
                      {"place", "7"},           {"share_family", "yes"},  {"share_network", "yes"}};
    };
    worker.get(base + "/child-voice/new?tool=safety-house");
    ASSERT_EQ(
        worker
            .post_multipart(base + "/child-voice",
                            house("24", "<script>alert(1)</script> Nobody drinks at home"), {})
            .status,
        303);
    auto page = worker.get(p.path).body;
    EXPECT_TRUE(has(page, "What the children said keeps them safe"));
    EXPECT_TRUE(has(page, "&lt;script&gt;alert(1)&lt;/script&gt; Nobody drinks at home"));
    EXPECT_FALSE(has(page, "<script>alert(1)"));
    EXPECT_TRUE(has(page, "7 out of 10"));
    EXPECT_TRUE(has(page, "Uncle Ray"));
    // A newer house is the one the plan keeps to.
    ASSERT_EQ(
        worker
            .post_multipart(base + "/child-voice", house("25", "Gran stays when Mum goes out"), {})
            .status,
        303);
    page = worker.get(p.path).body;
    EXPECT_TRUE(has(page, "Gran stays when Mum goes out"));
    EXPECT_FALSE(has(page, "Nobody drinks at home"));
}

TEST(ChildVoice, TheChildsWordsBecomeMappingEntriesSaidByTheChild) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto f = a_family(worker);
    worker.get(f.base + "/child-voice/new?tool=three-houses");
    auto saved =
        worker.post_multipart(f.base + "/child-voice", houses(f, "When Dad shouts at night"), {});
    ASSERT_EQ(saved.status, 303);
    auto record = saved.header("location").substr(0, saved.header("location").find('?'));
    // No mapping yet, so nothing to add the words to.
    EXPECT_FALSE(has(worker.get(record).body, "Add to a mapping"));
    auto made = worker.post(f.base + "/mappings", {{"date-day", "26"},
                                                   {"date-month", "11"},
                                                   {"date-year", "2026"},
                                                   {"purpose", "first-assessment"},
                                                   {"children", std::to_string(f.child)}});
    ASSERT_EQ(made.status, 303);
    auto mapping_id = std::to_string(id_from(made, "/mappings/"));
    auto page = worker.get(record).body;
    EXPECT_TRUE(has(page, "Add to a mapping"));
    auto added = worker.post(record + "/to-mapping", {{"mapping", mapping_id}});
    ASSERT_EQ(added.status, 303) << added.body.substr(0, 2000);
    auto mapping = worker.get("/mappings/" + mapping_id).body;
    EXPECT_TRUE(has(mapping, "House of worries: When Dad shouts at night"));
    EXPECT_TRUE(has(mapping, "House of good things: Playing football with Gran 👵 and my dog"));
    EXPECT_TRUE(has(mapping, "House of dreams: Mum and me at the seaside."));
    // The child is a participant once, however many times their words are added.
    auto count = [](const std::string& body, const std::string& text) {
        std::size_t n = 0;
        for (std::size_t at = 0; (at = body.find(text, at)) != std::string::npos; ++at) ++n;
        return n;
    };
    auto speakers = count(mapping, "The child or young person");
    auto worries = count(mapping, "House of worries: When Dad shouts at night");
    ASSERT_EQ(worker.post(record + "/to-mapping", {{"mapping", mapping_id}}).status, 303);
    mapping = worker.get("/mappings/" + mapping_id).body;
    EXPECT_EQ(count(mapping, "The child or young person"), speakers);
    EXPECT_EQ(count(mapping, "House of worries: When Dad shouts at night"), 2 * worries);
    // Only a draft mapping of this case about this child will do.
    auto wrong = worker.post(record + "/to-mapping", {{"mapping", "999999"}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_TRUE(has(wrong.body, "Select a mapping of this case about Maya"));
    EXPECT_TRUE(has(wrong.body, "govuk-error-summary"));
    EXPECT_EQ(worker.post(record + "/to-mapping", {{"mapping", "abc"}}).status, 422);
    EXPECT_EQ(worker.post(record + "/to-mapping", {}).status, 422);
}

TEST(ChildVoice, OnlyPeopleWhoMayOpenTheCaseSeeOrAddTheChildsWords) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto f = a_family(worker);
    worker.get(f.base + "/child-voice/new?tool=three-houses");
    auto saved = worker.post_multipart(f.base + "/child-voice", houses(f, "Shouting"),
                                       {drawing("a.png", "image/png", samples::png())});
    ASSERT_EQ(saved.status, 303);
    auto record = saved.header("location").substr(0, saved.header("location").find('?'));
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    EXPECT_EQ(manager.get(record).status, 200);
    for (auto role : {Role::Practitioner, Role::TeamManager, Role::ConferenceChair}) {
        auto outsider = server.signed_in_as(role, "Hillside Team");
        outsider.get("/");
        EXPECT_EQ(outsider.get(record).status, 403);
        EXPECT_EQ(outsider.get(record + "/drawing").status, 403);
        EXPECT_EQ(outsider.get(f.base + "/child-voice/new?tool=three-houses").status, 403);
        EXPECT_EQ(outsider.post_multipart(f.base + "/child-voice", houses(f, "x"), {}).status, 403);
        EXPECT_EQ(outsider.post(record + "/to-mapping", {{"mapping", "1"}}).status, 403);
    }
    for (auto role : {Role::TrainingAdministrator, Role::SystemAdministrator}) {
        auto someone = server.signed_in_as(role, "Riverside Team");
        someone.get("/");
        EXPECT_EQ(someone.get(record).status, 403);
        EXPECT_EQ(someone.get(record + "/drawing").status, 403);
    }
    EXPECT_EQ(server.browser().get(record + "/drawing").status, 303);
    EXPECT_EQ(worker.get("/child-voice/999999").status, 404);
    EXPECT_EQ(worker.get("/child-voice/..%2F..%2Fetc%2Fpasswd/drawing").status, 404);
    EXPECT_EQ(server.audit_count("child-voice-add"), 1);
}

// What the child agreed to share is asked every time, shown on the record, and kept to: the
// family's copy of the plan leaves out words the child kept from the family, and words go
// into a mapping (read with the family and the network) only when both were agreed.
TEST(ChildVoice, TheChildSaysWhoMayReadTheirWordsAndItIsKeptTo) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto p = a_plan(worker);
    auto base = "/cases/" + std::to_string(p.case_id);
    std::smatch m;
    auto case_page = worker.get(base).body;
    ASSERT_TRUE(std::regex_search(case_page, m, std::regex("/children/([0-9]+)")));
    auto house = [&](const std::string& family, const std::string& network) {
        Fields fields{{"tool", "safety-house"},
                      {"child", m[1]},
                      {"on-day", "24"},
                      {"on-month", "11"},
                      {"on-year", "2026"},
                      {"helped_by", "Sam"},
                      {"inside", "Mum, Gran"},
                      {"outside", "Uncle Ray"},
                      {"rules", "Only Gran knows where the spare key is"}};
        if (!family.empty()) fields.emplace_back("share_family", family);
        if (!network.empty()) fields.emplace_back("share_network", network);
        return fields;
    };
    auto form = worker.get(base + "/child-voice/new?tool=safety-house").body;
    EXPECT_TRUE(has(form, "Did the child agree for their family to read these words?"));
    EXPECT_TRUE(has(form, "Did the child agree for their safety network to read these words?"));
    // Unanswered, or answered with anything but yes or no: refused, naming each question.
    for (auto [family, network] : std::vector<std::pair<std::string, std::string>>{
             {"", ""}, {"yes", ""}, {"", "no"}, {"maybe", "yes"}, {"yes", "<script>"}}) {
        auto refused = worker.post_multipart(base + "/child-voice", house(family, network), {});
        EXPECT_EQ(refused.status, 422) << family << "/" << network;
        EXPECT_TRUE(has(refused.body, "Say whether the child agreed for their words to be shared"));
    }
    EXPECT_EQ(server.audit_count("child-voice-add"), 0);

    // Kept from the family: on the plan page for the professionals, marked so, but not in
    // the family's copy of the plan.
    auto saved = worker.post_multipart(base + "/child-voice", house("no", "yes"), {});
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
    auto record = saved.header("location").substr(0, saved.header("location").find('?'));
    EXPECT_TRUE(has(worker.get(record).body,
                    "agreed for their network to read these words, but not their family"));
    auto plan = worker.get(p.path).body;
    EXPECT_TRUE(has(plan, "Only Gran knows where the spare key is"));
    EXPECT_TRUE(has(plan, "Not for the family"));
    agree_mapping(worker, p.case_id);
    auto ours = worker.get(base + "/our-plan");
    ASSERT_EQ(ours.status, 200);
    EXPECT_FALSE(has(ours.body, "Only Gran knows where the spare key is"));

    // Not into a mapping either: the family reads it there too.
    auto mapping = worker.post(base + "/mappings", {{"date-day", "26"},
                                                    {"date-month", "11"},
                                                    {"date-year", "2026"},
                                                    {"purpose", "review"},
                                                    {"children", std::string{m[1]}}});
    ASSERT_EQ(mapping.status, 303) << mapping.body.substr(0, 2000);
    auto mapping_id = first_after(mapping.header("location"), "/mappings/");
    EXPECT_FALSE(has(worker.get(record).body, "Add to a mapping"));
    auto refused = worker.post(record + "/to-mapping", {{"mapping", mapping_id}});
    EXPECT_EQ(refused.status, 409);
    EXPECT_TRUE(has(refused.body, "did not agree for these words to be shared"));

    // A newer house the child agreed to share is in the family's copy.
    ASSERT_EQ(worker.post_multipart(base + "/child-voice", house("yes", "yes"), {}).status, 303);
    EXPECT_TRUE(has(worker.get(base + "/our-plan").body, "Only Gran knows where the spare key is"));
    EXPECT_FALSE(has(worker.get(p.path).body, "Not for the family"));
}

}  // namespace
}  // namespace signs::testing
