#include "web/story_pictures.hpp"

#include <sstream>

#include "web/render.hpp"

namespace signs::web {
namespace {

/// A stick figure standing at x with its feet at y, `scale` times the usual size.
std::string figure(double x, double y, double scale = 1) {
    std::ostringstream s;
    double h = 60 * scale;
    s << "<circle cx=\"" << x << "\" cy=\"" << y - h << "\" r=\"" << 10 * scale << "\"/>"
      << "<line x1=\"" << x << "\" y1=\"" << y - h + 10 * scale << "\" x2=\"" << x << "\" y2=\""
      << y - 22 * scale << "\"/>"
      << "<line x1=\"" << x - 16 * scale << "\" y1=\"" << y - h + 24 * scale << "\" x2=\""
      << x + 16 * scale << "\" y2=\"" << y - h + 24 * scale << "\"/>"
      << "<line x1=\"" << x << "\" y1=\"" << y - 22 * scale << "\" x2=\"" << x - 12 * scale
      << "\" y2=\"" << y << "\"/>"
      << "<line x1=\"" << x << "\" y1=\"" << y - 22 * scale << "\" x2=\"" << x + 12 * scale
      << "\" y2=\"" << y << "\"/>";
    return s.str();
}

std::string face(bool happy) {
    return std::string{
               "<circle cx=\"100\" cy=\"75\" r=\"50\"/>"
               "<circle cx=\"82\" cy=\"62\" r=\"4\" fill=\"#0b0c0c\"/>"
               "<circle cx=\"118\" cy=\"62\" r=\"4\" fill=\"#0b0c0c\"/>"} +
           (happy ? "<path d=\"M75 88 Q100 112 125 88\"/>"
                  : "<path d=\"M75 102 Q100 80 125 102\"/>");
}

}  // namespace

std::string story_picture_svg(std::string_view code, const std::string& label) {
    std::string body;
    if (code == "family") {
        body = figure(50, 135) + figure(90, 135, 1.1) + figure(130, 135, 0.7) +
               figure(160, 135, 0.6) + "<line x1=\"66\" y1=\"99\" x2=\"74\" y2=\"101\"/>";
    } else if (code == "house") {
        body =
            "<polygon points=\"40,75 100,25 160,75\"/><rect x=\"52\" y=\"75\" width=\"96\" "
            "height=\"65\"/><rect x=\"88\" y=\"100\" width=\"24\" height=\"40\"/>";
    } else if (code == "worried") {
        body = face(false);
    } else if (code == "happy") {
        body = face(true);
    } else if (code == "talking") {
        body = figure(60, 140) + figure(140, 140) +
               "<path d=\"M70 40 h40 a8 8 0 0 1 8 8 v14 a8 8 0 0 1 -8 8 h-22 l-10 10 v-10 h-8 "
               "a8 8 0 0 1 -8 -8 v-14 a8 8 0 0 1 8 -8z\"/>";
    } else if (code == "meeting") {
        body = "<rect x=\"55\" y=\"95\" width=\"90\" height=\"14\"/>" + figure(40, 140, 0.8) +
               figure(100, 90, 0.7) + figure(160, 140, 0.8);
    } else if (code == "school") {
        body =
            "<rect x=\"40\" y=\"60\" width=\"120\" height=\"80\"/><polygon "
            "points=\"30,60 100,25 170,60\"/><rect x=\"90\" y=\"105\" width=\"20\" "
            "height=\"35\"/><rect x=\"55\" y=\"75\" width=\"20\" height=\"18\"/><rect "
            "x=\"125\" y=\"75\" width=\"20\" height=\"18\"/>";
    } else if (code == "heart") {
        body =
            "<path d=\"M100 135 C20 85 45 25 100 60 C155 25 180 85 100 135z\" "
            "fill=\"#f499be\"/>";
    } else {
        return "";
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 150\" "
           "class=\"signs-story-picture\" role=\"img\" aria-label=\"" +
           html_escaped(label) +
           "\"><g fill=\"none\" stroke=\"#0b0c0c\" stroke-width=\"4\" stroke-linecap=\"round\" "
           "stroke-linejoin=\"round\">" +
           body + "</g></svg>";
}

}  // namespace signs::web
