// lektion new lesson: a lesson file that lints clean, with a section, a
// paragraph and an attention check, registered in the course manifest.
#pragma once

#include <filesystem>
#include <string>

namespace lektion {

struct NewLesson {
    std::filesystem::path file;      // the lesson file written
    std::filesystem::path manifest;  // course.xml, with the lesson added
};

// Writes COURSE_DIR/ID.xml and inserts <lesson href="ID.xml"/> after the last
// <lesson> of course.xml, leaving every other byte of the manifest as it was.
// Refuses (returns the reason in `error`) an invalid id or title, an id or
// file the course has already, and a course that does not load.
bool add_lesson(const std::filesystem::path& dir, const std::string& id, const std::string& title,
                NewLesson& out, std::string& error);

// "" when `id` may name a lesson (a-z, 0-9, '-' and '_', starting with a
// letter or digit, at most 64), else why not, in a sentence naming it.
std::string lesson_id_problem(const std::string& id);

// "" when `title` may be a lesson title, else why not: not UTF-8, a control
// character (an escape sequence would reach every terminal that lists the
// course), nothing but white space, or longer than max_title_length
// characters.
inline constexpr std::size_t max_title_length = 200;
std::string lesson_title_problem(const std::string& title);

// The skeleton itself, for the id and title given.
std::string lesson_skeleton(const std::string& id, const std::string& title);

}  // namespace lektion
