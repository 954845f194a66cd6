// Loading a course folder into the model, with every problem reported.
#pragma once

#include <filesystem>

#include "course/model.hpp"
#include "diag/diagnostics.hpp"
#include "xml/xml_file.hpp"

namespace lektion {

struct LoadResult {
    CoursePtr course;  // null when any error was found
    Diagnostics diagnostics;
};

// Loads `dir`/course.xml and the lesson and quiz files it names. Problems are
// collected, not thrown: a trainer sees all of them at once.
LoadResult load_course(const std::filesystem::path& dir, const XmlLimits& limits = {});

}  // namespace lektion
