// The courses a learner can play: the ones shipped with the program
// (resource_dir("courses")) and the ones a user installed from packages
// ($XDG_DATA_HOME/lektion/courses/<id>/). A user's copy of a course replaces
// the shipped one of the same id.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "package/package.hpp"

namespace lektion {

struct InstalledCourse {
    std::string id, version, title;  // the title in `lang` when the course has it
    std::filesystem::path dir;
    bool user = false;  // installed by the user, not shipped
};

// Every folder holding a course.xml that loads, sorted by title; `lang`
// picks the titles' translation.
std::vector<InstalledCourse> installed_courses(const std::string& lang = {});

// <0, 0, >0 as `a` is older than, the same as or newer than `b`: dotted
// numbers compare as numbers (1.10 > 1.9), anything else as text.
int compare_versions(const std::string& a, const std::string& b);

// Whether `id` may name a folder of courses/: letters, digits, '-', '_' and
// '.', not starting with '.', at most 64 bytes.
bool valid_course_id(const std::string& id);

struct InstallResult {
    std::string error;     // one line; then nothing was changed
    std::string replaced;  // the version replaced, if any
    InstalledCourse course;
};

// Unpacks `package` into the user's courses folder, after unpack_package's
// checks and a load of the course: a course with errors is refused, and so
// is one already installed (or shipped) in a newer version unless `force`.
// The new folder replaces the old by rename.
// `check` runs lint on the unpacked course folder and returns its error count.
InstallResult install_package(const std::filesystem::path& package, bool force,
                              int (*check)(const std::filesystem::path& course_dir));

}  // namespace lektion
