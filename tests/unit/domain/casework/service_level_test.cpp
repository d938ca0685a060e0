#include "domain/casework/service_level.hpp"

#include <gtest/gtest.h>

#include "service/data_files.hpp"

namespace signs::domain {
namespace {

using core::CivilDate;

CivilDate day(std::string_view iso) { return *CivilDate::parse_iso(iso); }

const CivilDate today = day("2024-06-14");

const CodeSet& closure_reasons() {
    static const auto codes = service::load_census_codes(SIGNS_RESOURCES_DIR);
    return codes.closure_reason;
}

core::Result<void> check_closure(const std::vector<LevelPeriod>& history, const Closure& closure,
                                 CivilDate on) {
    return domain::check_closure(history, closure, on, closure_reasons());
}

std::string fields_of(const core::Error& error) {
    std::string out;
    for (const auto& f : error.fields) out += (out.empty() ? "" : ",") + f.field;
    return out;
}

LevelPeriod open_period(ServiceLevel level, std::string_view from) {
    LevelPeriod period{level, day(from), std::nullopt, "Started", std::nullopt, ""};
    if (level == ServiceLevel::ChildProtection) period.category = CpCategory::Neglect;
    if (level == ServiceLevel::CaredFor) period.legal_status = "s20";
    return period;
}

LevelChange move_to(ServiceLevel level, std::string_view on = "2024-06-01") {
    LevelChange change{level, day(on), "Agreed at the step-up panel", std::nullopt, ""};
    if (level == ServiceLevel::ChildProtection) change.category = CpCategory::Emotional;
    if (level == ServiceLevel::CaredFor) change.legal_status = "ico";
    return change;
}

TEST(ServiceLevel, EveryLevelRoundTripsThroughItsCode) {
    for (auto level : all_levels()) {
        EXPECT_EQ(parse_level(level_code(level)), level) << level_code(level);
        EXPECT_FALSE(level_label(level).empty());
    }
    EXPECT_EQ(all_levels().size(), 5u);
    EXPECT_EQ(level_code(ServiceLevel::ChildProtection), "child-protection");
    EXPECT_EQ(level_label(ServiceLevel::CareLeaver), "Care leaver");
    EXPECT_FALSE(parse_level("Child protection"));
    EXPECT_FALSE(parse_level(""));
}

TEST(ServiceLevel, EachLevelHasItsPracticeVariant) {
    struct Case {
        ServiceLevel level;
        PracticeVariant variant;
        std::string_view code;
        std::string_view label;
    };
    const Case cases[] = {
        {ServiceLevel::EarlyHelp, PracticeVariant::Wellbeing, "wellbeing", "Signs of Wellbeing"},
        {ServiceLevel::ChildInNeed, PracticeVariant::Safety, "safety", "Signs of Safety"},
        {ServiceLevel::ChildProtection, PracticeVariant::Safety, "safety", "Signs of Safety"},
        {ServiceLevel::CaredFor, PracticeVariant::Stability, "stability", "Signs of Stability"},
        {ServiceLevel::CareLeaver, PracticeVariant::Stability, "stability", "Signs of Stability"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(variant_for(c.level), c.variant) << level_code(c.level);
        EXPECT_EQ(variant_code(c.variant), c.code);
        EXPECT_EQ(variant_label(c.variant), c.label);
    }
}

TEST(ServiceLevel, CategoriesUseTheCensusCodes) {
    for (auto category : all_categories()) {
        EXPECT_EQ(parse_category(category_code(category)), category) << category_code(category);
    }
    EXPECT_EQ(category_code(CpCategory::Sexual), "SAB");
    EXPECT_EQ(category_label(CpCategory::Multiple), "Multiple categories");
    EXPECT_EQ(parse_category("EMO"), CpCategory::Emotional);
    EXPECT_FALSE(parse_category("neg"));
    EXPECT_FALSE(parse_category("SEX"));
}

TEST(ServiceLevel, LegalStatusesRoundTripThroughTheirCodes) {
    for (auto status : all_legal_statuses()) {
        EXPECT_EQ(parse_legal_status(legal_status_code(status)), status)
            << legal_status_code(status);
        EXPECT_FALSE(legal_status_label(status).empty());
    }
    EXPECT_EQ(legal_status_label(LegalStatus::Section20),
              "Accommodated with parental agreement (section 20)");
    EXPECT_EQ(parse_legal_status("ico"), LegalStatus::InterimCareOrder);
    EXPECT_FALSE(parse_legal_status("ICO"));
    EXPECT_FALSE(parse_legal_status(""));
}

TEST(ServiceLevel, DirectionFollowsTheLocalAuthoritysInvolvement) {
    using enum ServiceLevel;
    struct Case {
        ServiceLevel from;
        ServiceLevel to;
        Direction expected;
    };
    const Case cases[] = {
        {EarlyHelp, ChildInNeed, Direction::StepUp},
        {EarlyHelp, ChildProtection, Direction::StepUp},
        {ChildInNeed, ChildProtection, Direction::StepUp},
        {ChildProtection, CaredFor, Direction::StepUp},
        {ChildProtection, ChildInNeed, Direction::StepDown},
        {ChildInNeed, EarlyHelp, Direction::StepDown},
        {CaredFor, ChildInNeed, Direction::StepDown},
        {CaredFor, CareLeaver, Direction::StepDown},
        {CareLeaver, CaredFor, Direction::StepUp},
        {CareLeaver, ChildProtection, Direction::StepUp},
        {CareLeaver, EarlyHelp, Direction::StepDown},
        {ChildProtection, ChildProtection, Direction::Sideways},
        {CaredFor, CaredFor, Direction::Sideways},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(direction(c.from, c.to), c.expected)
            << level_code(c.from) << " -> " << level_code(c.to);
    }
    EXPECT_EQ(direction_label(Direction::StepUp), "Step up");
    EXPECT_EQ(direction_label(Direction::StepDown), "Step down");
}

TEST(LevelChange, AllowsAndRefusesMoves) {
    using enum ServiceLevel;
    struct Case {
        ServiceLevel from;
        ServiceLevel to;
        std::string refused_field;  ///< empty when the move is allowed
    };
    const Case cases[] = {
        {EarlyHelp, ChildInNeed, ""},
        {EarlyHelp, ChildProtection, ""},
        {EarlyHelp, CaredFor, ""},  // an emergency
        {ChildInNeed, EarlyHelp, ""},
        {ChildInNeed, ChildProtection, ""},
        {ChildProtection, ChildInNeed, ""},
        {ChildProtection, CaredFor, ""},
        {ChildProtection, ChildProtection, ""},  // a new category
        {CaredFor, CaredFor, ""},                // a new legal status
        {CaredFor, CareLeaver, ""},
        {CaredFor, ChildInNeed, ""},  // home again
        {CareLeaver, CaredFor, ""},
        {EarlyHelp, EarlyHelp, "level"},
        {ChildInNeed, ChildInNeed, "level"},
        {CareLeaver, CareLeaver, "level"},
        {EarlyHelp, CareLeaver, "level"},
        {ChildInNeed, CareLeaver, "level"},
        {ChildProtection, CareLeaver, "level"},
    };
    for (const auto& c : cases) {
        auto result = check_level_change({open_period(c.from, "2024-01-10")}, move_to(c.to), today);
        auto label = std::string{level_code(c.from)} + " -> " + std::string{level_code(c.to)};
        if (c.refused_field.empty()) {
            EXPECT_TRUE(result) << label << ": " << fields_of(result.error());
        } else {
            ASSERT_FALSE(result) << label;
            EXPECT_EQ(fields_of(result.error()), c.refused_field) << label;
        }
    }
}

TEST(LevelChange, ExplainsARefusedMove) {
    std::vector<LevelPeriod> history{open_period(ServiceLevel::ChildInNeed, "2024-01-10")};
    auto same = check_level_change(history, move_to(ServiceLevel::ChildInNeed), today);
    ASSERT_FALSE(same);
    EXPECT_EQ(same.error().kind, core::ErrorKind::Invalid);
    EXPECT_EQ(same.error().message_for("level"),
              "Select a different level – the child is already at child in need");

    auto leaver = check_level_change(history, move_to(ServiceLevel::CareLeaver), today);
    EXPECT_EQ(leaver.error().message_for("level"),
              "Only a child who is cared for can become a care leaver");
}

TEST(LevelChange, ChildProtectionMustChangeCategoryToStay) {
    std::vector<LevelPeriod> history{open_period(ServiceLevel::ChildProtection, "2024-01-10")};
    auto change = move_to(ServiceLevel::ChildProtection);
    change.category = CpCategory::Neglect;
    auto result = check_level_change(history, change, today);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message_for("category"),
              "Select a different category – the current one is neglect");
    change.category = CpCategory::Multiple;
    EXPECT_TRUE(check_level_change(history, change, today));
}

TEST(LevelChange, CaredForMustChangeLegalStatusToStay) {
    std::vector<LevelPeriod> history{open_period(ServiceLevel::CaredFor, "2024-01-10")};
    auto change = move_to(ServiceLevel::CaredFor);
    change.legal_status = "s20";
    auto result = check_level_change(history, change, today);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message_for("legal_status"),
              "Select a different legal status – the current one is accommodated with "
              "parental agreement (section 20)");
    change.legal_status = "co";
    EXPECT_TRUE(check_level_change(history, change, today));
}

TEST(LevelChange, ChildProtectionNeedsACategoryAndCaredForALegalStatus) {
    std::vector<LevelPeriod> history{open_period(ServiceLevel::ChildInNeed, "2024-01-10")};
    auto plan = move_to(ServiceLevel::ChildProtection);
    plan.category.reset();
    auto result = check_level_change(history, plan, today);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message_for("category"),
              "Select the category of abuse for the child protection plan");

    for (std::string status : {"", "section 20", "CO"}) {
        auto care = move_to(ServiceLevel::CaredFor);
        care.legal_status = status;
        auto refused = check_level_change(history, care, today);
        ASSERT_FALSE(refused) << "'" << status << "'";
        EXPECT_EQ(refused.error().message_for("legal_status"), "Select the child's legal status");
    }
}

TEST(LevelChange, DatesMayNotRunBackwardsOrIntoTheFuture) {
    std::vector<LevelPeriod> history{
        {ServiceLevel::EarlyHelp, day("2023-09-01"), day("2024-01-10"), "Started", {}, ""},
        open_period(ServiceLevel::ChildInNeed, "2024-01-10")};
    struct Case {
        std::string on;
        std::string message;  ///< empty when the date is allowed
    };
    const Case cases[] = {
        {"2024-01-10", ""},  // the same day the current level started
        {"2024-03-01", ""},
        {"2024-06-14", ""},  // today
        {"2024-01-09",
         "The date must be on or after 10 January 2024, when the current level started"},
        {"2023-10-01",
         "The date must be on or after 10 January 2024, when the current level started"},
        {"2024-06-15", "The date must be today or in the past"},
        {"2030-01-01", "The date must be today or in the past"},
    };
    for (const auto& c : cases) {
        auto result =
            check_level_change(history, move_to(ServiceLevel::ChildProtection, c.on), today);
        if (c.message.empty()) {
            EXPECT_TRUE(result) << c.on;
        } else {
            ASSERT_FALSE(result) << c.on;
            EXPECT_EQ(result.error().message_for("date"), c.message) << c.on;
        }
    }
}

TEST(LevelChange, AReasonIsNeededAndKeptShort) {
    std::vector<LevelPeriod> history{open_period(ServiceLevel::ChildInNeed, "2024-01-10")};
    struct Case {
        std::string reason;
        std::string message;
    };
    const Case cases[] = {
        {"", "Enter the reason for the change"},
        {"   \n ", "Enter the reason for the change"},
        {std::string(1001, 'r'), "Reason must be 1000 characters or fewer"},
        {"\xc3\x28", "Reason contains characters that cannot be read"},
        {std::string(1000, 'r'), ""},
        {"Agreed at conference.\nParents disagree; recorded.", ""},
    };
    for (const auto& c : cases) {
        auto change = move_to(ServiceLevel::EarlyHelp);
        change.reason = c.reason;
        auto result = check_level_change(history, change, today);
        if (c.message.empty()) {
            EXPECT_TRUE(result) << c.reason.size() << " bytes";
        } else {
            ASSERT_FALSE(result) << c.reason.size() << " bytes";
            EXPECT_EQ(result.error().message_for("reason"), c.message);
        }
    }
}

TEST(LevelChange, ReportsEveryProblemAtOnceInFormOrder) {
    std::vector<LevelPeriod> history{open_period(ServiceLevel::ChildInNeed, "2024-01-10")};
    LevelChange change{ServiceLevel::CaredFor, day("2024-07-01"), "", std::nullopt, ""};
    auto result = check_level_change(history, change, today);
    ASSERT_FALSE(result);
    EXPECT_EQ(fields_of(result.error()), "legal_status,date,reason");
}

TEST(LevelChange, NothingChangesOnceTheRecordIsClosed) {
    std::vector<LevelPeriod> closed{
        {ServiceLevel::ChildInNeed, day("2024-01-10"), day("2024-05-01"), "Started", {}, ""}};
    for (const auto& history : {closed, std::vector<LevelPeriod>{}}) {
        auto change = check_level_change(history, move_to(ServiceLevel::EarlyHelp), today);
        ASSERT_FALSE(change);
        EXPECT_EQ(change.error().kind, core::ErrorKind::Conflict);
        auto closure = check_closure(history, {day("2024-06-01"), "RC7", ""}, today);
        ASSERT_FALSE(closure);
        EXPECT_EQ(closure.error().kind, core::ErrorKind::Conflict);
        EXPECT_FALSE(current_level(history));
    }
}

TEST(LevelChange, ClosingNeedsACodedReasonAndASensibleDate) {
    std::vector<LevelPeriod> history{open_period(ServiceLevel::ChildInNeed, "2024-01-10")};
    EXPECT_TRUE(
        check_closure(history, {day("2024-06-14"), "RC7", "Needs met; family agree"}, today));
    EXPECT_TRUE(check_closure(history, {day("2024-01-10"), "RC5", ""}, today));
    for (const auto& reason : closure_reasons().entries()) {
        EXPECT_TRUE(
            check_closure(history, {day("2024-06-14"), std::string{reason.code}, ""}, today));
    }

    auto result =
        check_closure(history, {day("2024-01-09"), "RC10", std::string(1001, 'x')}, today);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message_for("date"),
              "The date must be on or after 10 January 2024, when the current level started");
    EXPECT_EQ(result.error().message_for("reason"), "Select the reason for closing");
    EXPECT_EQ(result.error().message_for("note"), "What happened must be 1000 characters or fewer");

    auto future = check_closure(history, {day("2024-06-15"), "RC7", ""}, today);
    ASSERT_FALSE(future);
    EXPECT_EQ(future.error().message_for("date"), "The date must be today or in the past");
}

TEST(LevelChange, FirstLevelNeedsItsDetails) {
    EXPECT_TRUE(check_first_level(move_to(ServiceLevel::EarlyHelp), today));
    EXPECT_TRUE(check_first_level(move_to(ServiceLevel::ChildProtection), today));
    EXPECT_TRUE(check_first_level(move_to(ServiceLevel::CaredFor), today));
    EXPECT_TRUE(check_first_level(move_to(ServiceLevel::CareLeaver), today));
    EXPECT_TRUE(check_first_level(move_to(ServiceLevel::ChildInNeed, "2010-01-01"), today));

    LevelChange bare{ServiceLevel::ChildProtection, day("2024-06-15"), "", std::nullopt, ""};
    auto result = check_first_level(bare, today);
    ASSERT_FALSE(result);
    EXPECT_EQ(fields_of(result.error()), "category,date,reason");
    EXPECT_EQ(result.error().message_for("reason"), "Enter the reason for starting at this level");

    bare.to = ServiceLevel::CaredFor;
    EXPECT_EQ(fields_of(check_first_level(bare, today).error()), "legal_status,date,reason");
}

TEST(LevelChange, TidyingKeepsOnlyTheDetailsALevelUses) {
    LevelChange change{ServiceLevel::ChildInNeed, day("2024-06-01"), "  Panel decision \n",
                       CpCategory::Neglect, "co"};
    auto tidy = tidy_level_change(change);
    EXPECT_EQ(tidy.reason, "Panel decision");
    EXPECT_FALSE(tidy.category);
    EXPECT_EQ(tidy.legal_status, "");

    change.to = ServiceLevel::ChildProtection;
    EXPECT_EQ(tidy_level_change(change).category, CpCategory::Neglect);
    EXPECT_EQ(tidy_level_change(change).legal_status, "");
    change.to = ServiceLevel::CaredFor;
    EXPECT_FALSE(tidy_level_change(change).category);
    EXPECT_EQ(tidy_level_change(change).legal_status, "co");
}

TEST(LevelChange, CurrentLevelIsTheOpenPeriod) {
    std::vector<LevelPeriod> history{
        {ServiceLevel::EarlyHelp, day("2023-09-01"), day("2024-01-10"), "Started", {}, ""},
        open_period(ServiceLevel::ChildInNeed, "2024-01-10")};
    EXPECT_EQ(current_level(history), ServiceLevel::ChildInNeed);
}

TEST(Variant, StoredCodesReadBackAndAnythingElseIsSafety) {
    for (auto v : {PracticeVariant::Wellbeing, PracticeVariant::Safety, PracticeVariant::Stability})
        EXPECT_EQ(parse_variant(variant_code(v)), v);
    EXPECT_EQ(parse_variant("nonsense"), PracticeVariant::Safety);
}

}  // namespace
}  // namespace signs::domain
