// lektion new course: a course folder to start from, its manifest and a first
// lesson (skeleton.hpp), which lint and the XML Schema both accept.
#pragma once

#include <filesystem>
#include <string>

namespace lektion {

struct NewCourse {
    std::filesystem::path manifest;  // DIR/course.xml
    std::filesystem::path lesson;    // DIR/l1.xml
};

enum class NewCourseOutcome {
    created,
    refused,  // the arguments or DIR: nothing was written
    failed,   // writing failed: nothing is left half written
};

// Checks everything first and writes nothing when any of it is wrong: the id
// (course_id_problem), the title (title_problem), the language (a BCP 47 tag,
// written in its normal spelling, "PT_br" as "pt-BR"; a wrong one is answered
// with the tag that was probably meant), and DIR: a symbolic link, something
// other than a folder, or a folder that holds course.xml or l1.xml already
// (in any form, a link included) are refused. DIR and its parents are created
// when missing. The lesson is written before the manifest, each with
// write_atomically (mode 0644, never through a link), holding DIR's import
// lock so that two commands do not write it at once. `error` gets one line.
NewCourseOutcome create_course(const std::filesystem::path& dir, const std::string& id,
                               const std::string& title, const std::string& lang, NewCourse& out,
                               std::string& error);

}  // namespace lektion
