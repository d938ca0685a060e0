// The census rules about the child: identifiers and characteristics.
#include <algorithm>
#include <set>

#include "domain/returns/cin_rules.hpp"

namespace signs::domain {
namespace {

using Child = const CensusChild&;
using Context = const CensusContext&;

bool any_further_action(Child c) {
    return std::any_of(c.episodes.begin(), c.episodes.end(),
                       [](const CensusEpisode& e) { return !e.no_further_action; });
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

/// The council numbers a UPN's characters 2 to 4 may hold, as ranges.
constexpr std::pair<int, int> kLaCodes[] = {
    {1, 5},     {201, 213}, {301, 320}, {330, 336}, {340, 344}, {350, 359}, {370, 373}, {380, 384},
    {390, 394}, {420, 420}, {660, 681}, {701, 708}, {800, 803}, {805, 808}, {810, 813}, {815, 816},
    {820, 823}, {825, 826}, {830, 831}, {835, 839}, {840, 841}, {845, 846}, {850, 852}, {855, 857},
    {860, 861}, {865, 896}, {908, 909}, {916, 916}, {919, 919}, {921, 921}, {925, 926}, {928, 929},
    {931, 931}, {933, 933}, {935, 938}, {940, 943},
};

bool known_la_code(std::string_view upn) {
    if (upn.size() < 4 || !is_digit(upn[1]) || !is_digit(upn[2]) || !is_digit(upn[3])) return false;
    int code = (upn[1] - '0') * 100 + (upn[2] - '0') * 10 + (upn[3] - '0');
    return std::any_of(std::begin(kLaCodes), std::end(kLaCodes),
                       [&](auto range) { return range.first <= code && code <= range.second; });
}

/// One year counted the calendar way, with 29 February becoming 28 in other years.
core::CivilDate plus_years(core::CivilDate day, int years) {
    auto ymd = day.ymd() + date::years{years};
    if (!ymd.ok()) ymd = ymd.year() / ymd.month() / date::last;
    return core::CivilDate{ymd};
}

core::CivilDate plus_months(core::CivilDate day, int months) {
    auto ymd = day.ymd() + date::months{months};
    if (!ymd.ok()) ymd = ymd.year() / ymd.month() / date::last;
    return core::CivilDate{ymd};
}

const CensusRule kRules[] = {
    {"1510", RuleSeverity::Error, RulePlace::Child,
     "UPN invalid (wrong check letter at character 1)",
     "The unique pupil number's first letter does not match its other characters: check it "
     "against the school's records.",
     "UPN",
     [](Child c, Context, RuleHits& hits) {
         if (c.upn.size() == 13 && upn_check_letter(c.upn) != c.upn[0]) hits.push_back(-1);
     }},
    {"1530", RuleSeverity::Error, RulePlace::Child,
     "UPN invalid (characters 2-4 not a recognised LA code)",
     "Characters 2 to 4 of the unique pupil number are not a council's number.", "UPN",
     [](Child c, Context, RuleHits& hits) {
         if (!c.upn.empty() && !known_la_code(c.upn)) hits.push_back(-1);
     }},
    {"1540", RuleSeverity::Error, RulePlace::Child, "UPN invalid (characters 5-12 not all numeric)",
     "Characters 5 to 12 of the unique pupil number must be digits.", "UPN",
     [](Child c, Context, RuleHits& hits) {
         if (c.upn.empty()) return;
         bool digits =
             c.upn.size() >= 12 && std::all_of(c.upn.begin() + 4, c.upn.begin() + 12, is_digit);
         if (!digits) hits.push_back(-1);
     }},
    {"1550", RuleSeverity::Error, RulePlace::Child,
     "UPN invalid (character 13 not a recognised value)",
     "The last character of the unique pupil number must be a digit, or a letter other than "
     "I, O or S.",
     "UPN",
     [](Child c, Context, RuleHits& hits) {
         if (c.upn.empty()) return;
         char last = c.upn.size() == 13 ? c.upn[12] : '?';
         bool ok = is_digit(last) || (is_letter(last) && std::string_view{"IOSios"}.find(last) ==
                                                             std::string_view::npos);
         if (!ok) hits.push_back(-1);
     }},
    {"1560Q", RuleSeverity::Query, RulePlace::Child,
     "Please check and either amend or provide a reason: Former UPN wrongly formatted",
     "The former unique pupil number should be 13 characters and start with a letter.", "FormerUPN",
     [](Child c, Context, RuleHits& hits) {
         if (c.former_upn.empty()) return;
         if (c.former_upn.size() != 13 || !is_letter(c.former_upn[0])) hits.push_back(-1);
     }},
    {"1570", RuleSeverity::Error, RulePlace::Child,
     "LA Child ID must not be longer than 20 characters",
     "signs' child number is too long to send; tell the system administrator.", "LAchildID",
     [](Child c, Context, RuleHits& hits) {
         if (c.la_child_id.size() > 20) hits.push_back(-1);
     }},
    {"1580", RuleSeverity::Error, RulePlace::Child,
     "LA Child ID must not contain any non-alphanumeric characters",
     "signs' child number holds a character the census does not take; tell the system "
     "administrator.",
     "LAchildID",
     [](Child c, Context, RuleHits& hits) {
         bool ok = std::all_of(c.la_child_id.begin(), c.la_child_id.end(),
                               [](char ch) { return is_digit(ch) || is_letter(ch); });
         if (!ok) hits.push_back(-1);
     }},
    {"4180", RuleSeverity::Error, RulePlace::Child, "Sex must be provided and equal M, F, or U",
     "Record the child's sex.", "Sex",
     [](Child c, Context x, RuleHits& hits) {
         if (!x.codes.sex.contains(c.sex)) hits.push_back(-1);
     }},
    {"4220", RuleSeverity::Error, RulePlace::Child,
     "Ethnicity is missing or invalid (see Ethnicity table)",
     "Record the child's ethnicity from the list.", "Ethnicity",
     [](Child c, Context x, RuleHits& hits) {
         if (!x.codes.ethnicity.contains(c.ethnicity)) hits.push_back(-1);
     }},
    {"8500", RuleSeverity::Error, RulePlace::Child, "LA Child ID missing",
     "The child has no number to send; tell the system administrator.", "LAchildID",
     [](Child c, Context, RuleHits& hits) {
         if (c.la_child_id.empty()) hits.push_back(-1);
     }},
    {"8520", RuleSeverity::Error, RulePlace::Child,
     "Date of Birth is after data collection period (must be on or before the end of the "
     "census period)",
     "The date of birth is after the end of the census year.", "PersonBirthDate, ReferenceDate",
     [](Child c, Context x, RuleHits& hits) {
         if (c.birth && *c.birth > x.year.reference) hits.push_back(-1);
     }},
    {"8525Q", RuleSeverity::Query, RulePlace::Child,
     "Either Date of Birth or Expected Date of Birth must be provided (but not both)",
     "Record either the date of birth or, before the birth, the expected date; not both.",
     "PersonBirthDate, ExpectedPersonBirthDate",
     [](Child c, Context, RuleHits& hits) {
         if (c.birth.has_value() == c.expected_birth.has_value()) hits.push_back(-1);
     }},
    {"8530Q", RuleSeverity::Query, RulePlace::Child,
     "Please check and either amend data or provide a reason: Expected Date of Birth is "
     "outside the expected range for this census (March to December of the Census Year end)",
     "The expected date of birth has passed or is far off: if the baby has been born, record "
     "the date of birth.",
     "ExpectedPersonBirthDate",
     [](Child c, Context x, RuleHits& hits) {
         if (!c.expected_birth) return;
         auto earliest = x.year.reference.plus_days(-30);
         auto latest = plus_months(x.year.reference, 9);
         if (*c.expected_birth < earliest || *c.expected_birth > latest) hits.push_back(-1);
     }},
    {"8535Q", RuleSeverity::Query, RulePlace::Child,
     "Please check and either amend data or provide a reason: Child’s date of death should "
     "not be prior to the date of birth",
     "The date of death is before the date of birth, or there is no date of birth.",
     "PersonDeathDate, PersonBirthDate",
     [](Child c, Context, RuleHits& hits) {
         if (c.death && (!c.birth || *c.death < *c.birth)) hits.push_back(-1);
     }},
    {"8540", RuleSeverity::Error, RulePlace::Child,
     "Child’s disability is missing or invalid (see Disability table)",
     "Record whether the child has a disability: choose 'No disability' if they have none.",
     "Disability, PersonBirthDate, ReferralNFA",
     [](Child c, Context x, RuleHits& hits) {
         if (!c.birth || !any_further_action(c)) return;
         bool valid =
             !c.disabilities.empty() &&
             std::all_of(c.disabilities.begin(), c.disabilities.end(),
                         [&](const std::string& d) { return x.codes.disability.contains(d); });
         if (!valid) hits.push_back(-1);
     }},
    {"8545Q", RuleSeverity::Query, RulePlace::Child,
     "Please check and either amend data or provide a reason: Child's date of death should "
     "be within the census year",
     "The date of death is outside the census year.", "PersonDeathDate",
     [](Child c, Context x, RuleHits& hits) {
         if (c.death && !x.year.contains(*c.death)) hits.push_back(-1);
     }},
    {"8590", RuleSeverity::Error, RulePlace::Child, "Child does not have a recorded CIN episode.",
     "The child has no referral in the census year.", "LAchildID",
     [](Child c, Context, RuleHits& hits) {
         if (c.episodes.empty()) hits.push_back(-1);
     }},
    {"8750", RuleSeverity::Error, RulePlace::Child, "Sex must equal U for an unborn child",
     "A child not yet born is recorded as sex not known.",
     "Sex, PersonBirthDate, ExpectedPersonBirthDate",
     [](Child c, Context, RuleHits& hits) {
         if (c.expected_birth && !c.birth && c.sex != kSexUnknown) hits.push_back(-1);
     }},
    {"8770Q", RuleSeverity::Query, RulePlace::Child,
     "Please check and either amend data or provide a reason: UPN is missing or reason UPN "
     "is missing or is UN1 for a child who is of school age.",
     "Record the child's unique pupil number, or why it is not known: the child is of "
     "school age.",
     "UPN, UPNunknown",
     [](Child c, Context x, RuleHits& hits) {
         if (!c.birth || !c.upn.empty() || !any_further_action(c)) return;
         if (*c.birth > plus_years(x.year.reference, -6)) return;
         if (c.upn_unknown.empty() || c.upn_unknown == "UN1") hits.push_back(-1);
     }},
    {"8772", RuleSeverity::Error, RulePlace::Child,
     "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN "
     "details is a referral going on to further action",
     "The reason for no unique pupil number says the referral led to nothing, but the child "
     "has had further work: choose another reason or record the number.",
     "UPNunknown, ReferralNFA",
     [](Child c, Context, RuleHits& hits) {
         if (c.upn_unknown == kUpnNoFurtherAction && any_further_action(c)) hits.push_back(-1);
     }},
    {"8775Q", RuleSeverity::Query, RulePlace::Child,
     "Please check and either amend data or provide a reason: Child is over 25 years old",
     "The child is over 25: check the date of birth, or close the episode.",
     "PersonBirthDate, CINclosureDate",
     [](Child c, Context x, RuleHits& hits) {
         if (!c.birth || *c.birth >= plus_years(x.year.reference, -25)) return;
         auto turned_25 = plus_years(*c.birth, 25);
         bool open_past_25 = std::any_of(c.episodes.begin(), c.episodes.end(), [&](const auto& e) {
             return !e.closure || *e.closure > turned_25;
         });
         if (open_past_25) hits.push_back(-1);
     }},
    {"8790", RuleSeverity::Error, RulePlace::Child,
     "Disability information includes both None and other values",
     "'No disability' is chosen with a disability: choose one or the other.", "Disability",
     [](Child c, Context, RuleHits& hits) {
         bool none = std::find(c.disabilities.begin(), c.disabilities.end(), kNoDisability) !=
                     c.disabilities.end();
         if (none && c.disabilities.size() > 1) hits.push_back(-1);
     }},
    {"8794", RuleSeverity::Error, RulePlace::Child,
     "Child has two or more disabilities with the same code", "A disability is recorded twice.",
     "Disability",
     [](Child c, Context, RuleHits& hits) {
         std::set<std::string> seen(c.disabilities.begin(), c.disabilities.end());
         if (seen.size() != c.disabilities.size()) hits.push_back(-1);
     }},
};

}  // namespace

char upn_check_letter(std::string_view upn) {
    constexpr std::string_view kLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";
    if (upn.size() != 13) return 0;
    int sum = 0;
    for (std::size_t i = 1; i < 13; ++i) {
        char c = upn[i];
        int value = 0;
        if (is_digit(c)) {
            value = c - '0';
        } else if (i == 12) {
            auto at = kLetters.find(static_cast<char>(c & ~0x20));
            if (at == std::string_view::npos) return 0;
            value = static_cast<int>(at);
        } else {
            return 0;
        }
        sum += value * static_cast<int>(i + 1);
    }
    return kLetters[sum % 23];
}

std::span<const CensusRule> child_rules() { return kRules; }

}  // namespace signs::domain
