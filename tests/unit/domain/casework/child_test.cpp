#include "domain/casework/child.hpp"

#include <gtest/gtest.h>

#include "service/data_files.hpp"

namespace signs::domain {
namespace {

const core::CivilDate today = *core::CivilDate::parse_iso("2024-06-14");

/// The census lists as the server reads them.
const CensusCodes& codes() {
    static const auto loaded = service::load_census_codes(SIGNS_RESOURCES_DIR);
    return loaded;
}

core::Result<ChildDetails> check_child(const ChildForm& form, core::CivilDate on) {
    return domain::check_child(form, on, codes());
}

ChildForm born_child() {
    ChildForm form;
    form.first_name = " Samantha ";
    form.last_name = "Carter";
    form.preferred_name = "Sam";
    form.dob_day = "2";
    form.dob_month = "3";
    form.dob_year = "2019";
    form.sex = "F";
    form.ethnicity = "MWBC";
    form.disabilities = {"HEAR", "COMM"};
    form.first_language = "English";
    form.interpreter = "no";
    form.nhs_number = "999 876 5439";
    form.upn = "q999000024001";
    form.school = "Riverside Primary";
    form.what_matters = "My dog Biscuit.\nSeeing Nan on Sundays.";
    return form;
}

ChildForm unborn_child() {
    ChildForm form;
    form.first_name = "Baby";
    form.last_name = "Carter";
    form.unborn = "yes";
    form.due_day = "20";
    form.due_month = "9";
    form.due_year = "2024";
    return form;
}

std::string fields_of(const core::Error& error) {
    std::string out;
    for (const auto& f : error.fields) out += (out.empty() ? "" : ",") + f.field;
    return out;
}

/// The message for one field after changing the good form, or "" when it passes.
template <class Change>
std::string problem(Change change, const std::string& field, ChildForm form = born_child()) {
    change(form);
    auto result = check_child(form, today);
    if (result) return "";
    return result.error().message_for(field);
}

TEST(ChildCodes, MatchTheCensusLists) {
    EXPECT_EQ(codes().sex.size(), 3u);
    EXPECT_EQ(codes().ethnicity.size(), 20u);
    EXPECT_EQ(codes().disability.size(), 13u);
    EXPECT_EQ(codes().upn_unknown.size(), 7u);
    EXPECT_EQ(codes().referral_source.size(), 22u);
    EXPECT_EQ(codes().primary_need.size(), 10u);
    EXPECT_EQ(codes().closure_reason.size(), 9u);
    EXPECT_EQ(codes().abuse_category.size(), 5u);
    EXPECT_EQ(codes().sex.label("U"), "Not known");
    EXPECT_EQ(codes().ethnicity.label("WIRT"), "Traveller of Irish heritage");
    EXPECT_EQ(codes().ethnicity.label("NOBT"), "Information not yet obtained");
    EXPECT_TRUE(codes().disability.contains("DDA"));
    EXPECT_FALSE(codes().disability.contains("dda"));
    EXPECT_FALSE(codes().sex.contains(""));
    EXPECT_EQ(codes().sex.label("X"), "X");  // shown, not hidden
    EXPECT_TRUE(codes().assessment_factor.contains("21"));
    EXPECT_TRUE(codes().referral_source.contains("10"));
}

TEST(ChildCodes, NoTwoLabelsInAListAreTheSame) {
    for (const auto& file : census_code_files()) {
        auto entries = (codes().*file.member).entries();
        for (std::size_t i = 0; i < entries.size(); ++i) {
            for (std::size_t j = i + 1; j < entries.size(); ++j)
                EXPECT_NE(entries[i].label, entries[j].label) << file.file;
        }
    }
}

TEST(Child, CleansAGoodForm) {
    auto child = check_child(born_child(), today);
    ASSERT_TRUE(child) << fields_of(child.error());
    EXPECT_EQ(child->first_name, "Samantha");
    EXPECT_EQ(child->last_name, "Carter");
    EXPECT_EQ(child->preferred_name, "Sam");
    EXPECT_EQ(child->date_of_birth, core::CivilDate::parse_iso("2019-03-02"));
    EXPECT_FALSE(child->expected_date);
    EXPECT_FALSE(child->is_unborn());
    EXPECT_EQ(child->sex, "F");
    EXPECT_EQ(child->ethnicity, "MWBC");
    EXPECT_EQ(child->disabilities, (std::vector<std::string>{"COMM", "HEAR"}));  // list order
    EXPECT_EQ(child->first_language, "English");
    EXPECT_FALSE(child->interpreter_needed);
    EXPECT_EQ(child->nhs_number, "9998765439");
    EXPECT_EQ(child->upn, "Q999000024001");
    EXPECT_EQ(child->school, "Riverside Primary");
    EXPECT_EQ(child->what_matters, "My dog Biscuit.\nSeeing Nan on Sundays.");
}

TEST(Child, NamesForLettersAndForScreens) {
    auto child = *check_child(born_child(), today);
    EXPECT_EQ(child.full_name(), "Samantha Carter");
    EXPECT_EQ(child.display_name(), "Sam (Samantha) Carter");
    child.preferred_name = "";
    EXPECT_EQ(child.display_name(), "Samantha Carter");
    child.preferred_name = "samantha";
    EXPECT_EQ(child.display_name(), "Samantha Carter");
}

TEST(Child, OptionalFieldsMayBeLeftEmpty) {
    ChildForm form;
    form.first_name = "Kai";
    form.last_name = "Smith";
    form.dob_day = "14";
    form.dob_month = "6";
    form.dob_year = "2024";  // born today
    form.sex = "M";
    auto child = check_child(form, today);
    ASSERT_TRUE(child) << fields_of(child.error());
    EXPECT_EQ(child->ethnicity, "NOBT");
    EXPECT_TRUE(child->disabilities.empty());
    EXPECT_EQ(child->nhs_number, "");
    EXPECT_EQ(child->upn, "");
    EXPECT_FALSE(child->interpreter_needed);
}

TEST(Child, ReportsEveryBadFieldAtOnceInFormOrder) {
    ChildForm form;
    form.preferred_name = std::string(101, 'p');
    form.dob_day = "31";
    form.dob_month = "4";
    form.dob_year = "2020";
    form.sex = "2";
    form.ethnicity = "WHITE";
    form.disabilities = {"NONE", "VIS"};
    form.first_language = "Polish\x01";
    form.interpreter = "maybe";
    form.nhs_number = "999 876 5438";
    form.upn = "E999000024001";
    form.school = std::string(201, 's');
    form.what_matters = std::string(2001, 'w');
    auto result = check_child(form, today);
    ASSERT_FALSE(result);
    const auto& error = result.error();
    EXPECT_EQ(error.kind, core::ErrorKind::Invalid);
    EXPECT_EQ(fields_of(error),
              "first_name,last_name,preferred_name,dob-day,sex,ethnicity,disabilities,"
              "first_language,interpreter,nhs_number,upn,school,what_matters");
    EXPECT_EQ(error.message_for("first_name"), "Enter the child's first name");
    EXPECT_EQ(error.message_for("last_name"), "Enter the child's last name");
    EXPECT_EQ(error.message_for("preferred_name"),
              "Preferred name must be 100 characters or fewer");
    EXPECT_EQ(error.message_for("dob-day"), "Date of birth must be a real date");
    EXPECT_EQ(error.message_for("sex"), "Select the child's sex");
    EXPECT_EQ(error.message_for("ethnicity"), "Select the child's ethnicity from the list");
    EXPECT_EQ(error.message_for("disabilities"),
              "Select either 'No disability' or the child's disabilities");
    EXPECT_EQ(error.message_for("first_language"),
              "First language must not contain line breaks or hidden characters");
    EXPECT_EQ(error.message_for("interpreter"), "Select whether the child needs an interpreter");
    EXPECT_EQ(error.message_for("nhs_number"), "Enter a valid NHS number, like 999 876 5439");
    EXPECT_EQ(error.message_for("upn"), "Enter a valid unique pupil number, like Q999000024001");
    EXPECT_EQ(error.message_for("school"), "School or nursery must be 200 characters or fewer");
    EXPECT_EQ(error.message_for("what_matters"),
              "What matters to the child must be 2000 characters or fewer");
}

TEST(Child, TheExamplesInMessagesAreThemselvesValid) {
    auto form = born_child();
    form.nhs_number = "999 876 5439";
    form.upn = "Q999000024001";
    EXPECT_TRUE(check_child(form, today));
}

TEST(Child, NamesAreTextOfAnyKindButNotControlCharacters) {
    struct Case {
        std::string name;
        std::string message;  ///< empty when the name is accepted
    };
    const Case cases[] = {
        {"Zoë", ""},
        {"Siobhán Ní Bhriain", ""},
        {"O'Neil-Smith", ""},
        {"李小龍", ""},
        {"محمد", ""},
        {"<script>alert('x')</script>", ""},       // the views escape it
        {"Robert'); DROP TABLE children;--", ""},  // the store binds it
        {std::string(100, 'a'), ""},
        {std::string(50, 'a') + std::string(50, 'a') + "ë",
         "First name must be 100 characters or fewer"},
        {std::string(10000, 'a'), "First name must be 100 characters or fewer"},
        {"   ", "Enter the child's first name"},
        {"Sam\nCarter", "First name must not contain line breaks or hidden characters"},
        {"Sam\tCarter", "First name must not contain line breaks or hidden characters"},
        {std::string("Sam\0", 4) + "x",
         "First name must not contain line breaks or hidden characters"},
        {"Sam\x7f", "First name must not contain line breaks or hidden characters"},
        {"Sam\xc2\x85", "First name must not contain line breaks or hidden characters"},  // NEL
        {"Sam\xe2\x80\xa8", "First name must not contain line breaks or hidden characters"},
        {"\xe2\x80\xaeSam", "First name must not contain line breaks or hidden characters"},
        {"\xe2\x81\xa6Sam", "First name must not contain line breaks or hidden characters"},
        {"Sam\xff", "First name contains characters that cannot be read"},
    };
    for (const auto& c : cases) {
        auto message = problem([&](ChildForm& f) { f.first_name = c.name; }, "first_name");
        EXPECT_EQ(message, c.message)
            << "name of " << c.name.size() << " bytes: '" << c.name.substr(0, 40) << "'";
    }
    auto long_last =
        problem([](ChildForm& f) { f.last_name = std::string(10000, 'z'); }, "last_name");
    EXPECT_EQ(long_last, "Last name must be 100 characters or fewer");
}

TEST(Child, WhatMattersKeepsParagraphsButNotOtherControls) {
    EXPECT_EQ(
        problem([](ChildForm& f) { f.what_matters = "Line one\r\n\tLine two"; }, "what_matters"),
        "");
    EXPECT_EQ(problem([](ChildForm& f) { f.what_matters = "Bell\x07"; }, "what_matters"),
              "What matters to the child must not contain hidden control characters");
}

TEST(Child, DateOfBirthMustBeRealPastAndWithinTheAgeOfSupport) {
    struct Case {
        std::string day;
        std::string month;
        std::string year;
        std::string message;  ///< empty when accepted
    };
    const Case cases[] = {
        {"2", "3", "2019", ""},
        {" 02 ", "03", "2019", ""},
        {"29", "2", "2024", ""},  // a leap year
        {"14", "6", "2024", ""},  // today
        {"14", "6", "1998", ""},  // 26 years ago today
        {"", "", "", "Enter the child's date of birth"},
        {"", "3", "2019", "Date of birth must include a day"},
        {"2", "", "2019", "Date of birth must include a month"},
        {"2", "3", "", "Date of birth must include a year"},
        {"", "", "2019", "Date of birth must include a day and month"},
        {"2", "", "", "Date of birth must include a month and year"},
        {"", "3", "", "Date of birth must include a day and year"},
        {"2", "3", "19", "Year must include 4 numbers"},
        {"31", "4", "2019", "Date of birth must be a real date"},
        {"29", "2", "2023", "Date of birth must be a real date"},
        {"0", "3", "2019", "Date of birth must be a real date"},
        {"2", "13", "2019", "Date of birth must be a real date"},
        {"two", "3", "2019", "Date of birth must be a real date"},
        {"2", "March", "2019", "Date of birth must be a real date"},
        {"2", "3", "twenty", "Date of birth must be a real date"},
        {"-1", "3", "2019", "Date of birth must be a real date"},
        {"15", "6", "2024", "Date of birth must be today or in the past"},
        {"1", "1", "2099", "Date of birth must be today or in the past"},
        {"13", "6", "1998", "Date of birth must be on or after 14 June 1998"},
        {"1", "1", "1900", "Date of birth must be on or after 14 June 1998"},
    };
    for (const auto& c : cases) {
        auto message = problem(
            [&](ChildForm& f) {
                f.dob_day = c.day;
                f.dob_month = c.month;
                f.dob_year = c.year;
            },
            "dob-day");
        EXPECT_EQ(message, c.message) << c.day << "/" << c.month << "/" << c.year;
    }
}

TEST(Child, TheAgeLimitAllowsForLeapDays) {
    auto form = born_child();
    form.dob_day = "28";
    form.dob_month = "2";
    form.dob_year = "1998";
    EXPECT_TRUE(check_child(form, *core::CivilDate::parse_iso("2024-02-29")));
    form.dob_day = "27";
    EXPECT_FALSE(check_child(form, *core::CivilDate::parse_iso("2024-02-29")));
}

TEST(Child, AnUnbornChildNeedsAnExpectedDateNearToday) {
    struct Case {
        std::string day;
        std::string month;
        std::string year;
        std::string message;  ///< empty when accepted
    };
    const Case cases[] = {
        {"20", "9", "2024", ""},
        {"14", "6", "2024", ""},
        {"14", "5", "2024", ""},  // a month overdue
        {"14", "4", "2025", ""},  // ten months ahead
        {"13", "5", "2024", "Expected date of birth must be on or after 14 May 2024"},
        {"1", "1", "2024", "Expected date of birth must be on or after 14 May 2024"},
        {"15", "4", "2025", "Expected date of birth must be on or before 14 April 2025"},
        {"", "", "", "Enter the expected date of birth"},
        {"", "9", "2024", "Expected date of birth must include a day"},
        {"31", "9", "2024", "Expected date of birth must be a real date"},
    };
    for (const auto& c : cases) {
        auto message = problem(
            [&](ChildForm& f) {
                f.due_day = c.day;
                f.due_month = c.month;
                f.due_year = c.year;
            },
            "due-day", unborn_child());
        EXPECT_EQ(message, c.message) << c.day << "/" << c.month << "/" << c.year;
    }
}

TEST(Child, AnUnbornChildIgnoresTheBirthDateBoxes) {
    auto form = unborn_child();
    form.dob_day = "31";
    form.dob_month = "4";
    form.dob_year = "2019";
    auto child = check_child(form, today);
    ASSERT_TRUE(child) << fields_of(child.error());
    EXPECT_TRUE(child->is_unborn());
    EXPECT_FALSE(child->date_of_birth);
    EXPECT_EQ(child->expected_date, core::CivilDate::parse_iso("2024-09-20"));
    EXPECT_EQ(child->sex, "U");  // the census asks for "not known" until the birth
    EXPECT_EQ(child->display_name(), "Baby Carter");

    auto born = born_child();
    born.due_day = "nonsense";
    EXPECT_TRUE(check_child(born, today));
}

TEST(Child, AnUnbornChildIsAskedForABabysName) {
    auto form = unborn_child();
    form.first_name = "";
    auto result = check_child(form, today);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message_for("first_name"),
              "Enter the baby's first name, or 'Baby' if they have not been named");
}

TEST(Child, MonthArithmeticKeepsToTheEndOfShortMonths) {
    auto form = unborn_child();
    form.due_day = "28";
    form.due_month = "2";
    form.due_year = "2025";
    // Ten months after 30 April is 30 February, which does not exist: 28 February it is.
    auto end_of_april = *core::CivilDate::parse_iso("2024-04-30");
    EXPECT_TRUE(check_child(form, end_of_april));
    form.due_day = "1";
    form.due_month = "3";
    auto result = check_child(form, end_of_april);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message_for("due-day"),
              "Expected date of birth must be on or before 28 February 2025");
}

TEST(Child, UnbornMustBeYesOrNothing) {
    EXPECT_EQ(problem([](ChildForm& f) { f.unborn = "no"; }, "unborn"), "");
    EXPECT_EQ(problem([](ChildForm& f) { f.unborn = "true"; }, "unborn"),
              "Select whether the child has been born");
}

TEST(Child, CodesMustComeFromTheLists) {
    EXPECT_EQ(problem([](ChildForm& f) { f.sex = ""; }, "sex"), "Select the child's sex");
    EXPECT_EQ(problem([](ChildForm& f) { f.sex = "male"; }, "sex"), "Select the child's sex");
    EXPECT_EQ(problem([](ChildForm& f) { f.sex = "1"; }, "sex"), "Select the child's sex");
    for (const auto& entry : codes().sex.entries()) {
        EXPECT_EQ(problem([&](ChildForm& f) { f.sex = entry.code; }, "sex"), "") << entry.code;
    }
    for (const auto& entry : codes().ethnicity.entries()) {
        EXPECT_EQ(problem([&](ChildForm& f) { f.ethnicity = entry.code; }, "ethnicity"), "")
            << entry.code;
    }
    EXPECT_EQ(problem([](ChildForm& f) { f.ethnicity = "wbri"; }, "ethnicity"),
              "Select the child's ethnicity from the list");
}

TEST(Child, AnUnbornChildsSexIsNotKnownWhateverWasChosen) {
    auto form = unborn_child();
    form.sex = "F";
    auto child = check_child(form, today);
    ASSERT_TRUE(child) << fields_of(child.error());
    EXPECT_EQ(child->sex, "U");
}

TEST(Child, AFormerUpnIsCheckedLikeTheUpnAndDiffersFromIt) {
    auto child = check_child(
        [] {
            auto form = born_child();
            form.former_upn = " b801200005001 ";
            return form;
        }(),
        today);
    ASSERT_TRUE(child) << fields_of(child.error());
    EXPECT_EQ(child->former_upn, "B801200005001");
    EXPECT_EQ(problem([](ChildForm& f) { f.former_upn = "X00180001701A"; }, "former_upn"), "");
    EXPECT_EQ(problem([](ChildForm& f) { f.former_upn = "C801200005001"; }, "former_upn"),
              "Enter a valid former unique pupil number, like Q999000024001");
    EXPECT_EQ(problem([](ChildForm& f) { f.former_upn = "q999000024001"; }, "former_upn"),
              "The former unique pupil number must differ from the current one");
}

TEST(Child, AReasonForNoUpnIsACodeAndOnlyWithoutAUpn) {
    auto no_upn = [](std::string reason) {
        return [reason](ChildForm& f) {
            f.upn = "";
            f.upn_unknown = reason;
        };
    };
    EXPECT_EQ(problem(no_upn("UN1"), "upn_unknown"), "");
    EXPECT_EQ(problem(no_upn("UN7"), "upn_unknown"), "");
    EXPECT_EQ(problem(no_upn("UN8"), "upn_unknown"),
              "Select why the unique pupil number is not known from the list");
    EXPECT_EQ(problem(no_upn("<script>"), "upn_unknown"),
              "Select why the unique pupil number is not known from the list");
    EXPECT_EQ(problem([](ChildForm& f) { f.upn_unknown = "UN2"; }, "upn_unknown"),
              "Leave the reason empty when the unique pupil number is given");
    auto form = born_child();
    no_upn("UN6")(form);
    EXPECT_EQ(check_child(form, today)->upn_unknown, "UN6");
}

TEST(Child, ADateOfDeathFollowsTheBirthAndIsNotInTheFuture) {
    auto died = [](std::string d, std::string m, std::string y) {
        return [=](ChildForm& f) {
            f.died_day = d;
            f.died_month = m;
            f.died_year = y;
        };
    };
    EXPECT_EQ(problem(died("", "", ""), "died-day"), "");
    EXPECT_EQ(problem(died("2", "3", "2019"), "died-day"), "");  // the day of the birth
    EXPECT_EQ(problem(died("14", "6", "2024"), "died-day"), "");
    EXPECT_EQ(problem(died("1", "3", "2019"), "died-day"),
              "Date of death must be on or after the date of birth");
    EXPECT_EQ(problem(died("15", "6", "2024"), "died-day"),
              "Date of death must be today or in the past");
    EXPECT_EQ(problem(died("30", "2", "2024"), "died-day"), "Date of death must be a real date");
    EXPECT_EQ(problem(died("", "2", "2024"), "died-day"), "Date of death must include a day");
    auto form = born_child();
    died("29", "2", "2024")(form);  // a leap day
    EXPECT_EQ(check_child(form, today)->date_of_death, core::CivilDate::parse_iso("2024-02-29"));
    // An unborn child has no date of death to record; the boxes are not read.
    auto unborn = unborn_child();
    died("1", "1", "2024")(unborn);
    EXPECT_FALSE(check_child(unborn, today)->date_of_death);
}

TEST(Child, DisabilitiesAreKnownAndNoneStandsAlone) {
    struct Case {
        std::vector<std::string> chosen;
        std::vector<std::string> kept;
        std::string message;
    };
    const Case cases[] = {
        {{}, {}, ""},
        {{"NONE"}, {"NONE"}, ""},
        {{"AUT", "MOB", "AUT"}, {"MOB", "AUT"}, ""},
        {{"", " LD "}, {"LD"}, ""},
        {{"NONE", "LD"}, {}, "Select either 'No disability' or the child's disabilities"},
        {{"LD", "WINGS"}, {}, "Select the child's disabilities from the list"},
        {{"ld"}, {}, "Select the child's disabilities from the list"},
    };
    for (const auto& c : cases) {
        auto form = born_child();
        form.disabilities = c.chosen;
        auto result = check_child(form, today);
        if (c.message.empty()) {
            ASSERT_TRUE(result) << fields_of(result.error());
            EXPECT_EQ(result->disabilities, c.kept);
        } else {
            ASSERT_FALSE(result);
            EXPECT_EQ(result.error().message_for("disabilities"), c.message);
        }
    }
}

TEST(Child, InterpreterIsYesNoOrUnanswered) {
    auto form = born_child();
    form.interpreter = "yes";
    EXPECT_TRUE(check_child(form, today)->interpreter_needed);
    form.interpreter = "";
    EXPECT_FALSE(check_child(form, today)->interpreter_needed);
}

TEST(Child, IdentifiersAreNormalisedWhenGiven) {
    auto form = born_child();
    form.nhs_number = "999-000-0018";
    form.upn = " b99900002400a ";
    auto child = check_child(form, today);
    ASSERT_TRUE(child) << fields_of(child.error());
    EXPECT_EQ(child->nhs_number, "9990000018");
    EXPECT_EQ(child->upn, "B99900002400A");

    EXPECT_EQ(problem([](ChildForm& f) { f.nhs_number = "999 123 4560"; }, "nhs_number"),
              "Enter a valid NHS number, like 999 876 5439");
    EXPECT_EQ(problem([](ChildForm& f) { f.nhs_number = "12345"; }, "nhs_number"),
              "Enter a valid NHS number, like 999 876 5439");
    EXPECT_EQ(problem([](ChildForm& f) { f.upn = "Q99900002400"; }, "upn"),
              "Enter a valid unique pupil number, like Q999000024001");
}

TEST(Child, ChangedFieldsNameWhatDiffersInPageOrder) {
    auto before = *check_child(born_child(), today);
    auto after = before;
    EXPECT_TRUE(changed_fields(before, after).empty());
    after.school = "Brook Lane Primary";
    after.last_name = "Carter-Jones";
    after.interpreter_needed = !before.interpreter_needed;
    auto changed = changed_fields(before, after);
    ASSERT_EQ(changed.size(), 3u);
    EXPECT_EQ(changed[0], "Name");
    EXPECT_EQ(changed[1], "First language");
    EXPECT_EQ(changed[2], "School or nursery");
    auto born = before;
    born.date_of_birth.reset();
    born.expected_date = today;
    EXPECT_EQ(changed_fields(before, born).front(), "Date of birth");
}

TEST(Child, CodeListsAreStoredJoinedByCommas) {
    EXPECT_EQ(join_codes({"DEAF", "HAND"}), "DEAF,HAND");
    EXPECT_EQ(join_codes({}), "");
    EXPECT_EQ(split_codes("DEAF,HAND"), (std::vector<std::string>{"DEAF", "HAND"}));
    EXPECT_TRUE(split_codes("").empty());
    EXPECT_EQ(split_codes(join_codes({"NONE"})), (std::vector<std::string>{"NONE"}));
}

}  // namespace
}  // namespace signs::domain
