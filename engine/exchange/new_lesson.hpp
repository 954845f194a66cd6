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
// Refuses (returns the reason in `error`) an invalid id, an id or file the
// course has already, and a course that does not load.
bool add_lesson(const std::filesystem::path& dir, const std::string& id, const std::string& title,
                NewLesson& out, std::string& error);

// The skeleton itself, for the id and title given.
std::string lesson_skeleton(const std::string& id, const std::string& title);

}  // namespace lektion
