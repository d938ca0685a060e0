#include "domain/mapping/over_time.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

TEST(OverTime, EntriesAreFollowedThroughEveryReview) {
    std::vector<MappedEntry> first{{1, std::nullopt, "harm", "Bruise", ""},
                                   {2, std::nullopt, "strength", "Reads at night", ""},
                                   {3, std::nullopt, "grey-area", "Who visits?", ""}};
    std::vector<MappedEntry> second{{11, 1, "harm", "Bruise", "still-true"},
                                    {12, 2, "strength", "Reads every night", "changed"}};
    std::vector<MappedEntry> third{{21, 11, "harm", "Bruise", "resolved"},
                                   {22, 12, "strength", "Reads every night", "still-true"},
                                   {23, std::nullopt, "next-step", "Nan visits on Sundays", ""}};
    std::vector<MappedEntry> all = first;
    all.insert(all.end(), second.begin(), second.end());
    all.insert(all.end(), third.begin(), third.end());
    auto origins = entry_origins(all);
    EXPECT_EQ(origins.at(21), 1);
    EXPECT_EQ(origins.at(22), 2);
    EXPECT_EQ(origins.at(23), 23);

    auto diff = compare_entries(first, third, origins);
    ASSERT_EQ(diff.size(), 4u);
    EXPECT_EQ(diff[0].change, EntryChange::Resolved);
    EXPECT_EQ(diff[1].change, EntryChange::Changed);
    EXPECT_EQ(diff[1].before, "Reads at night");
    EXPECT_EQ(diff[2].change, EntryChange::Added);
    EXPECT_EQ(diff[3].change, EntryChange::Dropped);
    EXPECT_EQ(diff[3].text, "Who visits?");
    auto same = compare_entries(second, third, origins);
    EXPECT_EQ(same[1].change, EntryChange::Unchanged);
}

TEST(OverTime, VoicesAreFollowedByNameAndGapsStayEmpty) {
    auto series = voice_series({{{"Dana Carter", 3}, {"Ms Rowe", 2}},
                                {{"dana carter ", 5}},
                                {{"Dana Carter", 7}, {"Pat", 6}}});
    ASSERT_EQ(series.size(), 3u);
    EXPECT_EQ(series[0].name, "Dana Carter");
    EXPECT_EQ(series[0].values, (std::vector<std::optional<int>>{3, 5, 7}));
    EXPECT_EQ(series[1].values, (std::vector<std::optional<int>>{2, std::nullopt, std::nullopt}));
    EXPECT_EQ(series[2].values, (std::vector<std::optional<int>>{std::nullopt, std::nullopt, 6}));
    EXPECT_TRUE(voice_series({}).empty());
}

}  // namespace
}  // namespace signs::domain
