#include "domain/returns/census_codes.hpp"

#include <array>

namespace signs::domain {
namespace {

constexpr std::array<std::string_view, 1> kEthnicityNeeds{kEthnicityNotObtained};
constexpr std::array<std::string_view, 1> kDisabilityNeeds{kNoDisability};
constexpr std::array<std::string_view, 3> kSexNeeds{"M", "F", kSexUnknown};
constexpr std::array<std::string_view, 1> kUpnNeeds{kUpnNoFurtherAction};
constexpr std::array<std::string_view, 3> kClosureNeeds{kDied, kClosedNoFurtherAction,
                                                        kClosedToEarlyHelp};
constexpr std::array<std::string_view, 5> kCategoryNeeds{"NEG", "PHY", "SAB", "EMO", "MUL"};
constexpr std::array<std::string_view, 1> kFactorNeeds{kNoFactors};

constexpr std::array<std::string_view, 1> kOutcomeNeeds{kOutcomeProceedings};

constexpr std::array<CodeFile, 10> kFiles{{
    {"ethnicity.csv", &CensusCodes::ethnicity, kEthnicityNeeds},
    {"disability.csv", &CensusCodes::disability, kDisabilityNeeds},
    {"sex.csv", &CensusCodes::sex, kSexNeeds},
    {"upn-unknown.csv", &CensusCodes::upn_unknown, kUpnNeeds},
    {"referral-source.csv", &CensusCodes::referral_source, {}},
    {"primary-need.csv", &CensusCodes::primary_need, {}},
    {"closure-reason.csv", &CensusCodes::closure_reason, kClosureNeeds},
    {"abuse-category.csv", &CensusCodes::abuse_category, kCategoryNeeds},
    {"assessment-factor.csv", &CensusCodes::assessment_factor, kFactorNeeds},
    {"pre-proceedings-outcome.csv", &CensusCodes::pre_proceedings_outcome, kOutcomeNeeds},
}};

}  // namespace

std::span<const CodeFile> census_code_files() { return kFiles; }

}  // namespace signs::domain
