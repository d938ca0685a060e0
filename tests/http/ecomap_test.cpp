// The family network picture on a child's page: drawn from the network and professional
// records, with the tables as its text alternative.
#include <gtest/gtest.h>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

Fields person(const std::string& first, const std::string& relationship, bool lives, bool safety) {
    return {{"person", "new"},
            {"first_name", first},
            {"last_name", "Carter"},
            {"relationship", relationship},
            {"parental_responsibility", "no"},
            {"lives_with_child", lives ? "yes" : "no"},
            {"safety_network", safety ? "yes" : "no"}};
}

TEST(FamilyNetworkPicture, IsDrawnFromTheRecordsWithTheTablesAsItsText) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto maya = add_child(worker, child_fields("Maya", "Carter"));
    open_case(worker, maya);
    auto path = "/children/" + std::to_string(maya);
    // Nobody recorded yet: no picture, just the sentence.
    auto page = worker.get(path).body;
    EXPECT_FALSE(has(page, "signs-ecomap"));
    EXPECT_TRUE(has(page, "No family or network members recorded yet"));

    worker.get(path + "/network/new");
    ASSERT_EQ(worker.post(path + "/network", person("Dana", "mother", true, true)).status, 303);
    ASSERT_EQ(worker.post(path + "/network", person("Pat <b>", "grandparent", false, true)).status,
              303);
    ASSERT_EQ(worker.post(path + "/network", person("Łukasz 👍", "father", false, false)).status,
              303);
    ASSERT_EQ(worker
                  .post(path + "/professionals",
                        {{"name", "Dr Lee"}, {"role", "GP"}, {"agency", "Riverside Surgery"}})
                  .status,
              303);
    page = worker.get(path).body;
    ASSERT_TRUE(has(page, "<svg")) << page.substr(0, 2000);
    EXPECT_TRUE(has(page, R"(role="img" aria-labelledby="ecomap-title")"));
    EXPECT_TRUE(has(page,
                    "Family network picture: Maya and 4 people around them, 2 in the "
                    "safety network and 1 professional. The tables below list everyone."));
    EXPECT_TRUE(has(page, ">Dana Carter</text>"));
    EXPECT_TRUE(has(page, ">Pat &lt;b&gt; Carter</text>"));
    EXPECT_FALSE(has(page, "Pat <b>"));
    EXPECT_TRUE(has(page, ">Łukasz 👍 Carter</text>"));
    EXPECT_TRUE(has(page, ">Dr Lee</text>"));
    // Lives with Maya: a solid line; the others dashed; the GP in a grey box.
    std::size_t dashed = 0;
    for (std::size_t at = 0; (at = page.find("stroke-dasharray=\"8 6\"", at)) != std::string::npos;
         ++at)
        ++dashed;
    EXPECT_EQ(dashed, 3u);
    EXPECT_TRUE(has(page, "fill=\"#f3f2f1\" stroke=\"#505a5f\""));
    // The same people are in the tables, which screen readers and printouts rely on.
    EXPECT_TRUE(has(page, "<td class=\"govuk-table__cell\">Dana Carter</td>"));
    EXPECT_TRUE(has(page, "<td class=\"govuk-table__cell\">Dr Lee</td>"));
}

TEST(FamilyNetworkPicture, AFamilyTooBigToDrawSaysHowManyMoreTheListHolds) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto maya = add_child(worker, child_fields("Maya", "Carter"));
    open_case(worker, maya);
    auto path = "/children/" + std::to_string(maya);
    worker.get(path + "/network/new");
    for (int i = 0; i < 18; ++i) {
        ASSERT_EQ(worker
                      .post(path + "/network",
                            person("Cousin" + std::to_string(i), "aunt-uncle", false, false))
                      .status,
                  303);
    }
    auto page = worker.get(path).body;
    EXPECT_TRUE(has(page, "and 2 more in the list below"));
    EXPECT_TRUE(has(page, "Cousin17 Carter</td>"));
}

}  // namespace
}  // namespace signs::testing
