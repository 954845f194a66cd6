#include "export/folder_output.hpp"

#include <fmt/format.h>

#include "base/atomic_file.hpp"

namespace lektion::web {

namespace fs = std::filesystem;

std::string check_folder(const fs::path& dir, const ProtectedPaths& keep) {
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(dir, ec);
    if (fs::is_symlink(st)) return fmt::format("{} is a symbolic link; name the folder itself", dir.string());
    if (fs::exists(st) && !fs::is_directory(st)) return fmt::format("{} is not a folder", dir.string());
    if (fs::is_directory(st) && !fs::exists(dir / export_marker) && !fs::is_empty(dir, ec))
        return fmt::format("{} is not empty and holds no earlier export; name a new or empty folder",
                           dir.string());
    // Any file in it stands for all: the guard refuses a folder of a course
    // (or one inside it) and the records whatever the name.
    if (std::string why = why_not_output(dir / "index.html", keep); !why.empty()) return why;
    return {};
}

std::string write_folder(const fs::path& dir, const std::map<std::string, std::string>& files,
                         const ProtectedPaths& keep) {
    if (std::string why = check_folder(dir, keep); !why.empty()) return why;
    for (const auto& [name, bytes] : files)
        if (std::string why = why_not_output(dir / name, keep); !why.empty()) return why;
    for (const auto& [name, bytes] : files)
        if (std::string error = write_atomically(dir / name, bytes, mode_shared); !error.empty())
            return error;
    // Last: a folder holds the marker only once an export finished in it.
    return write_atomically(dir / export_marker, "lektion export\n", mode_shared);
}

}  // namespace lektion::web
