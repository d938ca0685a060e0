// The census rules about the return as a whole.
#include <algorithm>
#include <map>
#include <set>

#include "domain/returns/cin_rules.hpp"

namespace signs::domain {
namespace {

using Children = std::span<const CensusChild>;
using Context = const CensusContext&;

/// Marks every child whose `key` another child shares.
template <class Key>
void shared(Children children, std::vector<int>& hits, Key key) {
    std::map<std::string, std::vector<int>> by_key;
    for (std::size_t i = 0; i < children.size(); ++i) {
        auto value = key(children[i]);
        if (!value.empty()) by_key[value].push_back(static_cast<int>(i));
    }
    for (const auto& [value, holders] : by_key) {
        if (holders.size() > 1) hits.insert(hits.end(), holders.begin(), holders.end());
    }
    std::sort(hits.begin(), hits.end());
}

const CensusRule kRules[] = {
    {"1520", RuleSeverity::Error, RulePlace::Child, "More than one record with the same UPN.",
     "Another child has the same unique pupil number: one of them is wrong, or they are the "
     "same child recorded twice.",
     "UPN", nullptr,
     [](Children children, Context, std::vector<int>& hits) {
         shared(children, hits, [](const CensusChild& c) { return c.upn; });
     }},
    {"2883", RuleSeverity::Error, RulePlace::Return,
     "There are more child protection plans starting than initial conferences taking place",
     "More child protection plans start in the year than initial conferences are recorded: "
     "a conference is missing.",
     "CPPstartDate, DateOfInitialCPC", nullptr,
     [](Children children, Context x, std::vector<int>& hits) {
         int plans = 0, conferences = 0;
         auto in_year = [&](const MaybeDate& d) { return d && x.year.contains(*d); };
         for (const auto& c : children) {
             for (const auto& e : c.episodes) {
                 conferences += in_year(e.initial_conference) ? 1 : 0;
                 for (const auto& s : e.enquiries) conferences += in_year(s.conference) ? 1 : 0;
                 for (const auto& p : e.protection_plans) plans += in_year(p.start) ? 1 : 0;
             }
         }
         if (plans > conferences) hits.push_back(-1);
     }},
    {"2886Q", RuleSeverity::Query, RulePlace::Return,
     "Please check and either amend or provide a reason: Percentage of children with no sex "
     "recorded is more than 2% (excluding unborns)",
     "More than 2 in 100 children born have their sex recorded as not known.",
     "ExpectedPersonBirthDate, ChildIdentifiers", nullptr,
     [](Children children, Context, std::vector<int>& hits) {
         auto unknown = std::count_if(children.begin(), children.end(), [](const CensusChild& c) {
             return !c.expected_birth && (c.sex.empty() || c.sex == kSexUnknown);
         });
         auto born = std::count_if(children.begin(), children.end(),
                                   [](const CensusChild& c) { return !c.expected_birth; });
         if (born > 0 && unknown * 50 > born) hits.push_back(-1);
     }},
    {"2887Q", RuleSeverity::Query, RulePlace::Return,
     "Please check and either amend or provide a reason: Less than 8 disability codes have "
     "been used in your return",
     "Fewer than 8 kinds of disability are recorded across all children: check that "
     "disabilities are being recorded.",
     "Disability", nullptr,
     [](Children children, Context, std::vector<int>& hits) {
         std::set<std::string> used;
         for (const auto& c : children) {
             for (const auto& d : c.disabilities) {
                 if (d != kNoDisability) used.insert(d);
             }
         }
         if (used.size() < 8) hits.push_back(-1);
     }},
    {"2888Q", RuleSeverity::Query, RulePlace::Return,
     "Please check and either amend or provide a reason: Only one disability code is recorded "
     "per child and multiple disabilities should be recorded where possible.",
     "No child has more than one disability recorded: record every disability a child has.",
     "Disability", nullptr,
     [](Children children, Context, std::vector<int>& hits) {
         bool several = std::any_of(children.begin(), children.end(), [](const CensusChild& c) {
             return std::count_if(c.disabilities.begin(), c.disabilities.end(),
                                  [](const std::string& d) { return d != kNoDisability; }) > 1;
         });
         if (!children.empty() && !several) hits.push_back(-1);
     }},
    {"8510", RuleSeverity::Error, RulePlace::Child,
     "More than one child record with the same LA Child ID",
     "Two children have the same number in the return; tell the system administrator.", "LAchildID",
     nullptr,
     [](Children children, Context, std::vector<int>& hits) {
         shared(children, hits, [](const CensusChild& c) { return c.la_child_id; });
     }},
};

}  // namespace

std::span<const CensusRule> return_rules() { return kRules; }

}  // namespace signs::domain
