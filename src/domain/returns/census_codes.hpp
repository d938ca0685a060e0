#pragma once
/// The code lists the Children in Need census uses, each read from its own file under
/// `data/codes/`, and the codes signs' own rules name (so a file without them is refused).
#include <span>
#include <string_view>

#include "domain/returns/code_set.hpp"

namespace signs::domain {

struct CensusCodes {
    CodeSet ethnicity;
    CodeSet disability;
    CodeSet sex;
    CodeSet upn_unknown;
    CodeSet referral_source;
    CodeSet primary_need;
    CodeSet closure_reason;
    CodeSet abuse_category;
    CodeSet assessment_factor;
    CodeSet pre_proceedings_outcome;
};

inline constexpr std::string_view kNoDisability = "NONE";
inline constexpr std::string_view kEthnicityNotObtained = "NOBT";
inline constexpr std::string_view kSexUnknown = "U";
inline constexpr std::string_view kNoFactors = "21";
inline constexpr std::string_view kClosedNoFurtherAction = "RC8";
inline constexpr std::string_view kClosedToEarlyHelp = "RC9";
inline constexpr std::string_view kDied = "RC2";
inline constexpr std::string_view kUpnNoFurtherAction = "UN7";
/// Pre-proceedings that ended in a decision to apply to court; only then is an application
/// recorded.
inline constexpr std::string_view kOutcomeProceedings = "A";

/// One file: its name in `data/codes/`, the member it fills, and the codes it must hold.
struct CodeFile {
    std::string_view file;
    CodeSet CensusCodes::*member;
    std::span<const std::string_view> required;
};

std::span<const CodeFile> census_code_files();

}  // namespace signs::domain
