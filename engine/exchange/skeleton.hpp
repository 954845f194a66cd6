// The files `lektion new course` and `lektion new lesson` write, and the
// placeholder text in them: written here, and only here, so that lint can
// tell text nobody has replaced yet from an author's own.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace lektion {

// A piece of skeleton text and the command that writes it.
struct Placeholder {
    std::string_view text;
    std::string_view command;  // "lektion new lesson"
};

// Every placeholder any skeleton holds.
std::span<const Placeholder> skeleton_placeholders();

// The command that wrote `text` as a placeholder, or "" when it is none
// (compared as a loaded unit reads: whitespace collapsed).
std::string_view placeholder_command(std::string_view text);

// A lesson file: its title, a section with a heading and a paragraph, and a
// single-choice attention check, every id following content/FORMAT.md
// (ID.title, ID.s1.h, ID.check.a, …). `title` is plain text; it is escaped.
std::string lesson_skeleton(const std::string& id, const std::string& title);

// What `lektion new course` writes: the manifest (title, one lesson) and the
// first lesson, the lesson skeleton under first_lesson_id, titled with a
// placeholder.
inline constexpr std::string_view first_lesson_id = "l1";
std::string course_skeleton(const std::string& id, const std::string& title, const std::string& lang);
std::string first_lesson_skeleton();

}  // namespace lektion
