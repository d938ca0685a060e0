// The due and overdue lists through the real server: a worker's, a team's and the whole
// service's, with filters, paging, and exports to CSV and XLSX.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

/// The text of one file inside an .xlsx (a zip), read with Python's zipfile.
std::string xlsx_part(const std::string& bytes, const std::string& part) {
    auto path = std::filesystem::temp_directory_path() / "signs-due-test.xlsx";
    std::ofstream(path, std::ios::binary) << bytes;
    std::string command =
        "python3 -c \"import sys, zipfile; sys.stdout.write(zipfile.ZipFile("
        "sys.argv[1]).read(sys.argv[2]).decode())\" " +
        path.string() + " " + part;
    std::string out;
    if (auto* pipe = popen(command.c_str(), "r")) {
        char buffer[4096];
        while (auto n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
        pclose(pipe);
    }
    std::filesystem::remove(path);
    return out;
}

TEST(DueLists, EachPersonSeesTheirOwnTheirTeamsAndManagersTheService) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto other = server.signed_in_as(Role::Practitioner, "Hillside Team");
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    case_with_strategy_discussion(worker, "Carter family");
    case_with_strategy_discussion(other, "Hughes family", "Leo");

    auto mine = worker.get("/due");
    ASSERT_EQ(mine.status, 200);
    EXPECT_TRUE(has(mine.body, "Carter family"));
    EXPECT_TRUE(has(mine.body, "Initial child protection conference"));
    EXPECT_TRUE(has(mine.body, "17 December 2026"));
    EXPECT_FALSE(has(mine.body, "Hughes family"));
    EXPECT_FALSE(has(worker.get("/due?scope=team").body, "Hughes family"));
    EXPECT_EQ(worker.get("/due?scope=service").status, 403);

    auto team = manager.get("/due?scope=team");
    EXPECT_TRUE(has(team.body, "Carter family"));
    EXPECT_FALSE(has(team.body, "Hughes family"));
    auto service = manager.get("/due?scope=service");
    EXPECT_TRUE(has(service.body, "Carter family"));
    // A chair holds no cases: their list starts with the whole service's.
    auto chair = server.signed_in_as(Role::ConferenceChair, "Review Unit");
    auto chairs = chair.get("/due").body;
    EXPECT_TRUE(has(chairs, "Carter family"));
    EXPECT_TRUE(has(chairs, "Hughes family"));
    EXPECT_FALSE(has(chair.get("/due?scope=mine").body, "Carter family"));
    EXPECT_TRUE(has(service.body, "Hughes family"));
    // Each case's conference, and the visit each child is due at their level.
    EXPECT_TRUE(has(service.body, "4 deadlines"));
    EXPECT_TRUE(has(service.body, "Visit to the child"));
    // The list is kept ready-drawn, but never out of date.
    EXPECT_TRUE(has(manager.get("/due?scope=service").body, "4 deadlines"));
    case_with_strategy_discussion(other, "Ibbotson family", "Ada");
    EXPECT_TRUE(has(manager.get("/due?scope=service").body, "6 deadlines"));

    // Filters: nothing is overdue yet, and only the chosen kind of deadline.
    EXPECT_TRUE(has(manager.get("/due?scope=service&within=overdue").body, "Nothing is due"));
    EXPECT_TRUE(
        has(manager.get("/due?scope=service&rule=assessment&within=all").body, "Nothing is due"));
    EXPECT_TRUE(has(manager.get("/due?scope=service&rule=initial-conference&within=5").body,
                    "Nothing is due"));  // 17 December is more than 5 working days away
    EXPECT_TRUE(has(manager.get("/due?scope=service&rule=initial-conference&within=20").body,
                    "Carter family"));
    // Made-up values are ignored rather than trusted.
    auto odd = manager.get("/due?scope=everyone&within=%27%20OR%201%3D1&rule=..%2Fetc&page=-3");
    EXPECT_EQ(odd.status, 200);
    EXPECT_TRUE(has(odd.body, "Nothing is due"));  // back to the manager's own cases

    for (auto role : {Role::SystemAdministrator, Role::TrainingAdministrator}) {
        auto someone = server.signed_in_as(role, "Riverside Team");
        EXPECT_EQ(someone.get("/due").status, 403);
        EXPECT_EQ(someone.get("/due.csv?scope=service").status, 403);
    }
    EXPECT_NE(server.browser().get("/due").status, 200);
}

TEST(DueLists, ExportsAreSpreadsheetsThatRunNothing) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    case_with_strategy_discussion(worker, "=HYPERLINK(\"http://x\",\"Carter\")");
    auto csv = worker.get("/due.csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_TRUE(has(csv.header("content-type"), "text/csv"));
    EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF\"Case\",\"Family\""));
    EXPECT_TRUE(has(csv.body, "\"'=HYPERLINK(\"\"http://x\"\",\"\"Carter\"\")\""));
    EXPECT_TRUE(has(csv.body, "\"Initial child protection conference\",\"2026-12-17\""));

    auto xlsx = worker.get("/due.xlsx");
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_TRUE(xlsx.body.starts_with("PK"));
    auto strings = xlsx_part(xlsx.body, "xl/sharedStrings.xml");
    EXPECT_TRUE(has(strings, "Initial child protection conference"));
    EXPECT_TRUE(has(strings, "=HYPERLINK(\"http://x\""));                        // kept as text
    EXPECT_FALSE(has(xlsx_part(xlsx.body, "xl/worksheets/sheet1.xml"), "<f>"));  // no formula
    EXPECT_EQ(server.audit_count("export"), 2);
}

}  // namespace
}  // namespace signs::testing
