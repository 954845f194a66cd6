// Where lektion finds what ships with it: the bundled course and the
// interface catalogs. A build tree uses its source tree; an installed
// program uses /usr/share/lektion; LEKTION_RESOURCES overrides both.
#pragma once

#include <filesystem>

namespace lektion {

std::filesystem::path resource_dir(const char* name);  // "locales", "content"
std::filesystem::path bundled_course_dir();

}  // namespace lektion
