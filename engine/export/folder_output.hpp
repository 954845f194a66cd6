// Writing a site into a folder: each file by the one atomic write, after the
// -o guard passed every one of them. A folder that is not empty must hold an
// earlier export (its marker file), so that "-o ~" cannot scatter pages
// among a learner's own files.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "base/output_guard.hpp"

namespace lektion::web {

inline constexpr const char* export_marker = ".lektion-export";

// "" when `dir` may take an export, else one line why not.
std::string check_folder(const std::filesystem::path& dir, const ProtectedPaths& keep);

// "" or the first error; files already written stay (each whole).
std::string write_folder(const std::filesystem::path& dir, const std::map<std::string, std::string>& files,
                         const ProtectedPaths& keep);

}  // namespace lektion::web
