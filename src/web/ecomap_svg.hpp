#pragma once
/// The family network picture (an ecomap): the child in the middle, the people around them on
/// a ring, joined by a solid line to those they live with and a dashed one to the rest, the
/// safety network ringed in green, professionals in grey boxes. It is drawn from the same
/// records as the tables beside it, which are its text alternative.
#include <string>
#include <vector>

namespace signs::web {

struct EcomapPerson {
    std::string name;
    std::string relationship;  ///< "Grandparent", or a professional's role
    bool professional = false;
    bool lives_with_child = false;
    bool safety_network = false;
};

/// At most this many people are drawn; the picture says how many more the list holds.
inline constexpr std::size_t kMostOnEcomap = 16;

std::string ecomap_svg(const std::string& child, const std::vector<EcomapPerson>& people);

}  // namespace signs::web
