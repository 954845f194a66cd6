// Where an export's "-o FILE" may write. An export creates or replaces a file
// of the user's choosing; it must never replace the learner records, a file
// of a course's source, or something that is not a regular file (run as root,
// "-o /dev/null" would otherwise turn the device into a file of learner data).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace lektion {

struct ProtectedPaths {
    std::vector<std::filesystem::path> files;    // never replaced (the records and their -wal, -shm)
    std::vector<std::filesystem::path> folders;  // nothing inside them is written (course folders)
};

// "" when `target` may be created or replaced by an export, else one line
// naming it and why not. Besides `keep`, any existing SQLite database and the
// -wal, -shm and -journal files beside one are refused, whoever's they are.
// Links are followed to what they name, and names are compared after
// resolving "..", so another spelling of a protected path is still refused.
std::string why_not_output(const std::filesystem::path& target, const ProtectedPaths& keep);

}  // namespace lektion
