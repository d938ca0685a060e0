#include "domain/casework/chronology_entry.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

const core::CivilDate kToday = *core::CivilDate::parse_iso("2026-11-26");

TEST(ChronologyEntry, AcceptsAKnownKindAPastDateAndWhatHappened) {
    auto entry =
        check_chronology_entry({"visit", "26", "11", "2026", "  Saw Maya at home.  "}, kToday);
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->on.iso(), "2026-11-26");
    EXPECT_EQ(entry->summary, "Saw Maya at home.");
}

TEST(ChronologyEntry, NamesEveryProblem) {
    struct Case {
        ChronologyEntryForm form;
        const char* field;
        const char* message;
    };
    const Case cases[] = {
        {{"", "1", "1", "2026", "x"}, "kind", "Select what kind of event this was"},
        {{"party", "1", "1", "2026", "x"}, "kind", "Select what kind of event this was"},
        {{"visit", "31", "4", "2026", "x"},
         "date-day",
         "Enter the date of the event as a real date, like 27 3 2026"},
        {{"visit", "27", "11", "2026", "x"},
         "date-day",
         "The date of the event must be today or in the past"},
        {{"visit", "1", "1", "2026", "   "}, "summary", "Say what happened"},
        {{"visit", "1", "1", "2026", std::string(2001, 'x')},
         "summary",
         "What happened must be 2000 characters or fewer"},
    };
    for (const auto& c : cases) {
        auto result = check_chronology_entry(c.form, kToday);
        ASSERT_FALSE(result) << c.field;
        EXPECT_EQ(result.error().message_for(c.field), c.message) << c.field;
    }
}

TEST(ChronologyEntry, EveryKindHasALabel) {
    for (const auto& kind : chronology_kinds()) EXPECT_FALSE(kind.label.empty()) << kind.code;
}

}  // namespace
}  // namespace signs::domain
