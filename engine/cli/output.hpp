// "-o FILE" for every export: standard output for "-" (or no -o), else a
// file written atomically that may not be the records, a course's source or
// anything but a regular file. Refusals are usage errors: one line, exit 2.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/atomic_file.hpp"
#include "base/output_guard.hpp"

namespace lektion::cli {

// What an export run with `data_dir_option` (--data-dir, possibly empty)
// and these course folders must never write: the records database of that
// data folder (with -wal, -shm, -journal) and everything in the folders.
ProtectedPaths protected_paths(const std::string& data_dir_option,
                               const std::vector<std::filesystem::path>& course_dirs);

bool to_standard_output(const std::string& file);

// 0 when `file` may be written; else prints one line and returns 2. Call it
// before the work, so that a refused target costs nothing.
int check_output(const std::string& file, const ProtectedPaths& keep);

// Writes `text`: 0, or 1 with one line printed when it could not be written
// (the old file, if any, stays as it was), or 2 when refused.
int write_output(const std::string& file, std::string_view text, mode_t mode, const ProtectedPaths& keep);

}  // namespace lektion::cli
