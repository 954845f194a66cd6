// What `lektion new course` and `lektion new lesson` accept as ids and
// titles. Each check returns "" or one sentence naming what is wrong, safe to
// print (an argument is quoted only as far as it cannot disturb a terminal).
#pragma once

#include <cstddef>
#include <string>

namespace lektion {

// A lesson id, also its file name: a-z, 0-9, '-' and '_', starting with a
// letter or digit, at most 64; no '.', which separates the ids inside the
// lesson (l6.s1.p1).
std::string lesson_id_problem(const std::string& id);

// A course id: the stable-id alphabet of content/FORMAT.md (a-z, 0-9, '.',
// '-', '_', starting with a letter or digit), at most 64, and none of the ids
// the new course gives its own parts (course.title, l1, l1.…).
std::string course_id_problem(const std::string& id);

// A course or lesson title: UTF-8, no control character (an escape sequence
// would reach every terminal that lists the course), not blank, at most
// max_title_length characters.
inline constexpr std::size_t max_title_length = 200;
std::string title_problem(const std::string& title);

// The title as it is written into the file: whitespace collapsed, NFC.
std::string tidy_title(const std::string& title);

}  // namespace lektion
