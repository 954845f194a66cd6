// Where lektion finds what ships with it (the interface catalogs, the
// bundled course, the course schema) and what a user adds (installed courses,
// imported interface catalogs).
//
// The shipped resources live in one folder laid out as an install lays it
// out: locales/, courses/<id>/, schema/lektion.xsd. In order, that folder is
//   1. $LEKTION_RESOURCES, when set and not empty;
//   2. ../share/lektion from the folder of the program's own executable
//      (read from /proc/self/exe; the relative path from CMake's BINDIR to
//      DATADIR), when it holds locales/: an install under any prefix, also
//      one moved elsewhere or unpacked with DESTDIR or dpkg-deb -x;
//   3. the source tree the program was built from (a developer's build
//      tree), whose locales/ and content/ stand in for locales/ and courses/;
//   4. DATADIR/lektion as configured (/usr/share/lektion for the .deb).
// A user's own additions are in the XDG data folder (the one that holds the
// records): courses/<id>/ and locales/<lang>.xlf, which overlays the shipped
// catalog of that language message by message.
#pragma once

#include <filesystem>
#include <vector>

namespace lektion {

// "locales", "courses" or "schema" of the shipped resources.
std::filesystem::path resource_dir(const char* name);
std::filesystem::path bundled_course_dir();

// The folder the program's executable is in ("" when it cannot be read).
std::filesystem::path executable_dir();

// The user's data folder: $LEKTION_DATA_DIR, else $XDG_DATA_HOME/lektion
// (an absolute XDG_DATA_HOME only, as the XDG spec says), else
// ~/.local/share/lektion; "" when there is no home folder. The records live
// here (records/store.hpp's data_dir), and so do the user's courses/<id>/
// and locales/<lang>.xlf.
std::filesystem::path user_data_dir();
std::filesystem::path user_courses_dir();  // "" without a data folder
std::filesystem::path user_locales_dir();  // "" without a data folder

}  // namespace lektion
