// Noticing that a trainer saved a file: a snapshot of the course folder's
// files (path, size, modification time), compared on demand. Polling keeps
// it portable and cheap for a folder of a dozen files.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace lektion {

class CourseWatcher {
public:
    explicit CourseWatcher(std::filesystem::path dir);
    // True when a file was added, removed or changed since the last call.
    bool changed();

private:
    using Snapshot = std::map<std::string, std::pair<std::uintmax_t, std::filesystem::file_time_type>>;
    Snapshot take() const;

    std::filesystem::path dir_;
    Snapshot last_;
};

}  // namespace lektion
