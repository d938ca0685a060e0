#include "domain/casework/network.hpp"

#include <algorithm>
#include <array>

#include "core/validation.hpp"

namespace signs::domain {
namespace {

constexpr std::array<CodeLabel, 12> kRelationships = {{
    {"mother", "Mother"},
    {"father", "Father"},
    {"step-parent", "Step-parent"},
    {"parent-partner", "Parent's partner"},
    {"grandparent", "Grandparent"},
    {"aunt-uncle", "Aunt or uncle"},
    {"adult-sibling", "Adult brother or sister"},
    {"foster-carer", "Foster carer"},
    {"kinship-carer", "Family or friends carer"},
    {"family-friend", "Family friend"},
    {"neighbour", "Neighbour"},
    {"other", "Other"},
}};

bool is_yes_no(std::string_view answer) { return answer == "yes" || answer == "no"; }

// Phone numbers as people write them: digits, spaces, brackets, plus and hyphens.
bool looks_like_phone(std::string_view text) {
    auto digits =
        std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    return digits >= 6 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '(' || c == ')' ||
                      c == '-';
           });
}

void check_contact(core::FieldChecks& checks, const std::string& phone, const std::string& email) {
    auto clean_phone = core::trimmed(phone);
    if (!clean_phone.empty() && (clean_phone.size() > 25 || !looks_like_phone(clean_phone))) {
        checks.add("phone", "Enter a phone number, like 01632 960 001");
    }
    if (!core::trimmed(email).empty()) checks.email("email", email);
}

void check_link(core::FieldChecks& checks, const NetworkMemberForm& form) {
    if (!is_code_in(kRelationships, form.relationship)) {
        checks.add("relationship", "Select how they are related to the child");
    }
    if (!is_yes_no(form.parental_responsibility)) {
        checks.add("parental_responsibility", "Select whether they have parental responsibility");
    }
    if (!is_yes_no(form.lives_with_child)) {
        checks.add("lives_with_child", "Select whether they live with the child");
    }
    if (!is_yes_no(form.safety_network)) {
        checks.add("safety_network", "Select whether they are part of the safety network");
    }
}

ChildLink link_of(const NetworkMemberForm& form) {
    return {form.relationship, form.parental_responsibility == "yes",
            form.lives_with_child == "yes", form.safety_network == "yes"};
}

}  // namespace

std::span<const CodeLabel> relationship_codes() { return kRelationships; }

core::Result<ChildLink> check_child_link(const NetworkMemberForm& form) {
    core::FieldChecks checks;
    check_link(checks, form);
    if (!checks.ok()) return std::unexpected(checks.error());
    return link_of(form);
}

core::Result<std::pair<PersonDetails, ChildLink>> check_network_member(
    const NetworkMemberForm& form) {
    core::FieldChecks checks;
    checks.text("first_name", form.first_name, "Enter their first name", "First name",
                kMaxChildNameLength);
    checks.text("last_name", form.last_name, "Enter their last name", "Last name",
                kMaxChildNameLength);
    check_link(checks, form);
    check_contact(checks, form.phone, form.email);
    checks.optional_text("address", form.address, "Address", 300);
    if (!checks.ok()) return std::unexpected(checks.error());
    PersonDetails person{core::trimmed(form.first_name), core::trimmed(form.last_name),
                         core::trimmed(form.phone), core::lower_ascii(core::trimmed(form.email)),
                         core::trimmed(form.address)};
    return std::pair{person, link_of(form)};
}

core::Result<ProfessionalDetails> check_professional(const ProfessionalForm& form) {
    core::FieldChecks checks;
    checks.text("name", form.name, "Enter their name", "Name", kMaxChildNameLength);
    checks.text("role", form.role, "Enter their role, like health visitor", "Role", 100);
    checks.text("agency", form.agency, "Enter their agency, like the GP surgery", "Agency", 100);
    check_contact(checks, form.phone, form.email);
    if (!checks.ok()) return std::unexpected(checks.error());
    return ProfessionalDetails{core::trimmed(form.name), core::trimmed(form.role),
                               core::trimmed(form.agency), core::trimmed(form.phone),
                               core::lower_ascii(core::trimmed(form.email))};
}

}  // namespace signs::domain
