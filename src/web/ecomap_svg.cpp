#include "web/ecomap_svg.hpp"

#include <cmath>
#include <numbers>
#include <sstream>

#include "web/child_voice_svg.hpp"
#include "web/render.hpp"

namespace signs::web {
namespace {

constexpr double kWidth = 760, kHeight = 560, kCentreX = 380, kCentreY = 265, kRing = 205;

void label(std::ostringstream& svg, const std::string& text, double x, double y, int size,
           bool bold = false) {
    auto lines = wrapped(text, 18, 2);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        svg << "<text x=\"" << x << "\" y=\"" << y + static_cast<double>(i) * (size + 3)
            << "\" font-size=\"" << size << "\" text-anchor=\"middle\""
            << (bold ? " font-weight=\"bold\"" : "") << ">" << html_escaped(lines[i]) << "</text>";
    }
}

}  // namespace

std::string ecomap_svg(const std::string& child, const std::vector<EcomapPerson>& people) {
    std::size_t shown = std::min(people.size(), kMostOnEcomap);
    std::size_t safety = 0, professionals = 0;
    for (const auto& p : people) {
        safety += p.safety_network ? 1 : 0;
        professionals += p.professional ? 1 : 0;
    }
    std::ostringstream svg;
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << kWidth << " " << kHeight
        << "\" class=\"signs-ecomap\" role=\"img\" aria-labelledby=\"ecomap-title\" "
           "font-family=\"Arial, sans-serif\" fill=\"#0b0c0c\">"
        << "<title id=\"ecomap-title\">Family network picture: " << html_escaped(child) << " and "
        << people.size() << (people.size() == 1 ? " person" : " people") << " around them, "
        << safety << " in the safety network and " << professionals
        << (professionals == 1 ? " professional" : " professionals")
        << ". The tables below list everyone.</title>";
    std::vector<std::pair<double, double>> places;
    for (std::size_t i = 0; i < shown; ++i) {
        // Start at the top and go round clockwise.
        double angle = -std::numbers::pi / 2 +
                       2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(shown);
        places.emplace_back(kCentreX + kRing * 1.35 * std::cos(angle),
                            kCentreY + kRing * std::sin(angle));
    }
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& p = people[i];
        svg << "<line x1=\"" << kCentreX << "\" y1=\"" << kCentreY << "\" x2=\"" << places[i].first
            << "\" y2=\"" << places[i].second << "\" stroke=\""
            << (p.professional ? "#505a5f" : "#0b0c0c") << "\" stroke-width=\""
            << (p.lives_with_child ? 4 : 2) << "\""
            << (p.lives_with_child ? "" : " stroke-dasharray=\"8 6\"") << "/>";
    }
    svg << "<circle cx=\"" << kCentreX << "\" cy=\"" << kCentreY
        << "\" r=\"52\" fill=\"#ffdd00\" stroke=\"#0b0c0c\" stroke-width=\"3\"/>";
    label(svg, child, kCentreX, kCentreY + 5, 16, true);
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& p = people[i];
        auto [x, y] = places[i];
        if (p.professional) {
            svg << "<rect x=\"" << x - 70 << "\" y=\"" << y - 30
                << "\" width=\"140\" height=\"60\" rx=\"6\" fill=\"#f3f2f1\" stroke=\"#505a5f\" "
                   "stroke-width=\"2\"/>";
        } else {
            svg << "<ellipse cx=\"" << x << "\" cy=\"" << y
                << "\" rx=\"72\" ry=\"32\" fill=\"#ffffff\" stroke=\""
                << (p.safety_network ? "#00703c" : "#0b0c0c") << "\" stroke-width=\""
                << (p.safety_network ? 5 : 2) << "\"/>";
        }
        // A name on two lines starts higher and pushes the relationship down below it.
        bool two_lines = wrapped(p.name, 18, 2).size() > 1;
        label(svg, p.name, x, two_lines ? y - 12 : y - 4, 13, true);
        label(svg, p.relationship, x, two_lines ? y + 20 : y + 14, 11);
    }
    if (people.size() > shown) {
        svg << "<text x=\"" << kWidth - 10 << "\" y=\"" << kHeight - 40
            << "\" font-size=\"13\" text-anchor=\"end\">and " << people.size() - shown
            << " more in the list below</text>";
    }
    svg << "<text x=\"10\" y=\"" << kHeight - 12 << "\" font-size=\"12\">Solid line: lives with "
        << html_escaped(child)
        << ". Dashed line: does not. Green ring: in the safety network. Grey box: "
           "professional.</text></svg>";
    return svg.str();
}

}  // namespace signs::web
