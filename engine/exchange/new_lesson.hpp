// lektion new lesson: a lesson file with a section, a paragraph and an
// attention check (skeleton.hpp), registered in the course manifest.
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
// Refuses (returns the reason, one line, in `error`) an invalid id or title
// (authoring_names.hpp), a course that does not load, an id the course gives
// anything already (the course, a lesson, section, question, option, group,
// the quiz or a unit of text, or the start of one: "l1" of "l1.s1"), an id
// whose units a stored translation still holds (a lesson removed, its id
// reused: the old translation would show in the new lesson), and an ID.xml
// that exists in any form, a link that leads nowhere included.
bool add_lesson(const std::filesystem::path& dir, const std::string& id, const std::string& title,
                NewLesson& out, std::string& error);

}  // namespace lektion
