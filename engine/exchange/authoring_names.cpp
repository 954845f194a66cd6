#include "exchange/authoring_names.hpp"

#include <fmt/format.h>

#include "course/text.hpp"
#include "exchange/skeleton.hpp"

namespace lektion {

namespace {

bool valid_id(const std::string& id, bool dots) {
    if (id.empty() || id.size() > 64) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '-' && c != '_' && !(dots && c == '.')))) return false;
    }
    return true;
}

// The id as a message quotes it: only what cannot disturb a terminal.
std::string shown(const std::string& id) {
    std::string out;
    for (char c : id.substr(0, 64)) out += (c >= 0x20 && c < 0x7F) ? c : '?';
    return out;
}

}  // namespace

std::string lesson_id_problem(const std::string& id) {
    if (valid_id(id, false)) return {};
    return fmt::format(
        "'{}' is not a lesson id: use a-z, 0-9, '-' and '_', starting with a letter or digit, such as l6",
        shown(id));
}

std::string course_id_problem(const std::string& id) {
    if (!valid_id(id, true))
        return fmt::format(
            "'{}' is not a course id: use a-z, 0-9, '.', '-' and '_', starting with a letter or digit, such "
            "as karriereplanlaegning",
            shown(id));
    const std::string lesson(first_lesson_id);
    if (id == lesson || id.starts_with(lesson + "."))
        return fmt::format(
            "'{}' is the id of the first lesson (or of a part of it) in a new course; choose "
            "another course id",
            id);
    if (id == "course.title") return "'course.title' is the id of the course title; choose another course id";
    return {};
}

std::string tidy_title(const std::string& title) {
    Text heading;
    heading.spans.push_back({title, plain});
    tidy(heading);
    return heading.plain();
}

std::string title_problem(const std::string& title) {
    if (find_invalid_utf8(title)) return "the title is not UTF-8 text";
    if (const std::optional<ForbiddenChar> c = find_control_character(title))
        return fmt::format("the title holds control character {}; write plain text",
                           code_point_name(c->code));
    const std::string tidied = tidy_title(title);
    if (tidied.empty()) return "the title is empty";
    std::size_t characters = 0;
    for (char c : tidied) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (characters > max_title_length)
        return fmt::format(
            "the title is longer than {} characters ({}); a shorter one fits the table of contents",
            max_title_length, characters);
    return {};
}

}  // namespace lektion
