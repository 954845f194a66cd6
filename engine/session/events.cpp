#include "session/events.hpp"

#include <iterator>

namespace lektion {

namespace {
constexpr const char* kind_names[] = {
    "section_viewed", "check_answered",   "lesson_completed", "quiz_started",     "quiz_answered",
    "quiz_submitted", "course_completed", "position_changed", "language_changed",
};
}  // namespace

const char* to_string(EventKind kind) { return kind_names[static_cast<int>(kind)]; }

std::optional<EventKind> event_kind_from(std::string_view name) {
    for (int i = 0; i < static_cast<int>(std::size(kind_names)); ++i)
        if (name == kind_names[i]) return static_cast<EventKind>(i);
    return std::nullopt;
}

}  // namespace lektion
