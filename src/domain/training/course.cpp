#include "domain/training/course.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "core/validation.hpp"

namespace signs::domain {
namespace {

std::optional<std::int64_t> id_in(const std::string& text) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value <= 0)
        return std::nullopt;
    return value;
}

}  // namespace

core::Result<CheckedCourse> check_course(const CourseForm& form, std::int64_t self,
                                         const std::set<std::int64_t>& known) {
    core::FieldChecks checks;
    checks.text("title", form.title, "Enter the course's title", "The title", 120);
    checks.text("summary", form.summary, "Enter a short summary of the course", "The summary", 500);
    checks.text("covers", form.covers, "Say what the course covers", "What it covers", 2000);
    checks.text("audience", form.audience, "Say who the course is for", "Who it is for", 300);
    checks.text("length", form.length, "Say how long the course is, like Half day or 2 days",
                "The length", 50);
    CheckedCourse out{core::trimmed(form.title),  core::trimmed(form.summary),
                      core::trimmed(form.covers), core::trimmed(form.audience),
                      core::trimmed(form.length), {}};
    for (const auto& text : form.satisfies) {
        auto id = id_in(text);
        if (!id || !known.contains(*id) || *id == self) {
            checks.add("satisfies", "Choose only other courses from the list");
            break;
        }
        if (std::find(out.satisfies.begin(), out.satisfies.end(), *id) == out.satisfies.end())
            out.satisfies.push_back(*id);
    }
    if (!checks.ok()) return std::unexpected(checks.error());
    return out;
}

std::set<std::int64_t> satisfied_by(std::int64_t course, const SatisfiesMap& satisfies) {
    std::set<std::int64_t> out;
    std::vector<std::int64_t> unexplored{course};
    while (!unexplored.empty()) {
        auto next = unexplored.back();
        unexplored.pop_back();
        auto it = satisfies.find(next);
        if (it == satisfies.end()) continue;
        for (auto covered : it->second) {
            if (covered != course && out.insert(covered).second) unexplored.push_back(covered);
        }
    }
    return out;
}

std::optional<std::int64_t> already_covered(std::int64_t wanted, const std::set<std::int64_t>& held,
                                            const SatisfiesMap& satisfies) {
    for (auto course : held) {
        if (course == wanted || satisfied_by(course, satisfies).contains(wanted)) return course;
    }
    return std::nullopt;
}

bool makes_a_loop(std::int64_t course, const std::vector<std::int64_t>& satisfies,
                  const SatisfiesMap& existing) {
    auto changed = existing;
    changed[course] = {satisfies.begin(), satisfies.end()};
    for (auto covered : satisfies) {
        if (covered == course || satisfied_by(covered, changed).contains(course)) return true;
    }
    return false;
}

}  // namespace signs::domain
