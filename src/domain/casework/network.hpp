#pragma once
/// The people around a child: family and friends (who may be in the safety network, and who
/// may hold parental responsibility), and the professionals involved.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "domain/casework/child.hpp"

namespace signs::domain {

/// How a person is related to the child: mother, father, step-parent, grandparent, ...
std::span<const CodeLabel> relationship_codes();

struct NetworkMemberForm {
    std::string first_name, last_name;
    std::string relationship;
    std::string parental_responsibility;  ///< "yes" / "no"
    std::string lives_with_child;         ///< "yes" / "no"
    std::string safety_network;           ///< "yes" / "no"
    std::string phone, email, address;
};

/// The person's own details, shared when the same adult is linked to several children.
struct PersonDetails {
    std::string first_name, last_name, phone, email, address;
};

/// How one person stands to one child.
struct ChildLink {
    std::string relationship;
    bool parental_responsibility = false;
    bool lives_with_child = false;
    bool safety_network = false;
};

/// Checks only the link (relationship and the three yes/no answers).
core::Result<ChildLink> check_child_link(const NetworkMemberForm& form);
/// Checks the person and the link together, reporting every problem at once.
core::Result<std::pair<PersonDetails, ChildLink>> check_network_member(
    const NetworkMemberForm& form);

struct ProfessionalForm {
    std::string name, role, agency, phone, email;
};

struct ProfessionalDetails {
    std::string name, role, agency, phone, email;
};

core::Result<ProfessionalDetails> check_professional(const ProfessionalForm& form);

}  // namespace signs::domain
