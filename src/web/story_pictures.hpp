#pragma once
/// The small set of simple pictures a "Words and pictures" story can use, drawn as stick
/// figures and shapes in the style families and workers draw them by hand.
#include <string>
#include <string_view>

namespace signs::web {

/// An SVG of the picture with this code (see domain::story_pictures), labelled with `label`
/// for screen readers; empty for an unknown code.
std::string story_picture_svg(std::string_view code, const std::string& label);

}  // namespace signs::web
