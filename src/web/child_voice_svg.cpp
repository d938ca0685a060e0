#include "web/child_voice_svg.hpp"

#include <sstream>

#include "core/utf8.hpp"
#include "web/render.hpp"

namespace signs::web {
namespace {

std::string words_of(const std::map<std::string, std::string>& parts, std::string_view code) {
    auto found = parts.find(std::string{code});
    return found == parts.end() ? "" : found->second;
}

/// Lines of text starting at (x, y), centred on x. Text on a coloured roof is white, which
/// keeps at least 4.5:1 contrast on each of the roof colours.
void text_lines(std::ostringstream& svg, const std::string& text, double x, double y,
                std::size_t width, std::size_t most, int size = 15, bool on_colour = false) {
    auto lines = wrapped(text, width, most);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        svg << "<text x=\"" << x << "\" y=\"" << y + static_cast<double>(i) * (size + 5)
            << "\" font-size=\"" << size << "\" text-anchor=\"middle\""
            << (on_colour ? " fill=\"#ffffff\"" : "") << ">" << html_escaped(lines[i]) << "</text>";
    }
}

void house(std::ostringstream& svg, double x, const std::string& name, const std::string& words,
           const char* colour) {
    svg << "<g><polygon points=\"" << x << ",150 " << x + 140 << ",30 " << x + 280
        << ",150\" fill=\"" << colour << "\" stroke=\"#0b0c0c\" stroke-width=\"3\"/>"
        << "<rect x=\"" << x + 15 << "\" y=\"150\" width=\"250\" height=\"300\" fill=\"#ffffff\" "
        << "stroke=\"#0b0c0c\" stroke-width=\"3\"/>";
    text_lines(svg, name, x + 140, 115, 20, 2, 17, true);
    text_lines(svg, words, x + 140, 180, 26, 13);
    svg << "</g>";
}

void character(std::ostringstream& svg, double x, const std::string& name, const std::string& words,
               std::string_view code) {
    svg << "<g>";
    if (code == "worries") {  // the wizard's pointed hat
        svg << "<polygon points=\"" << x + 90 << ",150 " << x + 140 << ",25 " << x + 190
            << ",150\" fill=\"#4c2c92\" stroke=\"#0b0c0c\" stroke-width=\"3\"/>";
    } else if (code == "good-things") {  // the fairy's star
        svg << "<polygon points=\"" << x + 140 << ",25 " << x + 158 << ",78 " << x + 212 << ",78 "
            << x + 168 << ",110 " << x + 185 << ",160 " << x + 140 << ",130 " << x + 95 << ",160 "
            << x + 112 << ",110 " << x + 68 << ",78 " << x + 122
            << ",78\" fill=\"#ffdd00\" stroke=\"#0b0c0c\" stroke-width=\"3\"/>";
    } else {  // the wand
        svg << "<line x1=\"" << x + 100 << "\" y1=\"160\" x2=\"" << x + 180
            << "\" y2=\"40\" stroke=\"#0b0c0c\" stroke-width=\"8\" stroke-linecap=\"round\"/>"
            << "<circle cx=\"" << x + 180 << "\" cy=\"40\" r=\"16\" fill=\"#f499be\" "
            << "stroke=\"#0b0c0c\" stroke-width=\"3\"/>";
    }
    svg << "<rect x=\"" << x + 15 << "\" y=\"175\" width=\"250\" height=\"275\" rx=\"20\" "
        << "fill=\"#ffffff\" stroke=\"#0b0c0c\" stroke-width=\"3\"/>";
    text_lines(svg, name, x + 140, 200, 24, 1, 17);
    text_lines(svg, words, x + 140, 230, 26, 11);
    svg << "</g>";
}

void safety_house(std::ostringstream& svg, const std::map<std::string, std::string>& parts,
                  std::optional<int> place) {
    // The house on the left, the path running right from its door, the outside beyond.
    svg << "<polygon points=\"20,170 230,40 440,170\" fill=\"#d4351c\" stroke=\"#0b0c0c\" "
           "stroke-width=\"3\"/>"
        << "<rect x=\"40\" y=\"170\" width=\"380\" height=\"280\" fill=\"#ffffff\" "
           "stroke=\"#0b0c0c\" stroke-width=\"3\"/>"
        << "<polygon points=\"420,440 880,400 880,460 420,450\" fill=\"#b1b4b6\"/>"
        << "<rect x=\"620\" y=\"30\" width=\"260\" height=\"250\" rx=\"20\" fill=\"#f3f2f1\" "
           "stroke=\"#0b0c0c\" stroke-width=\"2\" stroke-dasharray=\"8 6\"/>";
    text_lines(svg, "Rules", 230, 115, 20, 1, 17, true);
    text_lines(svg, words_of(parts, "rules"), 230, 138, 40, 1, 13, true);
    text_lines(svg, "Inside", 230, 200, 20, 1, 17);
    text_lines(svg, words_of(parts, "inside"), 230, 228, 38, 10);
    text_lines(svg, "On the path", 540, 320, 20, 1, 17);
    text_lines(svg, words_of(parts, "path"), 540, 345, 20, 2, 13);
    text_lines(svg, "Outside", 750, 60, 20, 1, 17);
    text_lines(svg, words_of(parts, "outside"), 750, 88, 24, 9);
    if (place) {
        // 10 is at the door, safest; 0 furthest away along the path.
        double x = 870 - static_cast<double>(*place) * 44;
        svg << "<circle cx=\"" << x << "\" cy=\"" << 430 - (x - 420) * 0.06
            << "\" r=\"14\" fill=\"#1d70b8\" stroke=\"#0b0c0c\" stroke-width=\"2\"/>"
            << "<text x=\"" << x << "\" y=\"" << 468 - (x - 420) * 0.06
            << "\" font-size=\"14\" text-anchor=\"middle\">Me: " << *place << "</text>";
    }
}

}  // namespace

std::vector<std::string> wrapped(const std::string& text, std::size_t width, std::size_t most) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t line_chars = 0;
    std::istringstream words{text};
    std::string word;
    bool cut = false;
    while (words >> word) {
        auto chars = core::utf8_length(word);
        // A word longer than a line is split where it has to be.
        while (chars > width) {
            if (!line.empty()) {
                lines.push_back(line);
                line.clear();
                line_chars = 0;
            }
            auto head = std::string{core::utf8_prefix(word, width)};
            lines.push_back(head);
            word = word.substr(head.size());
            chars -= width;
        }
        if (line_chars > 0 && line_chars + 1 + chars > width) {
            lines.push_back(line);
            line.clear();
            line_chars = 0;
        }
        if (line_chars > 0) {
            line += ' ';
            ++line_chars;
        }
        line += word;
        line_chars += chars;
        if (lines.size() > most) break;
    }
    if (!line.empty()) lines.push_back(line);
    if (lines.size() > most) {
        lines.resize(most);
        cut = true;
    }
    if (cut) lines.back() += "…";
    return lines;
}

std::string child_voice_svg(const domain::VoiceTool& tool,
                            const std::map<std::string, std::string>& parts,
                            std::optional<int> place) {
    std::ostringstream svg;
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 900 480\" "
           "class=\"signs-child-voice__picture\" aria-hidden=\"true\" focusable=\"false\" "
           "font-family=\"Arial, sans-serif\" fill=\"#0b0c0c\">";
    if (tool.code == "safety-house") {
        safety_house(svg, parts, place);
    } else {
        static constexpr const char* kColours[] = {"#d4351c", "#00703c", "#1d70b8"};
        for (std::size_t i = 0; i < tool.parts.size() && i < 3; ++i) {
            const auto& part = tool.parts[i];
            double x = 10 + static_cast<double>(i) * 300;
            if (tool.code == "three-houses")
                house(svg, x, std::string{part.name}, words_of(parts, part.code), kColours[i]);
            else
                character(svg, x, std::string{part.name}, words_of(parts, part.code), part.code);
        }
    }
    svg << "</svg>";
    return svg.str();
}

}  // namespace signs::web
